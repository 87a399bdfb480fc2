// Overview: what our decisions looked like over the last days, for a relationship manager.
import {api, query} from '../api.js';
import {bars, stackedColumns} from '../charts.js';
import {h} from '../dom.js';
import {t} from '../i18n.js';
import {go} from '../app.js';

export async function overviewPage({params}) {
  const days = params.get('days') || '30';
  const o = await api('/v1/audit/overview' + query({days}));
  const name = output => code => (o.labels[output][code] || code) + ' ' + code;
  const picker = h('select', {id: 'days', onchange: e => go('overview', [], new URLSearchParams({days: e.target.value}))},
      ['7', '30', '90', '365'].map(d => h('option', {value: d, selected: d === days}, d)));
  const transitions = Object.keys(o.transitions);
  return h('section', {class: 'page', id: 'overview-page'},
      h('div', {class: 'page-head'}, h('h1', {}, t('overview')),
          h('label', {class: 'inline'}, t('days') + ' ', picker)),
      h('div', {class: 'cards'},
          h('div', {class: 'card stat'}, h('span', {class: 'big', id: 'overview-total'}, o.decisions.toLocaleString()),
              h('span', {}, t('decisions'))),
          h('div', {class: 'card stat'}, h('span', {class: 'big'}, String(o.indexedUpTo)), h('span', {}, t('indexedUpTo')))),
      h('div', {class: 'grid2'},
          h('div', {class: 'card'}, h('h2', {}, t('perDayTier')),
              stackedColumns(o.days, d => d.day, Object.keys(o.labels.tier), (d, k) => d.tiers[k] || 0, name('tier'))),
          h('div', {class: 'card'}, h('h2', {}, t('perDayStage')),
              stackedColumns(o.days, d => d.day, Object.keys(o.labels.cooperationStage), (d, k) => d.stages[k] || 0,
                  name('cooperationStage'))),
          h('div', {class: 'card', id: 'overview-transitions'}, h('h2', {}, t('transitions30')),
              bars(transitions.map(code => ({key: code, name: name('transition')(code), values: [o.transitions[code]]})))),
          h('div', {class: 'card', id: 'overview-rules'}, h('h2', {}, t('topRules')),
              o.rules.length ? bars(o.rules.map(r => ({key: r.rule, name: r.rule, title: r.name, values: [r.decisions]})))
                  : h('p', {class: 'muted'}, t('noDecisions')))));
}
