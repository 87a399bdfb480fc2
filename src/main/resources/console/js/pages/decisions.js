// Decisions: an auditor's search over the log, page by page, and the export of the same filter.
import {api, download, labels, query} from '../api.js';
import {coded, field, h, instant, table, version} from '../dom.js';
import {t} from '../i18n.js';
import {go, showProblem} from '../app.js';

const FILTERS = ['customerId', 'from', 'to', 'tier', 'transition', 'rule', 'experiment'];
const TIERS = ['STRATEGIC', 'KEY', 'GROWTH', 'STANDARD'];
const TRANSITIONS = ['NEW', 'ADVANCED', 'HELD', 'REGRESSED'];

export async function decisionsPage({params}) {
  const filter = {};
  FILTERS.forEach(name => filter[name] = params.get(name) || '');
  const form = searchForm(filter);
  const results = h('div', {id: 'results'});
  const searched = FILTERS.some(name => filter[name]) || params.has('all');
  if (searched) {
    await showPage(results, filter, null);
  }
  return h('section', {class: 'page', id: 'decisions-page'}, h('h1', {}, t('decisions')), form, results);
}

function searchForm(filter) {
  const input = (name, attrs) => h('input', Object.assign({name, id: 'filter-' + name, value: filter[name]}, attrs));
  const select = (name, codes) => h('select', {name, id: 'filter-' + name},
      h('option', {value: ''}, t('any')), codes.map(c => h('option', {value: c, selected: filter[name] === c}, c)));
  const form = h('form', {class: 'card filters', id: 'search', onsubmit: e => {
    e.preventDefault();
    const params = new URLSearchParams();
    new FormData(form).forEach((value, name) => value && params.set(name, value));
    if (![...params.keys()].length) params.set('all', '1');
    go('decisions', [], params);
  }},
  field(t('customer'), input('customerId', {placeholder: 'ACME-176'})),
  field(t('from'), input('from', {placeholder: '2026-11-01T00:00:00Z'})),
  field(t('to'), input('to', {placeholder: '2026-12-01T00:00:00Z'})),
  field(t('tier'), select('tier', TIERS)),
  field(t('transition'), select('transition', TRANSITIONS)),
  field(t('rule'), input('rule', {placeholder: 'COOP-040'})),
  field(t('experiment'), input('experiment', {placeholder: 'id'})),
  h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', id: 'search-button'}, t('search')),
      h('button', {type: 'button', id: 'export-csv', onclick: () => exportAs(filter, 'csv')}, t('exportCsv')),
      h('button', {type: 'button', id: 'export-jsonl', onclick: () => exportAs(filter, 'jsonl')}, t('exportJsonl'))));
  return form;
}

function apiFilter(filter) {
  const out = {};
  FILTERS.forEach(name => {
    if (filter[name]) out[name] = filter[name];
  });
  return out;
}

async function exportAs(filter, format) {
  showProblem(null);
  try {
    await download('/v1/decisions/export' + query(Object.assign(apiFilter(filter), {format})), 'decisions.' + format);
  } catch (e) {
    showProblem(e);
  }
}

async function showPage(results, filter, cursor) {
  const [page, names] = await Promise.all([api('/v1/decisions' + query(Object.assign(apiFilter(filter), {limit: 50, cursor}))),
    labels()]);
  const label = (output, code) => coded(code, (names[output] || {})[code]);
  if (!page.items.length && !cursor) {
    results.append(h('p', {class: 'empty'}, t('noDecisions')));
    return;
  }
  results.append(table([t('decidedAt'), t('customer'), t('stage'), t('transition'), t('tier'), t('lifecycle'),
    t('relationship'), t('version')], page.items.map(d => [
    instant(d.decidedAt),
    h('a', {href: '#/decision/' + encodeURIComponent(d.decisionId), class: 'decision-link'}, d.customerId),
    label('cooperationStage', d.cooperationStage), label('transition', d.transition), label('tier', d.tier),
    label('lifecycleStage', d.lifecycleStage), label('relationshipType', d.relationshipType), version(d.rulesetVersion)]),
  {class: 'decisions'}));
  if (page.nextCursor) {
    const more = h('button', {type: 'button', id: 'next-page', onclick: async () => {
      more.remove();
      try {
        await showPage(results, filter, page.nextCursor);
      } catch (e) {
        showProblem(e);
      }
    }}, t('nextPage'));
    results.append(more);
  }
}
