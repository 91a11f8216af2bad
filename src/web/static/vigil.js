/* global document, fetch, setTimeout, clearTimeout, FormData, URLSearchParams */
// Progressive enhancement only: every page works without JavaScript.
import { initAll } from '/javascripts/govuk-frontend.min.js';

initAll();

// Parts of a form needed only for some choices of a radio group (e.g. the search's area and reason,
// only when looking outside one's own area): `data-shown-when="name=value name=value"`. Hidden with
// the `hidden` attribute, so nothing is announced as expanded; without JavaScript all are shown.
for (const part of document.querySelectorAll('[data-shown-when]')) {
  const wanted = part.dataset.shownWhen.split(' ').map((pair) => pair.split('='));
  const form = part.closest('form');
  const update = () => {
    part.hidden = !wanted.some(
      ([name, value]) => form?.querySelector(`input[name="${name}"][value="${value}"]`)?.checked,
    );
  };
  form?.addEventListener('change', update);
  update();
}

// A referral draft saves as you go: a short pause after typing posts the form (with its CSRF token
// and the version it started from) and says when it was saved. Without JavaScript, "Save draft"
// does the same. A save made elsewhere first (another tab) stops the autosave and says so.
const draft = document.querySelector('form[data-autosave]');
if (draft && typeof fetch === 'function') {
  const status = document.getElementById('draft-status');
  const versions = () => document.querySelectorAll('input[name="version"]');
  const say = (text) => {
    if (status && status.textContent !== text) status.textContent = text;
  };
  let timer;
  let saving = null;
  let again = false;
  let stopped = false;

  const save = async () => {
    if (stopped) return;
    if (saving) {
      again = true;
      return saving;
    }
    const data = new URLSearchParams(new FormData(draft));
    data.set('intent', 'autosave');
    saving = (async () => {
      try {
        const response = await fetch(draft.action, {
          method: 'POST',
          body: data,
          credentials: 'same-origin',
          headers: { accept: 'application/json' },
        });
        const type = response.headers.get('content-type') || '';
        const result = type.includes('application/json') ? await response.json() : null;
        if (response.ok && result && typeof result.version === 'number') {
          versions().forEach((input) => {
            input.value = String(result.version);
          });
          say(`Draft saved at ${result.savedAt}`);
        } else if (response.status === 409 && result) {
          stopped = true;
          say(result.message);
        } else if (response.status === 400 && result && result.errors) {
          say(`Draft not saved: ${Object.values(result.errors).join(' ')}`);
        } else {
          say('Draft not saved. Check you are still signed in, then select “Save draft”.');
        }
      } catch {
        say('Draft not saved: Vigil could not be reached. Select “Save draft” when you are back online.');
      }
    })();
    await saving;
    saving = null;
    if (again) {
      again = false;
      await save();
    }
  };

  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 1500);
  };
  draft.addEventListener('input', soon);
  draft.addEventListener('change', soon);

  // Submitting or saving by button while an autosave is on its way: wait for it, so the form
  // carries the version that save produced.
  draft.addEventListener('submit', (event) => {
    clearTimeout(timer);
    if (!saving) return;
    event.preventDefault();
    const submitter = event.submitter;
    saving.then(() => setTimeout(() => draft.requestSubmit(submitter), 0));
  });
}
