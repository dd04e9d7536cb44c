// First load: the prerendered public forms (log in, sign up, forgot and reset password, accept invitation) work before the .NET runtime
// has started. A form the prerender marked with data-early="<API route>" is sent here, as the same JSON the page sends,
// and its answer is shown as the page shows it: the API's field errors under the matching inputs, anything else in the
// form's alert. The listener sits on the prerendered form itself: once Blazor has rendered the page over it, that form
// is gone and the app's own form is the only one, so a submit is handled once, by one owner.
//
// Declared on the Razor form (see Pages/Public):
//   data-early          the API route, e.g. "api/auth/login"
//   data-early-fields   input id → JSON name, e.g. "email:email,password:newPassword"; a trailing ? sends a blank as null
//   data-early-query    query parameters sent as they are (e.g. "token")
//   data-early-zone     also send the device's time zone (timeZone)
//   data-early-busy     the button's text while sending
//   data-early-then     after success: "home" (the user's home, or a safe returnUrl), a path ("pt"), or "done": the form
//                       is replaced by the page's <template data-early-done> (values of [data-early-value=id] filled in)
// A page that shows something from the API first (accept invitation: who invited you) declares it on an element:
//   data-early-preview  GET this API route at once, with data-early-query's parameters taken from the page's URL
//   <template data-early-answer="ok">       replaces the element's [data-early-loading] once the answer came
//   <template data-early-answer="<status>"> a problem (else data-early-answer="", or "missing" when the link lacks a
//                       parameter): replaces all the element holds, form included
//   then each [data-early-fill=name] in it gets the answer's name as text, and each [data-early-if=name] goes when
//   that is empty. A lost connection leaves the page as it is: the app asks again, and says so, when it starts.
//   An ok answer is also kept in sessionStorage ("fitpilot:early:<route>?<query>") for the app's first render when it takes
//   the page over (Api/EarlyAnswers.cs), so what was shown does not flash back to "Loading…".
// Once a form was sent here, the app does not render over the page (Program.cs asks fitpilotEarly.engaged() before it
// renders): the answer shown, or still on its way, stays where the visitor looks; the page works on without the app.
(function () {
    var engaged = false;
    window.fitpilotEarly = {
        engaged: function () {
            if (engaged) document.documentElement.classList.add('fp-early-kept'); // the app keeps off this page
            return engaged;
        }
    };
    var forms = document.querySelectorAll('#app[data-prerendered] form[data-early]');
    for (var i = 0; i < forms.length; i++) forms[i].addEventListener('submit', submit);
    var previews = document.querySelectorAll('#app[data-prerendered] [data-early-preview]');
    for (var j = 0; j < previews.length; j++) preview(previews[j]);
    document.documentElement.classList.add('fp-forms-ready');
    if (window.performance && performance.mark) performance.mark('fp-forms-ready');

    function fields(form) {
        return form.getAttribute('data-early-fields').split(',').map(function (pair) {
            var parts = pair.trim().split(':'), json = parts[1], blankIsNull = /\?$/.test(json);
            return { input: document.getElementById(parts[0]), json: json.replace(/\?$/, ''), blankIsNull: blankIsNull };
        });
    }

    function preview(box) {
        var query = new URLSearchParams(location.search), params = new URLSearchParams();
        var names = (box.getAttribute('data-early-query') || '').split(',').filter(Boolean);
        if (names.some(function (name) { return !query.get(name); })) return answer(box, 'missing', {});
        names.forEach(function (name) { params.set(name, query.get(name)); });
        var url = box.getAttribute('data-early-preview') + '?' + params;
        fetch(url, {
            credentials: 'same-origin', headers: { 'Accept': 'application/json, application/problem+json' }
        }).then(function (response) {
            return response.text().then(function (text) {
                var json = null;
                try { json = text ? JSON.parse(text) : null; } catch (x) { /* not JSON */ }
                if (response.ok) {
                    try { sessionStorage.setItem('fitpilot:early:' + url, text); } catch (x) { /* storage blocked */ }
                    answer(box, 'ok', json || {});
                }
                else answer(box, String(response.status), problem(response.status, json));
            });
        }, function () { /* no connection: the app asks again when it starts */ });
    }

    function answer(box, key, values) {
        if (!box.isConnected) return; // the app has taken the page over and asked itself
        var template = box.querySelector('template[data-early-answer="' + key + '"]') ||
            (key === 'ok' ? null : box.querySelector('template[data-early-answer=""]'));
        if (!template) return;
        var shown = template.content.cloneNode(true);
        if (key === 'ok') {
            var loading = box.querySelector('[data-early-loading]');
            if (loading) loading.replaceWith(shown);
        } else {
            box.replaceChildren(shown);
        }
        Array.prototype.forEach.call(box.querySelectorAll('[data-early-if]'), function (el) {
            if (!values[el.getAttribute('data-early-if')]) el.remove();
        });
        Array.prototype.forEach.call(box.querySelectorAll('[data-early-fill]'), function (el) {
            var value = values[el.getAttribute('data-early-fill')];
            el.textContent = value === null || value === undefined ? '' : String(value);
        });
    }

    function submit(e) {
        var form = e.currentTarget;
        e.preventDefault();
        engaged = true; // whatever it shows now (a blank field flagged, the API's answer) stays: the app will not render over it
        if (form.getAttribute('aria-busy') === 'true') return;
        clear(form);
        var list = fields(form), body = {}, missing = [];
        list.forEach(function (f) {
            var value = f.input.value;
            // The app's own check before sending: a required field left blank ("Enter email.").
            if (!f.blankIsNull && value.trim() === '') missing.push(f);
            body[f.json] = f.blankIsNull && value.trim() === '' ? null : value;
        });
        if (missing.length) {
            missing.forEach(function (f) { fieldError(f.input, ['Enter ' + noun(f.input) + '.']); });
            return;
        }
        var query = new URLSearchParams(location.search);
        (form.getAttribute('data-early-query') || '').split(',').filter(Boolean).forEach(function (name) { body[name] = query.get(name) || ''; });
        if (form.hasAttribute('data-early-zone')) {
            try { body.timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || null; } catch (x) { body.timeZone = null; }
        }
        busy(form, true);
        fetch(form.getAttribute('data-early'), {
            method: 'POST', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' },
            body: JSON.stringify(body)
        }).then(function (response) {
            return response.text().then(function (text) {
                var json = null;
                try { json = text ? JSON.parse(text) : null; } catch (x) { /* not JSON */ }
                if (response.ok) succeeded(form, json, query);
                else failed(form, list, problem(response.status, json));
            });
        }, function () {
            failed(form, list, { status: 0, title: "Can't reach FitPilot", detail: 'Check your connection and try again.', errors: {} });
        });
    }

    function succeeded(form, session, query) {
        var then = form.getAttribute('data-early-then');
        if (session && session.user) {
            try { localStorage.setItem('fitpilot:me', JSON.stringify(session.user)); } catch (x) { /* storage blocked */ }
        }
        if (then !== 'done') {
            var home = session && session.user ? (session.user.role === 'trainer' ? 'pt' : 'app') : '';
            var target = then === 'home' ? safeReturn(query.get('returnUrl'), home) : then;
            location.assign(document.baseURI.replace(/\/?$/, '/') + target); // a full navigation: the session is a cookie
            return;
        }
        var template = document.querySelector('template[data-early-done]');
        if (!form.isConnected || !template) return note('Done.', template);
        var done = template.content.cloneNode(true);
        Array.prototype.forEach.call(done.querySelectorAll('[data-early-value]'), function (el) {
            el.textContent = document.getElementById(el.getAttribute('data-early-value')).value;
        });
        Array.prototype.forEach.call(document.querySelectorAll('#app [data-early-gone]'), function (el) { el.remove(); });
        form.replaceWith(done);
    }

    // As the login page does: a returnUrl inside the user's own part of the app, else their home.
    function safeReturn(r, home) {
        return r && r.indexOf('//') < 0 && r.indexOf(':') < 0 && (r === home || r.indexOf(home + '/') === 0) ? r : home;
    }

    function failed(form, list, p) {
        if (!form.isConnected) return note(p.title + (p.detail ? ' ' + p.detail : ''));
        busy(form, false);
        var unmatched = [], keys = Object.keys(p.errors || {});
        keys.forEach(function (key) {
            var name = key.replace(/^\$\.?/, '').split(/[.[]/)[0].toLowerCase();
            var field = list.filter(function (f) { return f.json.toLowerCase() === name; })[0];
            if (field) fieldError(field.input, p.errors[key]);
            else unmatched.push.apply(unmatched, p.errors[key]);
        });
        if (unmatched.length === 0 && keys.length > 0) return;
        // Where the app's ServerErrors shows it: the form's first child.
        var alert = el('div', 'alert error');
        alert.setAttribute('role', 'alert');
        alert.setAttribute('data-early-alert', '');
        var title = el('p'), strong = el('strong');
        strong.textContent = p.title;
        title.appendChild(strong);
        alert.appendChild(title);
        if (p.detail && keys.length === 0) alert.appendChild(text(p.detail));
        unmatched.forEach(function (m) { alert.appendChild(text(m)); });
        form.insertBefore(alert, form.firstChild);
        var extra = document.querySelector('template[data-early-status="' + p.status + '"]');
        if (extra) {
            var after = extra.content.cloneNode(true);
            Array.prototype.forEach.call(after.children, function (c) { c.setAttribute('data-early-alert', ''); });
            form.parentNode.insertBefore(after, form.nextSibling);
        }
    }

    // As the app's ValidationMessage and InputText show it, with the message tied to the input for screen readers.
    function fieldError(input, messages) {
        input.classList.remove('valid');
        input.classList.add('invalid');
        input.setAttribute('aria-invalid', 'true');
        var id = input.id + '-error';
        var message = el('div', 'validation-message');
        message.id = id;
        message.textContent = messages.join(' ');
        input.parentNode.appendChild(message);
        input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + id).trim());
        input.addEventListener('input', function edited() { // as in the app: an error clears as its field is edited
            input.removeEventListener('input', edited);
            clearField(input);
        });
    }

    function clearField(input) {
        var id = input.id + '-error', message = document.getElementById(id);
        if (message) message.remove();
        if (input.classList.contains('invalid')) input.classList.replace('invalid', 'valid');
        input.removeAttribute('aria-invalid');
        var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x !== id; }).join(' ');
        if (described) input.setAttribute('aria-describedby', described); else input.removeAttribute('aria-describedby');
    }

    function clear(form) {
        fields(form).forEach(function (f) { clearField(f.input); });
        Array.prototype.forEach.call(document.querySelectorAll('#app [data-early-alert]'), function (a) { a.remove(); });
    }

    function busy(form, on) {
        var button = form.querySelector('[type=submit]');
        if (on) {
            form.setAttribute('aria-busy', 'true');
            button.setAttribute('data-early-idle', button.textContent);
            if (form.hasAttribute('data-early-busy')) button.textContent = form.getAttribute('data-early-busy');
            button.disabled = true;
        } else {
            form.removeAttribute('aria-busy');
            button.textContent = button.getAttribute('data-early-idle') || button.textContent;
            button.disabled = false;
        }
    }

    // The RFC 9457 answer, or the app's plain words for a status without one (Api/ApiClient.cs).
    function problem(status, json) {
        var fallback = status >= 500 ? 'FitPilot had a problem on its side. Please try again in a moment.'
            : status === 404 ? 'Not found.' : status === 403 ? "You don't have access to this." : status === 401 ? 'Please log in again.' : "That didn't work.";
        json = json && typeof json === 'object' ? json : {};
        return { status: status, title: typeof json.title === 'string' ? json.title : fallback,
            detail: typeof json.detail === 'string' ? json.detail : null, errors: json.errors && typeof json.errors === 'object' ? json.errors : {} };
    }

    // The answer came after the app had taken the page over: say it where the app shows nothing of this form's.
    function note(message, template) {
        var box = document.getElementById('boot-note');
        if (box) box.textContent = template ? (template.content.textContent || template.textContent).replace(/\s+/g, ' ').trim() : message;
    }

    // "Email" → "email", "Your name" → "your name" (as the app's "Enter …." for a blank field).
    function noun(input) {
        var label = document.querySelector('label[for="' + input.id + '"]');
        var t = (label ? label.textContent : input.id).replace(/\s*\(optional\)\s*$/i, '').trim();
        return /^[A-Z]{2}/.test(t) ? t : t.charAt(0).toLowerCase() + t.slice(1);
    }

    function el(tag, cls) { var e = document.createElement(tag); if (cls) e.className = cls; return e; }
    function text(t) { var p = el('p'); p.textContent = t; return p; }
})();
