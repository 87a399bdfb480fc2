// One decision as an auditor reads it: the facts, every output with its label, the actions with
// their reasons, why (the explanation), the customer's path through the stages, and the record's
// place in the hash chain, checked there and then.
import {api, query} from '../api.js';
import {coded, h, instant, table, version} from '../dom.js';
import {t} from '../i18n.js';

const STAGES = ['DEVELOPMENT', 'INITIAL', 'STABLE', 'STRATEGIC'];
const STAGE_SHORT = {DEVELOPMENT: '开发', INITIAL: '初期', STABLE: '稳定', STRATEGIC: '战略'};
const OUTPUTS = [['cooperationStage', 'stage'], ['lifecycleStage', 'lifecycle'], ['tier', 'tier'],
  ['relationshipType', 'relationship']];

export async function decisionPage({args}) {
  const id = args[0];
  const path = '/v1/decisions/' + encodeURIComponent(id);
  const [d, why] = await Promise.all([api(path), api(path + '/explanation')]);
  const history = await api('/v1/decisions' + query({customerId: d.customerId, limit: 1000}));
  const out = d.output;
  // The answer carries the labels of its stages, tier and type; those of the transition, flags and
  // entitlements are in the explanation, which labels every output it explains.
  const label = {};
  why.explanations.forEach(e => label[e.code] = label[e.code] || e.label);
  const codes = list => list && list.length ? h('span', {}, list.map(c => coded(c, label[c])))
      : h('span', {class: 'muted'}, '—');
  return h('section', {class: 'page', id: 'decision-page', 'data-decision': d.decisionId},
      h('h1', {}, d.customerId, ' ', h('small', {class: 'muted'}, d.decisionId)),
      h('p', {class: 'meta'}, instant(d.decidedAt), ' · ', t('version'), ' ', version(d.rulesetVersion),
          d.requestId ? ' · requestId ' + d.requestId : ''),
      h('div', {class: 'grid2'},
          h('div', {class: 'card', id: 'facts'}, h('h2', {}, t('facts')),
              table(['field', 'value'], Object.entries(d.input).map(([k, v]) => [h('code', {}, k), v === null ? '—' : String(v)]))),
          h('div', {class: 'card', id: 'outputs'}, h('h2', {}, t('outputs')),
              table(['', ''], [
                ...OUTPUTS.map(([key, word]) => [t(word), coded(out[key].code, out[key].label)]),
                [t('transition'), h('span', {}, coded(out.transition, label[out.transition]), out.previousCooperationStage
                    ? ' ← ' + out.previousCooperationStage.code : '')],
                ['flags', codes(out.flags)], ['entitlements', codes(out.entitlements)]]))),
      h('div', {class: 'card', id: 'actions'}, h('h2', {}, t('actions')),
          h('ol', {class: 'actions-list'}, out.actions.map(a => h('li', {'data-code': a.code},
              coded(a.code, a.label), h('ul', {class: 'reasons'}, a.reasons.map(r => h('li', {}, r))))))),
      h('div', {class: 'card', id: 'explanation'}, h('h2', {}, t('explanation')), explanation(why.explanations)),
      h('div', {class: 'card', id: 'history'}, h('h2', {}, t('history')), timeline(history.items, d.decisionId)),
      h('div', {class: 'card', id: 'chain'}, h('h2', {}, t('chain')), await chainPlace(d.chain)));
}

function explanation(explanations) {
  return explanations.map(e => h('details', {class: 'why', open: true, 'data-output': e.output},
      h('summary', {}, h('strong', {}, e.outputLabel), ' ', coded(e.code, e.label)),
      h('ul', {}, e.rules.map(r => h('li', {class: 'why-rule'},
          h('div', {class: 'rule-name'}, r.rule),
          h('div', {class: 'rule-text'}, h('code', {}, r.text)),
          r.values.length ? h('div', {class: 'values'}, t('valuesRead') + ': ', r.values.map(v =>
              h('span', {class: 'value'}, v.label + ' ', h('code', {}, v.name), ' = ', v.valueLabel ? v.valueLabel + ' ' : '',
                  h('code', {}, v.value)))) : null,
          r.basedOn.length ? h('div', {class: 'based-on muted'}, t('basedOn') + ': ' + r.basedOn.join('; ')) : null)))));
}

/** The customer's decisions in order, each a dot on its stage's lane (开发 → 初期 → 稳定 → 战略). */
function timeline(items, current) {
  const width = Math.max(360, items.length * 48 + 80);
  const lane = stage => 20 + (STAGES.length - 1 - STAGES.indexOf(stage)) * 32;
  const x = i => 70 + i * 48;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} 150`);
  svg.setAttribute('class', 'timeline');
  let markup = STAGES.map(s => `<text x="4" y="${lane(s) + 4}" class="axis">${STAGE_SHORT[s]}</text>`
      + `<line x1="60" x2="${width}" y1="${lane(s)}" y2="${lane(s)}" class="lane"/>`).join('');
  markup += items.slice(1).map((d, i) => `<line x1="${x(i)}" y1="${lane(items[i].cooperationStage)}" x2="${x(i + 1)}" `
      + `y2="${lane(d.cooperationStage)}" class="step"/>`).join('');
  svg.innerHTML = markup;
  items.forEach((d, i) => {
    const link = document.createElementNS('http://www.w3.org/2000/svg', 'a');
    link.setAttribute('href', '#/decision/' + encodeURIComponent(d.decisionId));
    const dot = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
    Object.entries({cx: x(i), cy: lane(d.cooperationStage), r: d.decisionId === current ? 8 : 5,
      class: 'dot ' + d.transition.toLowerCase() + (d.decisionId === current ? ' current' : '')})
        .forEach(([k, v]) => dot.setAttribute(k, v));
    const tip = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    tip.textContent = `${d.decidedAt} ${d.cooperationStage} (${d.transition})`;
    dot.append(tip);
    link.append(dot);
    svg.append(link);
  });
  return h('div', {class: 'scroll'}, svg);
}

async function chainPlace(chain) {
  if (!chain) return h('p', {class: 'muted', id: 'chain-state'}, t('notSealed'));
  const v = await api('/v1/audit/verify' + query({from: chain.seq, to: chain.seq}));
  return h('div', {},
      table(['seq', 'hash', 'prev_hash'], [[String(chain.seq), h('code', {class: 'hash'}, chain.hash),
        h('code', {class: 'hash'}, chain.prevHash)]]),
      h('p', {id: 'chain-state', class: v.ok ? 'ok' : 'bad'}, v.ok ? '✔ ' + t('verifies')
          : '✘ ' + t('broken') + ': ' + v.reason + ' — ' + v.detail));
}
