// Rule sets: what decides now and how it went live, every version on a timeline, the files of any
// version, what changed between two (rule by rule), the last attempt that failed, and rollback.
import {api, session} from '../api.js';
import {field, fill, h, instant, table, version} from '../dom.js';
import {t} from '../i18n.js';
import {go, showProblem} from '../app.js';

export async function rulesPage({params}) {
  const [live, history, failed] = await Promise.all([api('/v1/ruleset'), api('/v1/ruleset/versions'),
    api('/v1/ruleset/failures')]);
  const versions = history.versions;
  const detail = h('div', {id: 'rules-detail'});
  const page = h('section', {class: 'page', id: 'rules-page'}, h('h1', {}, t('rules')),
      h('div', {class: 'card', id: 'live'}, h('h2', {}, t('live')),
          h('p', {}, version(live.version), ' · ', live.how, ' · ', instant(live.loadedAt), ' · ', live.ruleCount, ' rules'),
          live.warning ? h('p', {class: 'bad'}, live.warning) : null,
          table(['file', 'bytes', 'sha256'], live.files.map(f => [h('code', {}, f.path), String(f.size),
            h('code', {class: 'hash'}, f.sha256.slice(0, 16))]))),
      failed.failures.length ? failures(failed.failures) : null,
      h('div', {class: 'card', id: 'versions'}, h('h2', {}, t('versions')), versionTimeline(versions, live.version)),
      compareForm(versions, params), detail);
  if (params.get('from') && params.get('to')) await showDiff(detail, params.get('from'), params.get('to'));
  else if (params.get('files')) await showFiles(detail, params.get('files'));
  return page;
}

/** The attempts the gate refused, newest first: the latest open, the others a click away. */
function failures(list) {
  return h('div', {class: 'card failure', id: 'failures'}, h('h2', {}, t('failures')),
      list.map((f, i) => h('details', {class: 'failed-attempt', open: i === 0},
          h('summary', {}, instant(f.attemptedAt), ' · ', f.how, ' · ', version(f.version), ` · ${f.errors.length} error(s)`),
          h('ul', {class: 'errors'}, f.errors.map(e => h('li', {}, h('code', {}, e)))))));
}

/** Newest first: each version with every time it went live, its files, and rollback for a rules admin. */
function versionTimeline(versions, liveVersion) {
  return h('ol', {class: 'timeline-list'}, versions.map(v => h('li', {'data-version': v.version,
    class: v.version === liveVersion ? 'is-live' : ''},
  h('div', {class: 'when'}, instant(v.lastLiveAt)),
  h('div', {}, version(v.version), v.version === liveVersion ? h('span', {class: 'badge'}, t('live')) : null,
      activations(v.activations),
      h('div', {class: 'row-actions'},
          h('a', {href: '#/rules?files=' + encodeURIComponent(v.version), class: 'show-files'}, t('files')),
          session.may('RULES_ADMIN') && v.version !== liveVersion
              ? h('button', {type: 'button', class: 'danger rollback', onclick: () => rollback(v.version)}, t('rollback'))
              : null)))));
}

/** How a version went live, newest first: the last three, and the rest behind a click. */
function activations(list) {
  const text = a => a.how + ' ' + a.at.slice(0, 19).replace('T', ' ');
  const shown = h('div', {class: 'muted'}, list.slice(0, 3).map(text).join(' · '));
  return list.length <= 3 ? shown : h('div', {}, shown, h('details', {class: 'muted'},
      h('summary', {}, `${list.length - 3} more`), list.slice(3).map(text).join(' · ')));
}

async function rollback(target) {
  if (!window.confirm(t('confirmRollback') + '\n\n' + target)) return;
  showProblem(null);
  try {
    await api('/v1/ruleset/rollback', {method: 'POST', body: {version: target}});
    go('rules', [], new URLSearchParams({rolledBack: target}));
  } catch (e) {
    showProblem(e);
  }
}

