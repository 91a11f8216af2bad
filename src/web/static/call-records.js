/* global document, Event, FileReader */
// The call-record import (monitoring): forms here are posted URL-encoded (there is no multipart
// parser), so the chosen CSV file is read in the browser into the "paste" box, which carries it.
// Without JavaScript the file's contents are pasted into the box by hand.
for (const input of document.querySelectorAll('input[type="file"][data-reads-into]')) {
  const target = document.getElementById(input.dataset.readsInto);
  if (!target) continue;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (!file) return;
    const reader = new FileReader();
    reader.addEventListener('load', () => {
      target.value = String(reader.result ?? '');
      target.dispatchEvent(new Event('input', { bubbles: true }));
    });
    reader.readAsText(file);
  });
}
