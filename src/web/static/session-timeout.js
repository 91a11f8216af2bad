/* global document, window, fetch, setTimeout, clearTimeout, setInterval, clearInterval, URLSearchParams */
// Idle-timeout warning (WCAG 2.2.1 Timing Adjustable). Progressive enhancement: without this script the
// session still ends after the idle time; with it, the user is warned first and can extend.
//
// The server is asked how long is left (GET /session/status, which does not count as activity), so a
// session kept alive in another tab is not ended here. "Stay signed in" (or Escape) posts to
// /session/extend with the form's CSRF token.

const dialog = document.getElementById('session-timeout');

if (dialog && typeof dialog.showModal === 'function') {
  const csrfToken = dialog.querySelector('input[name="_csrf"]').value;
  // A readable width and a clear edge (CSSOM styles are allowed by the Content-Security-Policy; a style attribute is not).
  dialog.style.maxWidth = '40em';
  dialog.style.border = '5px solid #0b0c0c';
  const stay = dialog.querySelector('[data-timeout-stay]');
  const when = dialog.querySelector('[data-timeout-when]');
  let warnTimer;
  let endTimer;
  let countdownTimer;
  let deadline = 0;
  let returnFocusTo = null;

  const clearTimers = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    clearInterval(countdownTimer);
  };

  const signedOut = () => {
    clearTimers();
    window.location.assign('/signed-out');
  };

  const status = async () => {
    try {
      const response = await fetch('/session/status', {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
        cache: 'no-store',
      });
      return response.ok ? await response.json() : { signedIn: false };
    } catch {
      // Offline for a moment: assume nothing changed rather than signing the user out.
      return null;
    }
  };

  const clock = (time) =>
    new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit' }).format(time);

  // Words, not a ticking number: updated every few seconds, and not announced on each change.
  const describe = () => {
    const seconds = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    let left;
    if (seconds >= 90) left = `in ${Math.round(seconds / 60)} minutes`;
    else if (seconds >= 60) left = 'in 1 minute';
    else if (seconds > 20) left = `in ${Math.ceil(seconds / 10) * 10} seconds`;
    else left = 'in a few seconds';
    when.textContent = `${left} (at ${clock(deadline)})`;
  };

  const close = () => {
    if (dialog.open) dialog.close();
    if (returnFocusTo && document.contains(returnFocusTo)) returnFocusTo.focus();
    returnFocusTo = null;
  };

  const schedule = (remainingSeconds, warnBeforeSeconds) => {
    clearTimers();
    deadline = Date.now() + remainingSeconds * 1000;
    warnTimer = setTimeout(warn, Math.max(0, (remainingSeconds - warnBeforeSeconds) * 1000));
  };

  const warn = async () => {
    const now = await status();
    if (now === null) return schedule(Math.max(0, (deadline - Date.now()) / 1000), 0);
    if (!now.signedIn) return signedOut();
    // Used in another tab since: wait again.
    if (now.idleRemainingSeconds > now.warnBeforeSeconds + 2)
      return schedule(now.idleRemainingSeconds, now.warnBeforeSeconds);
    deadline = Date.now() + now.idleRemainingSeconds * 1000;
    describe();
    if (!dialog.open) {
      returnFocusTo = document.activeElement;
      dialog.showModal();
      stay.focus();
    }
    countdownTimer = setInterval(describe, 5000);
    endTimer = setTimeout(end, now.idleRemainingSeconds * 1000 + 1000);
  };

  const end = async () => {
    const now = await status();
    if (now && now.signedIn && now.idleRemainingSeconds > 1) {
      close();
      return schedule(now.idleRemainingSeconds, now.warnBeforeSeconds);
    }
    signedOut();
  };

  const extend = async () => {
    try {
      const response = await fetch('/session/extend', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ _csrf: csrfToken }),
        credentials: 'same-origin',
      });
      if (!response.ok) return signedOut();
      const extended = await response.json();
      close();
      schedule(extended.idleRemainingSeconds, extended.warnBeforeSeconds);
    } catch {
      signedOut();
    }
  };

  stay.addEventListener('click', extend);
  // Escape means "I am still here", not "get rid of this and let me be signed out".
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    extend();
  });

  status().then((now) => {
    if (now && now.signedIn) schedule(now.idleRemainingSeconds, now.warnBeforeSeconds);
  });
}
