// Compose: the live preview. As the drafter types, the form goes (debounced) to the console's POST /posts/preview,
// which asks drafting to assess it (drafting's own counters and checks, nothing counted here) and answers with each
// network's preview as HTML; it replaces the preview column, an aria-live region. Without this script the
// "Check the preview" button does the same by reloading the page.
import { csrfToken } from '/static/console.js';

const DELAY_MS = 400;

export function start(form) {
  const preview = document.getElementById('preview');
  if (!preview) {
    return;
  }
  let timer = null;
  let sent = 0;

  async function refresh() {
    const ticket = ++sent;
    const body = new FormData(form);
    body.delete('mediaFile'); // the file goes only with the Upload button
    body.delete('action');
    preview.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch('/posts/preview', {
        method: 'POST',
        body,
        headers: { 'X-CSRF-Token': csrfToken(), 'X-Requested-With': 'JavaScript' },
      });
      if (response.status === 499) {
        window.location.reload(); // the session ended: sign in again and come back here
        return;
      }
      const html = await response.text();
      if (ticket === sent && response.ok) { // a slower, older answer never overwrites a newer one
        preview.innerHTML = html;
      }
    } catch (e) {
      // Offline for a moment: the preview stays as it was; "Check the preview" still works.
    } finally {
      if (ticket === sent) {
        preview.removeAttribute('aria-busy');
      }
    }
  }

  function later(event) {
    if (event.target && event.target.type === 'file') {
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(refresh, DELAY_MS);
  }

  form.addEventListener('input', later);
  form.addEventListener('change', later);
  form.dataset.livePreview = 'on';
}
