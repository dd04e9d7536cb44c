// Progress photos: the browser sends the chosen file straight to Blob Storage (a write-only SAS URL from the API) with
// XMLHttpRequest, whose upload.onprogress fetch() lacks, so the page can show a progress bar. The file is read from the
// <input type=file> here: it never passes through .NET memory. A module (imported by the page), so no inline script is needed.

// Resolves with the HTTP status (0: no connection or refused by CORS), telling the app the percentage sent as it goes.
export function upload(input, url, headers, dotnet, key) {
    return new Promise(function (resolve) {
        var file = input && input.files && input.files[0];
        if (!file) { resolve(-1); return; }
        var xhr = new XMLHttpRequest();
        var last = -1;
        xhr.open('PUT', url);
        Object.keys(headers || {}).forEach(function (name) { xhr.setRequestHeader(name, headers[name]); });
        xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
        xhr.upload.onprogress = function (e) {
            if (!e.lengthComputable) return;
            var percent = Math.floor(e.loaded * 100 / e.total);
            if (percent === last) return;
            last = percent;
            dotnet.invokeMethodAsync('OnUploadProgress', key, percent);
        };
        function done(status) {
            try { input.value = ''; } catch (e) { } // the same photo can be chosen again
            resolve(status);
        }
        xhr.onload = function () { done(xhr.status); };
        xhr.onerror = function () { done(0); };
        xhr.onabort = function () { done(0); };
        xhr.send(file);
    });
}
