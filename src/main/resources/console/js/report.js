// The before × after part of a comparison report (an impact simulation's, or a shadow experiment's,
// which is the same report): a heat map per output, rule hits before and after, codes added and removed.
import {bars, heatMap} from './charts.js';
import {h, table} from './dom.js';
import {t} from './i18n.js';

export const OUTPUTS = ['cooperationStage', 'transition', 'lifecycleStage', 'tier', 'relationshipType'];
const CODES = {
  cooperationStage: ['DEVELOPMENT', 'INITIAL', 'STABLE', 'STRATEGIC'],
  transition: ['NEW', 'ADVANCED', 'HELD', 'REGRESSED'],
  lifecycleStage: ['EXPLORATION', 'FORMATION', 'STABILITY', 'DECLINE'],
  tier: ['STRATEGIC', 'KEY', 'GROWTH', 'STANDARD'],
  relationshipType: ['BASIC', 'REACTIVE', 'ACCOUNTABLE', 'PROACTIVE', 'PARTNERSHIP'],
};

/** A code with its Chinese label, for chart axes: names(output)(code). */
export function namer(labels) {
  return output => code => ((labels[output] || {})[code] || '') + ' ' + code;
}

/** The codes of a matrix in the domain's order (those it has), then any other it has. */
export function codesOf(output, cells) {
  const seen = new Set(cells.flatMap(c => [c.before, c.after]).filter(Boolean));
  return CODES[output].filter(code => seen.has(code)).concat([...seen].filter(code => !CODES[output].includes(code)));
}

/** Heat maps, rule hits and codes of a report with {matrices, rules, codes}. */
export function comparison(r, labels) {
  const nameOf = namer(labels);
  return [
    h('div', {class: 'grid2'}, OUTPUTS.map(output => h('div', {class: 'card matrix', 'data-output': output},
        h('h2', {}, output), heatMap(r.matrices[output], codesOf(output, r.matrices[output]), nameOf(output),
            [t('before'), t('after')])))),
    h('div', {class: 'card', id: 'rule-hits'}, h('h2', {}, t('ruleHits')),
        bars(r.rules.filter(x => x.before !== x.after).concat(r.rules.filter(x => x.before === x.after))
            .slice(0, 30).map(x => ({key: x.rule, name: x.rule, values: [x.before, x.after]})), [t('before'), t('after')])),
    h('div', {class: 'card', id: 'codes'}, h('h2', {}, 'flags · entitlements · actions'),
        table(['', 'code', '+', '−'], ['flags', 'entitlements', 'actions'].flatMap(kind => r.codes[kind]
            .map(x => [kind, h('code', {}, x.code), '+' + x.added, '−' + x.removed])))),
  ];
}
