// The audit chain: its head to note down, a full verification with progress and every finding,
// and the check that the log only grew since a head noted earlier.
import {api, query} from '../api.js';
import {field, fill, h, table} from '../dom.js';
import {t} from '../i18n.js';
import {showProblem} from '../app.js';

/** Records verified per call: each call is a bounded walk, so the page can show progress and stay responsive. */
const STEP = 20000;

export async function auditPage() {
  const head = await api('/v1/audit/head');
  const progress = h('progress', {id: 'verify-progress', max: Math.max(1, head.seq), value: 0});
  const status = h('p', {id: 'verify-status', class: 'muted'});
  const findings = h('div', {id: 'verify-findings'});
  const verify = h('button', {type: 'button', class: 'primary', id: 'verify-all', onclick: async () => {
    verify.disabled = true;
    try {
      await verifyAll(head.seq, progress, status, findings);
    } catch (e) {
      showProblem(e);
    } finally {
      verify.disabled = false;
    }
  }}, t('verifyAll'));
  const noted = h('input', {id: 'noted-head', placeholder: 'SEQ:HASH', class: 'wide'});
  const notedResult = h('div', {id: 'noted-result'});
  return h('section', {class: 'page', id: 'audit-page'}, h('h1', {}, t('audit')),
      h('div', {class: 'card', id: 'head'}, h('h2', {}, t('head')),
          table(['seq', 'hash', 'mode', 'refused', 'index'], [[
            h('span', {id: 'head-seq'}, String(head.seq)), h('code', {class: 'hash', id: 'head-hash'}, head.hash), head.mode,
            String(head.refusedDecisions),
            head.index ? `seq ${head.index.seq} (${head.index.behind} behind)` : '—']]),
          h('p', {class: 'muted'}, 'Note ', h('code', {id: 'head-noted'}, head.seq + ':' + head.hash),
              ' outside the system; checking it later proves the log only grew.')),
      h('div', {class: 'card'}, h('h2', {}, t('verifyAll')), verify, ' ', progress, status, findings),
      h('form', {class: 'card', id: 'noted-form', onsubmit: async e => {
        e.preventDefault();
        showProblem(null);
        try {
          fill(notedResult, result(await api('/v1/audit/verify' + query({since: noted.value.trim()}))));
        } catch (err) {
          showProblem(err);
        }
      }}, h('h2', {}, t('notedHead')), field('SEQ:HASH', noted), ' ',
      h('button', {type: 'submit', id: 'check-noted'}, t('check')), notedResult));
}

async function verifyAll(headSeq, progress, status, findings) {
  fill(findings);
  const breaks = [];
  let count = 0;
  for (let from = 1; from <= headSeq; from += STEP) {
    const to = Math.min(headSeq, from + STEP - 1);
    const v = await api('/v1/audit/verify' + query({from, to, limit: 1000}));
    count += v.count;
    breaks.push(...v.breaks);
    progress.value = to;
    status.textContent = `${t('verifying')} ${to.toLocaleString()} / ${headSeq.toLocaleString()}`;
  }
  // The head row itself: the last range ends at the stored head, which the API checks when to is left out.
  const last = headSeq ? await api('/v1/audit/verify' + query({from: headSeq, limit: 1000})) : {ok: true, breaks: []};
  last.breaks.filter(b => !breaks.some(x => x.seq === b.seq && x.reason === b.reason)).forEach(b => breaks.push(b));
  status.textContent = breaks.length ? `✘ ${breaks.length} break(s) in ${count.toLocaleString()} records`
      : `✔ ${count.toLocaleString()} records verify, up to seq ${headSeq}`;
  status.className = breaks.length ? 'bad' : 'ok';
  if (breaks.length) fill(findings, h('h3', {}, t('findings')), breakTable(breaks));
}

function result(v) {
  return h('div', {}, h('p', {class: v.ok ? 'ok' : 'bad'}, v.ok
      ? `✔ the log only grew: ${v.count} record(s) from seq ${v.from} link on to the head ${v.headSeq}`
      : `✘ ${v.reason}: ${v.detail}`), v.breaks.length ? breakTable(v.breaks) : null);
}

function breakTable(breaks) {
  return table(['seq', 'last seq', 'reason', 'detail'], breaks.map(b => [String(b.seq), String(b.lastSeq), b.reason, b.detail]),
      {class: 'breaks'});
}
