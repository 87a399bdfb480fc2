// The console's shell: sign-in, the pages the key's roles may see, and the router (#/page/...).
import {api, ApiError, session} from './api.js';
import {fill, h} from './dom.js';
import {isChinese, t, toggleLanguage} from './i18n.js';
import {overviewPage} from './pages/overview.js';
import {decisionsPage} from './pages/decisions.js';
import {decisionPage} from './pages/decision.js';
import {auditPage} from './pages/audit.js';
import {rulesPage} from './pages/rules.js';
import {impactPage} from './pages/impact.js';
import {experimentsPage} from './pages/experiments.js';

/** Each page: its route, the roles that may open it (those of the API calls it makes), and whether it is in the menu. */
const PAGES = [
  {route: 'overview', roles: ['AUDITOR', 'ANALYST', 'RULES_ADMIN'], render: overviewPage, menu: true},
  {route: 'decisions', roles: ['AUDITOR'], render: decisionsPage, menu: true},
  {route: 'decision', roles: ['AUDITOR'], render: decisionPage},
  {route: 'audit', roles: ['AUDITOR'], render: auditPage, menu: true},
  {route: 'rules', roles: ['AUDITOR', 'ANALYST', 'RULES_ADMIN'], render: rulesPage, menu: true},
  {route: 'impact', roles: ['ANALYST', 'RULES_ADMIN'], render: impactPage, menu: true},
  {route: 'experiments', roles: ['AUDITOR', 'ANALYST', 'RULES_ADMIN'], render: experimentsPage, menu: true},
];

const main = document.getElementById('main');
let rendering = 0;

/** Shows an API problem (or any error) above the page; null hides it. */
export function showProblem(error) {
  const box = document.getElementById('problem');
  if (!error) {
    box.hidden = true;
    return;
  }
  const p = error instanceof ApiError ? error.problem : {title: 'Error', detail: String(error.message || error)};
  fill(box, h('strong', {}, (p.status ? p.status + ' ' : '') + (p.title || '')), p.detail ? ' — ' + p.detail : '',
      (p.errors && p.errors.length) ? h('ul', {}, p.errors.map(e => h('li', {}, e.field ? h('code', {}, e.field) : null,
          e.field ? ': ' : '', e.message || String(e)))) : null);
  box.hidden = false;
}

/** The current route: page name, path parts after it, and query parameters. */
function route() {
  const [path, q] = location.hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return {page: parts[0] || '', args: parts.slice(1), params: new URLSearchParams(q || '')};
}

/** Opens a route (adds a history entry). */
export function go(page, args = [], params = null) {
  const q = params && params.toString();
  location.hash = '#/' + [page, ...args.map(encodeURIComponent)].join('/') + (q ? '?' + q : '');
}

async function render() {
  const ticket = ++rendering;
  showProblem(null);
  if (!session.key) {
    return signIn();
  }
  if (!session.roles.length) {
    try {
      session.roles = (await api('/v1/me')).roles;
    } catch (e) {
      session.key = null;
      showProblem(e);
      return signIn();
    }
  }
  chrome();
  const {page, args, params} = route();
  const allowed = PAGES.filter(p => session.may(...p.roles));
  const target = PAGES.find(p => p.route === page) || allowed.find(p => p.menu);
  if (!target || !session.may(...target.roles)) {
    fill(main, h('p', {class: 'empty', id: 'no-access'}, t('noAccess')));
    return;
  }
  markCurrent(target.route);
  fill(main, h('p', {class: 'loading'}, t('loading')));
  try {
    const content = await target.render({args, params});
    if (ticket === rendering) fill(main, content);
  } catch (e) {
    if (ticket === rendering) {
      fill(main);
      showProblem(e);
    }
  }
}

function chrome() {
  const nav = document.getElementById('nav');
  fill(nav, PAGES.filter(p => p.menu && session.may(...p.roles))
      .map(p => h('a', {href: '#/' + p.route, 'data-page': p.route}, t(p.route))));
  const roles = document.getElementById('roles');
  roles.textContent = session.roles.join(' + ');
  roles.title = roles.textContent;
  const out = document.getElementById('signout');
  out.hidden = false;
  out.textContent = t('signOut');
}

function markCurrent(page) {
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('current', a.dataset.page === page));
}

function signIn() {
  fill(document.getElementById('nav'));
  document.getElementById('roles').textContent = '';
  document.getElementById('signout').hidden = true;
  const key = h('input', {id: 'api-key', type: 'password', autocomplete: 'current-password', required: true,
    placeholder: 'X-API-Key'});
  fill(main, h('form', {class: 'card signin', id: 'signin', onsubmit: e => {
    e.preventDefault();
    session.key = key.value.trim();
    session.roles = [];
    render();
  }}, h('h1', {}, t('signIn')), h('p', {class: 'muted'}, t('signInHint')),
  h('label', {class: 'field'}, h('span', {}, t('apiKey')), key),
  h('button', {type: 'submit', class: 'primary'}, t('signIn'))));
  key.focus();
}

document.getElementById('signout').addEventListener('click', () => {
  session.key = null;
  session.roles = [];
  location.hash = '#/';
  render();
});
document.getElementById('lang').addEventListener('click', () => {
  toggleLanguage();
  document.getElementById('lang').textContent = isChinese() ? 'English' : '中文';
  render();
});
document.getElementById('lang').textContent = isChinese() ? 'English' : '中文';
window.addEventListener('hashchange', render);
render();
