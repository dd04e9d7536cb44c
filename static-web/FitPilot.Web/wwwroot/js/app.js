// Installable PWA: register the service worker (a file, not an inline script, so the CSP can forbid inline scripts).
if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('service-worker.js', { updateViaCache: 'none' });
}

// Tell the app when the device comes back online, so queued set logs sync.
window.fitpilot = {
    watchOnline: function (dotnet) {
        window.addEventListener('online', function () { dotnet.invokeMethodAsync('OnOnline'); });
    },
    isOnline: function () { return navigator.onLine; },
    // The device's IANA time zone (e.g. "Australia/Sydney"): a new account's "today" follows it.
    timeZone: function () {
        try { return Intl.DateTimeFormat().resolvedOptions().timeZone || null; } catch (e) { return null; }
    }
};
