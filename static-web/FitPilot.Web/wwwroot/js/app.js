// Installable PWA: register the service worker (a file, not an inline script, so the CSP can forbid inline scripts).
if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('service-worker.js', { updateViaCache: 'none' });
}
