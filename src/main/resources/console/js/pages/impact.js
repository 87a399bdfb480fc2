// Impact: replay a candidate rule set over the logged decisions before it goes live, watch it run,
// and read what it would change as pictures (before × after heat maps, rule hits) and as a list.
import {api, download, labels, query} from '../api.js';
import {comparison, OUTPUTS} from '../report.js';
import {field, h, instant, table, version} from '../dom.js';
import {t} from '../i18n.js';
import {go, showProblem} from '../app.js';

const POLL_MS = 500;

export async function impactPage({args}) {
  return args[0] ? simulation(args[0]) : startPage();
}

async function startPage() {
  const [live, history, listing] = await Promise.all([api('/v1/ruleset'), api('/v1/ruleset/versions'),
    api('/v1/simulations')]);
  return h('section', {class: 'page', id: 'impact-page'}, h('h1', {}, t('impact')),
      await startForm(live, history.versions),
      h('div', {class: 'card', id: 'simulations'}, h('h2', {}, t('impact')),
          table(['', 'state', t('candidate'), 'started', 'finished'], listing.simulations.map(s => [
            h('a', {href: '#/impact/' + encodeURIComponent(s.id), class: 'simulation-link'}, s.id.slice(0, 8)),
            s.state, version(s.candidateVersion), instant(s.startedAt), instant(s.finishedAt)]))));
}

async function startForm(live, versions) {
  const stored = await api('/v1/ruleset/versions/' + encodeURIComponent(live.version));
  const kind = h('select', {id: 'candidate-kind', name: 'kind'},
      h('option', {value: 'edit'}, t('editedFile')), h('option', {value: 'version'}, t('storedVersion')),
      h('option', {value: 'live'}, t('liveSet')));
  const pickVersion = h('select', {id: 'candidate-version'}, versions.map(v => h('option', {value: v.version},
      v.version.slice(7, 19) + '  ' + v.lastLiveAt.slice(0, 16))));
  const textFiles = stored.files.filter(f => f.encoding === 'utf-8');
  const pickFile = h('select', {id: 'candidate-file'}, textFiles.map(f => h('option', {value: f.path}, f.path)));
  const editor = h('textarea', {id: 'candidate-content', rows: 18, spellcheck: 'false', class: 'source'});
  const load = () => editor.value = (textFiles.find(f => f.path === pickFile.value) || {content: ''}).content;
  pickFile.addEventListener('change', load);
  load();
  const editing = h('div', {id: 'candidate-editing'}, field('file', pickFile), editor);
  const choosing = h('div', {hidden: true}, field(t('version'), pickVersion));
  kind.addEventListener('change', () => {
    editing.hidden = kind.value !== 'edit';
    choosing.hidden = kind.value !== 'version';
  });
  const filter = {};
  const input = (name, placeholder) => filter[name] = h('input', {id: 'population-' + name, placeholder});
  const form = h('form', {class: 'card', id: 'simulate', onsubmit: async e => {
    e.preventDefault();
    showProblem(null);
    const body = {};
    Object.entries(filter).forEach(([name, el]) => el.value.trim() && (body[name] = el.value.trim()));
    if (kind.value === 'version') body.version = pickVersion.value;
    if (kind.value === 'edit') {
      body.files = [...stored.files, ...stored.scenarios].map(f => f.path === pickFile.value
          ? {path: f.path, content: editor.value}
          : f.encoding === 'utf-8' ? {path: f.path, content: f.content} : {path: f.path, contentBase64: f.content});
    }
    try {
      const accepted = await api('/v1/simulations', {method: 'POST', body});
      go('impact', [accepted.id]);
    } catch (err) {
      showProblem(err);
    }
  }}, h('h2', {}, t('simulate')), field(t('candidate'), kind), editing, choosing,
  h('fieldset', {class: 'filters'}, h('legend', {}, t('population')),
      field(t('from'), input('from', '2026-11-01T00:00:00Z')), field(t('to'), input('to', '')),
      field(t('customer'), input('customerId', '')), field(t('tier'), input('tier', 'STRATEGIC')),
      field(t('transition'), input('transition', '')), field(t('rule'), input('rule', 'COOP-040'))),
  h('button', {type: 'submit', class: 'primary', id: 'simulate-button'}, t('simulate')));
  return form;
}

