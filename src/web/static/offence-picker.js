/* global document, window */
// Progressive enhancement of the offence field (the conviction form): without JavaScript it is a
// text input with the browser's own suggestions from the offence list (a <datalist>); with it, the
// GOV.UK accessible autocomplete takes its place, under the same id and name. Any text is still
// accepted: an offence not on the list is saved and put on the "offence needs classifying" list.
// Under the field, what the list says of the offence (its Schedule 3, Schedule 15 and terrorism
// flags) follows what is typed.
const autocomplete = window.accessibleAutocomplete;

for (const input of document.querySelectorAll('input[data-suggest][list]')) {
  const list = document.getElementById(input.getAttribute('list'));
  if (!list || typeof autocomplete !== 'function') continue;
  const options = [...list.querySelectorAll('option')];
  const names = options.map((option) => option.value);
  const classifications = new Map(
    options.map((option) => [option.value.toLowerCase(), option.dataset.classification]),
  );
  const status = document.querySelector(`[data-classification-for="${input.id}"]`);
  const unlisted = 'Not on the offence list: it needs classifying';
  const show = (value) => {
    if (!status) return;
    const typed = (value || '').trim().toLowerCase();
    // The longest listed name the typed text begins with, as the server matches it.
    const match = names
      .filter((name) => typed.startsWith(name.toLowerCase()))
      .sort((a, b) => b.length - a.length)[0];
    const text = typed ? (match ? classifications.get(match.toLowerCase()) : unlisted) : '';
    if (status.textContent !== text) status.textContent = text;
  };

  const wrapper = document.createElement('div');
  wrapper.className = 'vigil-autocomplete';
  input.before(wrapper);
  const { id, name, value } = input;
  const errored = input.classList.contains('govuk-input--error');
  input.remove();
  list.remove();
  autocomplete({
    element: wrapper,
    id,
    name,
    defaultValue: value,
    source: (query, populate) => {
      const wanted = query.trim().toLowerCase();
      populate(names.filter((n) => n.toLowerCase().includes(wanted)));
    },
    minLength: 2,
    confirmOnBlur: false,
    showNoOptionsFound: false,
    inputClasses: errored ? 'govuk-input--error' : null,
    onConfirm: (chosen) => {
      if (chosen) show(chosen);
    },
  });
  document.getElementById(id)?.addEventListener('input', (event) => show(event.target.value));
}