function compareForm(versions, params) {
  const pick = (name, chosen) => h('select', {name, id: 'diff-' + name}, versions.map(v =>
      h('option', {value: v.version, selected: v.version === chosen}, v.version.slice(7, 19) + '  ' + v.lastLiveAt.slice(0, 16))));
  const from = pick('from', params.get('from') || (versions[1] || versions[0] || {}).version);
  const to = pick('to', params.get('to') || (versions[0] || {}).version);
  return h('form', {class: 'card filters', id: 'compare', onsubmit: e => {
    e.preventDefault();
    go('rules', [], new URLSearchParams({from: from.value, to: to.value}));
  }}, h('h2', {}, t('diff')), field(t('from'), from), field(t('to'), to),
  h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', id: 'compare-button'}, t('diff'))));
}

async function showDiff(detail, from, to) {
  const d = await api('/v1/ruleset/diff?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to));
  const changedFiles = d.files.filter(f => f.change !== 'UNCHANGED');
  fill(detail, h('div', {class: 'card', id: 'diff'}, h('h2', {}, t('diff'), ' ', version(d.from), ' → ', version(d.to)),
      h('p', {class: 'muted', id: 'diff-summary'}, `${d.rules.length} rule(s) changed, ${d.unchangedRules} unchanged; `
          + `${changedFiles.length} file(s) changed`),
      d.rules.map(r => h('div', {class: 'rule-change ' + r.change.toLowerCase(), 'data-rule': r.rule},
          h('h3', {}, h('span', {class: 'badge ' + r.change.toLowerCase()}, r.change), ' ', r.name,
              h('small', {class: 'muted'}, ' ' + r.file)),
          sideBySide(r.diff))),
      changedFiles.length ? h('h3', {}, t('files')) : null,
      changedFiles.map(f => h('details', {class: 'file-change', 'data-path': f.path},
          h('summary', {}, h('span', {class: 'badge ' + f.change.toLowerCase()}, f.change), ' ', h('code', {}, f.path)),
          f.diff ? sideBySide(f.diff) : h('p', {class: 'muted'}, 'binary file')))));
}

/** A unified diff laid out side by side: removed lines on the left, added on the right, context on both. */
function sideBySide(lines) {
  const rows = [];
  let left = [];
  let right = [];
  const flush = () => {
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      rows.push(h('tr', {}, h('td', {class: left[i] !== undefined ? 'del' : 'blank'}, left[i] ?? ''),
          h('td', {class: right[i] !== undefined ? 'add' : 'blank'}, right[i] ?? '')));
    }
    left = [];
    right = [];
  };
  for (const line of lines) {
    if (line.startsWith('@@')) {
      flush();
      rows.push(h('tr', {class: 'hunk'}, h('td', {colspan: 2}, line)));
    } else if (line.startsWith('-')) left.push(line.slice(1));
    else if (line.startsWith('+')) right.push(line.slice(1));
    else {
      flush();
      rows.push(h('tr', {}, h('td', {}, line.slice(1)), h('td', {}, line.slice(1))));
    }
  }
  flush();
  return h('div', {class: 'scroll'}, h('table', {class: 'diff'}, h('tbody', {}, rows)));
}

async function showFiles(detail, v) {
  const stored = await api('/v1/ruleset/versions/' + encodeURIComponent(v));
  const file = f => h('details', {class: 'stored-file', 'data-path': f.path}, h('summary', {}, h('code', {}, f.path)),
      h('pre', {class: 'source'}, f.encoding === 'utf-8' ? f.content : '(binary, base64) ' + f.content.slice(0, 200) + '…'));
  fill(detail, h('div', {class: 'card', id: 'stored-files'}, h('h2', {}, t('files'), ' ', version(stored.version)),
      stored.files.map(file), h('h3', {}, 'tests/'), stored.scenarios.map(file)));
}