async function simulation(id) {
  const s = await api('/v1/simulations/' + encodeURIComponent(id));
  const page = h('section', {class: 'page', id: 'simulation-page', 'data-state': s.state},
      h('h1', {}, t('impact'), ' ', h('small', {class: 'muted'}, id)),
      h('p', {class: 'meta'}, t('candidate'), ' ', version(s.candidateVersion), ' · ', instant(s.startedAt),
          ' · ', h('strong', {id: 'simulation-state'}, s.state)));
  if (s.state === 'RUNNING') {
    const p = s.progress || {looked: 0, toLook: 1, replayed: 0};
    page.append(h('div', {class: 'card'}, h('h2', {}, t('progress')),
        h('progress', {max: Math.max(1, p.toLook), value: p.looked}), ` ${p.looked} / ${p.toLook} · ${p.replayed} replayed`));
    setTimeout(() => {
      if (location.hash.startsWith('#/impact/' + encodeURIComponent(id))) window.dispatchEvent(new HashChangeEvent('hashchange'));
    }, POLL_MS);
    return page;
  }
  if (s.state === 'FAILED') {
    page.append(h('p', {class: 'bad'}, s.error));
    return page;
  }
  page.append(await report(id, s.report));
  return page;
}

async function report(id, r) {
  const c = r.counts;
  const [changes, names] = await Promise.all([api('/v1/simulations/' + encodeURIComponent(id) + '/changes?limit=50'),
    labels()]);
  return h('div', {id: 'report'},
      h('div', {class: 'cards'}, Object.entries(c).map(([k, v]) => h('div', {class: 'card stat', 'data-count': k},
          h('span', {class: 'big'}, v.toLocaleString()), h('span', {}, k)))),
      comparison(r, names),
      r.findings.length ? h('div', {class: 'card bad', id: 'findings'}, h('h2', {}, t('findings')),
          h('ul', {}, r.findings.map(f => h('li', {}, typeof f === 'string' ? f : JSON.stringify(f))))) : null,
      r.skippedRecords.length ? h('div', {class: 'card bad'}, h('h2', {}, 'skipped'),
          h('ul', {}, r.skippedRecords.map(f => h('li', {}, JSON.stringify(f))))) : null,
      h('div', {class: 'card', id: 'changes'}, h('h2', {}, t('changes')),
          h('div', {class: 'actions'},
              h('button', {type: 'button', onclick: () => exportChanges(id, 'csv')}, t('exportCsv')),
              h('button', {type: 'button', onclick: () => exportChanges(id, 'jsonl')}, t('exportJsonl'))),
          table(['seq', t('customer'), t('before'), t('after'), t('rule')], changes.items.map(ch => [
            String(ch.seq), ch.decisionId ? h('a', {href: '#/decision/' + encodeURIComponent(ch.decisionId)}, ch.customerId)
                : ch.customerId,
            outcome(ch.before), outcome(ch.after),
            h('span', {}, ch.rulesBefore.map(x => h('div', {class: 'del'}, '− ' + x)),
                ch.rulesAfter.map(x => h('div', {class: 'add'}, '+ ' + x)))]), {class: 'changes'})),
      h('p', {class: 'muted'}, 'chain head ', r.ranAgainst.chainHead ? r.ranAgainst.chainHead.seq : '—',
          ' · ', r.ranAgainst.seconds, ' s'));
}

function outcome(o) {
  if (!o) return '—';
  return h('span', {class: 'outcome'}, OUTPUTS.map(k => o[k] ? h('code', {}, o[k]) : null));
}

async function exportChanges(id, format) {
  showProblem(null);
  try {
    await download('/v1/simulations/' + encodeURIComponent(id) + '/changes' + query({format}), 'changes.' + format);
  } catch (e) {
    showProblem(e);
  }
}
