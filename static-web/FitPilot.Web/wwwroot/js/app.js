// Installable PWA: register the service worker (a file, not an inline script, so the CSP can forbid inline scripts).
if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('service-worker.js', { updateViaCache: 'none' });
}

var audio = null, watcher = null;
window.addEventListener('online', function () { if (watcher) watcher.invokeMethodAsync('OnOnline'); });
window.addEventListener('offline', function () { if (watcher) watcher.invokeMethodAsync('OnOffline'); });

// Tell the app when the device comes back online, so queued set logs sync.
window.fitpilot = {
    // One page at a time hears about it (null stops): a page that has gone is never called.
    watchOnline: function (dotnet) {
        watcher = dotnet;
        if (dotnet && !navigator.onLine) dotnet.invokeMethodAsync('OnOffline');
    },
    isOnline: function () { return navigator.onLine; },
    // The rest timer's end: a vibration (the phone's own settings decide whether it buzzes) and, unless
    // turned off in the app, three short beeps. Audio may only start from a tap, so logging a set primes it.
    primeSound: function () {
        try {
            audio = audio || new (window.AudioContext || window.webkitAudioContext)();
            if (audio.state === 'suspended') audio.resume();
        } catch (e) { audio = null; }
    },
    restDone: function (sound) {
        if (navigator.vibrate) { try { navigator.vibrate([250, 120, 250]); } catch (e) { } }
        if (!sound || !audio) return;
        try {
            for (var i = 0; i < 3; i++) {
                var start = audio.currentTime + i * 0.25;
                var tone = audio.createOscillator(), gain = audio.createGain();
                tone.frequency.value = 880;
                gain.gain.setValueAtTime(0.0001, start);
                gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02);
                gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.18);
                tone.connect(gain).connect(audio.destination);
                tone.start(start);
                tone.stop(start + 0.2);
            }
        } catch (e) { }
    },
    // Puts the keyboard on an element by id, once the app has re-rendered (the builder's focus after a move or a remove).
    focus: function (id) {
        var element = document.getElementById(id);
        if (element) element.focus();
    },
    // The device's IANA time zone (e.g. "Australia/Sydney"): a new account's "today" follows it.
    timeZone: function () {
        try { return Intl.DateTimeFormat().resolvedOptions().timeZone || null; } catch (e) { return null; }
    }
};
