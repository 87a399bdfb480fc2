// The console has exactly the powers of the key it signed in with: every call goes to the public
// JSON API with that key, and the key stays in this tab only (sessionStorage).

const KEY = 'guanxi.apiKey';

/** A failed call, carrying the API's problem (RFC 9457): status, title, detail and per-field errors. */
export class ApiError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || 'request failed');
    this.problem = problem;
    this.status = problem.status;
  }
}

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  set key(value) { value ? sessionStorage.setItem(KEY, value) : sessionStorage.removeItem(KEY); },
  roles: [],
  /** Whether the key holds one of the roles. */
  may(...roles) { return roles.some(role => this.roles.includes(role)); },
};

/** Calls the API; resolves to its JSON, or rejects with an ApiError. */
export async function api(path, options = {}) {
  const response = await call(path, options, 'application/json');
  return response.status === 204 ? null : response.json();
}

/** Downloads what a GET answers (an export) as a file named as the server says. */
export async function download(path, fallbackName) {
  const response = await call(path, {}, '*/*');
  const disposition = response.headers.get('Content-Disposition') || '';
  const name = (disposition.match(/filename="([^"]+)"/) || [])[1] || fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), {href: url, download: name});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return name;
}

async function call(path, options, accept) {
  const headers = {'Accept': accept + ', application/problem+json'};
  if (session.key) headers['X-API-Key'] = session.key;
  let body;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response;
  try {
    response = await fetch(path, {method: options.method || 'GET', headers, body});
  } catch (e) {
    throw new ApiError({status: 0, title: 'The service cannot be reached', detail: String(e.message || e)});
  }
  if (!response.ok) {
    let problem;
    try {
      problem = await response.json();
    } catch (e) {
      problem = {status: response.status, title: response.statusText || 'HTTP ' + response.status};
    }
    throw new ApiError(Object.assign({status: response.status}, problem));
  }
  return response;
}

/** A query string from the non-empty entries of an object. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') q.set(name, value);
  }
  const text = q.toString();
  return text ? '?' + text : '';
}

let labelsOnce = null;

/**
 * The Chinese label of every output code, by output ({@code tier}, {@code cooperationStage}, …), as the
 * service defines them; asked once (the overview of one day carries them) and kept for the session.
 */
export function labels() {
  labelsOnce = labelsOnce || api('/v1/audit/overview?days=1').then(o => o.labels).catch(e => {
    labelsOnce = null;
    throw e;
  });
  return labelsOnce;
}
