// Installable PWA: register the service worker (a file, not an inline script, so the CSP can forbid inline scripts).
if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('service-worker.js', { updateViaCache: 'none' });
}

var audio = null, watcher = null;
window.addEventListener('online', function () { if (watcher) watcher.invokeMethodAsync('OnOnline'); });
window.addEventListener('offline', function () { if (watcher) watcher.invokeMethodAsync('OnOffline'); });
// Whether the reader is at the end of the page (within 120 px): a conversation follows its newest message only then.
var atEnd = true;
window.addEventListener('scroll', function () {
    var root = document.scrollingElement || document.documentElement;
    atEnd = root.scrollHeight - root.scrollTop - window.innerHeight < 120;
}, { passive: true });

// Tell the app when the device comes back online, so queued set logs sync.
window.fitpilot = {
    // One page at a time hears about it (null stops): a page that has gone is never called.
    watchOnline: function (dotnet) {
        watcher = dotnet;
        if (dotnet && !navigator.onLine) dotnet.invokeMethodAsync('OnOffline');
    },
    isOnline: function () { return navigator.onLine; },
    // A conversation's newest message into view above the composer: always (opened, or the reader sent one), or only when
    // the reader was already at the end (a message arrived while they read older ones: they stay where they are).
    followEnd: function (always) {
        if (!always && !atEnd) return;
        var root = document.scrollingElement || document.documentElement;
        root.scrollTop = root.scrollHeight;
        atEnd = true;
    },
    // The notification bell polls only while the page is visible.
    isVisible: function () { return document.visibilityState !== 'hidden'; },
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

// First load. The public pages arrive prerendered (tools/FitPilot.Prerender) and can be read and filled in while the
// .NET runtime loads; Blazor then renders the same page over them. What was typed is carried over to the new fields
// (by id), with the caret. A form js/early-forms.js does not send itself is sent by the app as soon as it can.
(function () {
    var app = document.getElementById('app');
    if (!app || !window.MutationObserver) return;
    var placeholder = app.firstElementChild; // the static page (or "Loading…"): gone once Blazor has rendered
    var prerendered = app.hasAttribute('data-prerendered');
    var fields = prerendered ? Array.prototype.slice.call(app.querySelectorAll('input[id], textarea[id], select[id]')) : [];
    var started = false, focused = null, pendingForm = -1, restoredFocus = null, guardUntil = 0;
    var note = document.getElementById('boot-note');

    if (prerendered) {
        app.addEventListener('focusin', function (e) { if (!started && fields.indexOf(e.target) >= 0) focused = e.target; });
        app.addEventListener('submit', function (e) {
            if (started || e.defaultPrevented) return; // sent by js/early-forms.js
            e.preventDefault();
            pendingForm = Array.prototype.indexOf.call(app.querySelectorAll('form'), e.target);
            if (note) note.textContent = 'Starting FitPilot… your form is sent as soon as it is ready.';
        });
    }

    function fire(el, type) { el.dispatchEvent(new Event(type, { bubbles: true })); }

    // Fills each new field (same id) with what was typed, once; true when nothing is left to carry over.
    function carryOver() {
        fields = fields.filter(function (old) {
            var now = document.getElementById(old.id);
            if (!now || now === old || !app.contains(now)) return true; // not rendered yet
            var value = old.type === 'checkbox' || old.type === 'radio' ? null : old.value;
            if (value !== null && value !== '' && now.value !== value) {
                now.value = value;
                fire(now, 'input');
                fire(now, 'change');
            } else if (value === null && now.checked !== old.checked) {
                now.click();
            }
            if (old === focused) {
                now.focus({ preventScroll: true });
                try { now.setSelectionRange(old.selectionStart, old.selectionEnd); } catch (e) { /* email/number inputs */ }
                restoredFocus = now;
                guardUntil = Date.now() + 2000;
            }
            return false;
        });
        return fields.length === 0;
    }

    function sendPending() {
        if (pendingForm < 0) return;
        var form = app.querySelectorAll('form')[pendingForm];
        if (!form || fields.length) return;
        pendingForm = -1;
        if (note) note.textContent = '';
        if (form.requestSubmit) form.requestSubmit(); else form.querySelector('[type=submit]').click();
    }

    var observer = new MutationObserver(function () {
        if (!started) {
            if (placeholder && placeholder.isConnected) return;
            started = true;
            document.documentElement.classList.add('fp-started');
        }
        var done = carryOver();
        sendPending();
        if (done && pendingForm < 0) observer.disconnect();
    });
    observer.observe(app, { childList: true, subtree: true });
    setTimeout(function () { observer.disconnect(); }, 120000);

    // The app focuses the page's heading when it first renders; someone already typing keeps their field.
    document.addEventListener('focusin', function (e) {
        if (restoredFocus && Date.now() < guardUntil && e.target !== restoredFocus && e.target.tagName === 'H1' && restoredFocus.isConnected) {
            restoredFocus.focus({ preventScroll: true });
        }
    });
})();

// Starting the app (blazor.webassembly.js has autostart="false"). On a prerendered public page it waits until the
// visitor first taps, presses a key or focuses something, or the browser has been idle a while after the page loaded:
// the page is already readable, its links work and its forms can be filled, while the runtime's start keeps a phone's
// main thread busy for seconds (Lighthouse's total blocking time) and would make the first scroll or keystrokes
// stutter. Everywhere else, and on a device that remembers a signed-in user (the app changes what the public page
// shows them), it starts at once.
(function () {
    var app = document.getElementById('app');
    var wanted = false, begun = false, events = ['pointerdown', 'keydown', 'touchstart', 'focusin'];
    function start() {
        wanted = true;
        if (begun || !window.Blazor) return; // blazor.webassembly.js runs after this file: DOMContentLoaded starts it
        begun = true;
        events.forEach(function (type) { document.removeEventListener(type, start, true); });
        Blazor.start();
    }
    document.addEventListener('DOMContentLoaded', function () { if (wanted) start(); });
    var remembered = false;
    try { remembered = localStorage.getItem('fitpilot:me') !== null; } catch (e) { /* storage blocked */ }
    if (!app || !app.hasAttribute('data-prerendered') || remembered) { start(); return; }
    events.forEach(function (type) { document.addEventListener(type, start, { capture: true, passive: true }); });
    window.addEventListener('load', function () {
        setTimeout(function () {
            if (window.requestIdleCallback) requestIdleCallback(start, { timeout: 2000 }); else start();
        }, 5000);
    });
})();
