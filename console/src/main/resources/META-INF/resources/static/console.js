// The console's one script: GOV.UK Frontend's components, and fetch() through /api/ with the CSRF token.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

/** This page's CSRF token (in a meta tag; the session itself stays in an HttpOnly cookie). */
export function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : '';
}

/**
 * Calls a service through the gateway: api('drafting', '/posts/preview', { method: 'POST', json: {...} }).
 * Resolves to { ok, status, body } with body parsed from JSON (problem+json included). A 499 means the session has
 * ended: the page reloads, which signs in again and comes back here.
 */
export async function api(service, path, { method = 'GET', json, headers = {} } = {}) {
  const init = { method, headers: { 'X-Requested-With': 'JavaScript', Accept: 'application/json', ...headers } };
  if (method !== 'GET' && method !== 'HEAD') {
    init.headers['X-CSRF-Token'] = csrfToken();
  }
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  }
  const response = await fetch(`/api/${service}${path}`, init);
  if (response.status === 499) {
    window.location.reload();
    return new Promise(() => {});
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  return { ok: response.ok, status: response.status, body, headers: response.headers };
}

// Page scripts: <main data-page="compose"> loads /static/pages/compose.js, which exports start(main).
const main = document.querySelector('main[data-page], [data-page]');
if (main) {
  import(`/static/pages/${main.dataset.page}.js`).then((page) => page.start(main));
}
