// The session-timeout warning (GOV.UK's timeout pattern): a dialog some time before the session
// would end for want of activity, to stay signed in (which renews the session on the server) or
// sign out; at the end, sign out and show a page saying why. The last activity is shared between
// tabs through localStorage, so a tab left open does not sign out someone busy in another.
// A file, not an inline script: the content-security policy allows none.
(function () {
  'use strict';
  var dialog = document.getElementById('session-timeout');
  var form = document.querySelector('form.bp-sign-out');
  if (!dialog || !form || typeof dialog.showModal !== 'function') {
    return;
  }
  var KEY = 'boardpack.lastActivity';
  var idle = Number(dialog.getAttribute('data-idle-seconds')) * 1000;
  var warning = Number(dialog.getAttribute('data-warning-seconds')) * 1000;
  var countdown = dialog.querySelector('[data-countdown]');
  var live = dialog.querySelector('[data-live]');
  var local = 0;
  var spoken = '';
  var leaving = false;

  function words(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    if (seconds > 60) {
      var minutes = Math.ceil(seconds / 60);
      return minutes + ' minutes';
    }
    return seconds + (seconds === 1 ? ' second' : ' seconds');
  }

  function shared() {
    try {
      return Number(window.localStorage.getItem(KEY)) || 0;
    } catch (error) {
      return 0;
    }
  }

  function touch() {
    local = Date.now();
    try {
      window.localStorage.setItem(KEY, String(local));
    } catch (error) {
      // Private browsing without storage: this tab keeps its own time.
    }
  }

  function signOut(reasonUrl) {
    leaving = true;
    var everywhere = form.querySelector('input[name="everywhere"]');
    if (reasonUrl) {
      if (everywhere) {
        everywhere.parentNode.removeChild(everywhere);
      }
      form.querySelector('input[name="next"]').value = reasonUrl;
    }
    form.submit();
  }

  function stay() {
    var token = form.querySelector('input[name="csrfmiddlewaretoken"]').value;
    window.fetch(dialog.getAttribute('data-keep-alive-url'), {
      method: 'POST',
      credentials: 'same-origin',
      redirect: 'manual',
      headers: { 'X-CSRFToken': token }
    }).then(function (response) {
      if (response.status === 204) {
        touch();
        dialog.close();
      } else {
        window.location.href = dialog.getAttribute('data-ended-url');
      }
    });
  }

  function tick() {
    if (leaving) {
      return;
    }
    var left = Math.max(local, shared()) + idle - Date.now();
    if (left <= 0) {
      signOut(dialog.getAttribute('data-signed-out-url'));
      return;
    }
    if (left > warning) {
      if (dialog.open) {
        dialog.close();
      }
      spoken = '';
      return;
    }
    if (!dialog.open) {
      dialog.showModal();
      dialog.querySelector('[data-stay]').focus();
    }
    countdown.textContent = words(left);
    // Say the time left when the dialog opens and each minute, then at 20 seconds: not every second.
    var announce = left > 60000 ? words(Math.ceil(left / 60000) * 60000) : (left <= 20000 ? '20 seconds' : '1 minute');
    if (announce !== spoken) {
      spoken = announce;
      live.textContent = ' (' + announce + ')';
    }
  }

  dialog.querySelector('[data-stay]').addEventListener('click', stay);
  dialog.querySelector('[data-sign-out]').addEventListener('click', function () {
    signOut('');
  });
  dialog.addEventListener('cancel', function (event) {
    event.preventDefault();
    stay();
  });
  document.addEventListener('htmx:afterRequest', touch);
  touch();
  window.setInterval(tick, 1000);
}());
