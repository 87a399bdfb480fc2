// Experiments: a challenger rule set on live traffic, in shadow (decided beside the champion, never
// answered) or split (a deterministic share of customers answered by it); per arm, what was decided
// and how those customers' stages moved at their next decision; start, stop and promote.
import {api, labels, session} from '../api.js';
import {bars, heatMap} from '../charts.js';
import {comparison, codesOf, namer} from '../report.js';
import {field, h, instant, table, version} from '../dom.js';
import {t} from '../i18n.js';
import {go, showProblem} from '../app.js';

export async function experimentsPage({args}) {
  return args[0] ? experiment(args[0]) : listing();
}

async function listing() {
  const [list, history] = await Promise.all([api('/v1/experiments'), session.may('RULES_ADMIN')
      ? api('/v1/ruleset/versions') : Promise.resolve(null)]);
  return h('section', {class: 'page', id: 'experiments-page'}, h('h1', {}, t('experiments')),
      history ? startForm(history.versions) : null,
      h('div', {class: 'card', id: 'experiment-list'}, list.experiments.length
          ? table(['', 'mode', 'share', t('candidate'), 'state', 'started', t('decisions')], list.experiments.map(x => [
            h('a', {href: '#/experiments/' + x.id, class: 'experiment-link'}, '#' + x.id),
            x.mode, x.sharePercent + ' %', version(x.challengerVersion), x.state, instant(x.startedAt),
            Object.entries(x.decisions || {}).map(([arm, n]) => `${arm} ${n}`).join(' · ')]))
          : h('p', {class: 'muted'}, 'No experiment yet.')));
}

function startForm(versions) {
  const challenger = h('select', {id: 'experiment-challenger'}, versions.map(v => h('option', {value: v.version},
      v.version.slice(7, 19) + '  ' + v.lastLiveAt.slice(0, 16))));
  const mode = h('select', {id: 'experiment-mode'}, h('option', {value: 'shadow'}, 'shadow'),
      h('option', {value: 'split'}, 'split'));
  const share = h('input', {id: 'experiment-share', type: 'number', min: 1, max: 100, value: 10});
  const note = h('input', {id: 'experiment-note', placeholder: 'why', class: 'wide'});
  return h('form', {class: 'card filters', id: 'experiment-start', onsubmit: async e => {
    e.preventDefault();
    showProblem(null);
    try {
      const started = await api('/v1/experiments', {method: 'POST', body: {challenger: challenger.value,
        mode: mode.value, sharePercent: Number(share.value), note: note.value || undefined}});
      go('experiments', [started.id]);
    } catch (err) {
      showProblem(err);
    }
  }}, h('h2', {}, t('start')), field(t('candidate'), challenger), field('mode', mode), field('share %', share),
  field('note', note), h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', id: 'experiment-go'},
      t('start'))));
}

async function experiment(id) {
  const [r, names] = await Promise.all([api('/v1/experiments/' + encodeURIComponent(id) + '/report'), labels()]);

  const x = r.experiment;
  const running = x.state === 'RUNNING';
  return h('section', {class: 'page', id: 'experiment-page', 'data-state': x.state},
      h('h1', {}, t('experiment'), ' #' + x.id, x.note ? h('small', {class: 'muted'}, ' ' + x.note) : null),
      h('p', {class: 'meta'}, x.mode, ' · ', x.sharePercent, ' % · ', t('candidate'), ' ', version(x.challengerVersion),
          ' vs ', version(x.championVersion), ' · ', h('strong', {id: 'experiment-state'}, x.state), ' · ',
          instant(x.startedAt), ' ', x.startedBy, x.endedAt ? [' → ', instant(x.endedAt), ' ', x.endedBy || ''] : null),
      r.championVersions.length > 1 ? h('p', {class: 'bad', id: 'champion-versions'}, 'the champion changed during the'
          + ' experiment: ', r.championVersions.map(v => [version(v.version), ` ${v.decisions} `])) : null,
      session.may('RULES_ADMIN') && running ? h('div', {class: 'actions'},
          h('button', {type: 'button', id: 'experiment-stop', onclick: () => act(x, 'stop')}, t('stop')),
          h('button', {type: 'button', class: 'danger', id: 'experiment-promote', onclick: () => act(x, 'promote')},
              t('promote'))) : null,
      session.may('AUDITOR') ? h('p', {}, h('a', {href: '#/decisions?experiment=' + x.id, id: 'experiment-decisions'},
          t('decisions') + ' →')) : null,
      h('div', {class: 'grid2'}, r.arms.map(arm => armCard(arm, names))),
      r.shadow ? h('div', {id: 'shadow'}, h('h2', {}, 'shadow: ', h('span', {id: 'agreement'},
          r.agreement === null ? '—' : (100 * r.agreement).toFixed(1) + ' % agree'),
      ` (${r.shadow.counts.replayed} compared, ${r.shadow.counts.changed} differ)`), comparison(r.shadow, names)) : null);
}

/** One arm: its decisions, each output's distribution, the actions proposed, and the next decision's stage moves. */
function armCard(arm, names) {
  const nameOf = namer(names);
  const next = arm.next || {decidedAgain: 0, cooperationStage: []};
  return h('div', {class: 'card arm', 'data-arm': arm.arm}, h('h2', {}, t('arm'), ' ', arm.arm, ' · ', arm.decisions,
      ' ', t('decisions')),
  Object.entries(arm.outputs || {}).map(([output, counts]) => h('div', {class: 'arm-output', 'data-output': output},
      h('h3', {}, output), bars(counts.map(c => ({key: c.code, name: nameOf(output)(c.code), values: [c.count]}))))),
  arm.actions && arm.actions.length ? [h('h3', {}, t('actions')),
    bars(arm.actions.map(a => ({key: a.code, name: a.code, values: [a.count]})))] : null,
  h('h3', {}, `next decision (${next.decidedAgain} decided again)`),
  next.cooperationStage.length ? heatMap(next.cooperationStage, codesOf('cooperationStage', next.cooperationStage),
      nameOf('cooperationStage'), [t('before'), t('after')]) : h('p', {class: 'muted'}, '—'));
}

async function act(x, action) {
  const question = action === 'promote'
      ? 'Make ' + x.challengerVersion + ' live for everyone? The experiment ends; rollback works as for any version.'
      : 'Stop the experiment? Every customer gets the champion\'s advice again.';
  if (!window.confirm(question)) return;
  showProblem(null);
  try {
    await api('/v1/experiments/' + x.id + '/' + action, {method: 'POST'});
    go('experiments', [x.id], new URLSearchParams({done: action}));
  } catch (e) {
    showProblem(e);
  }
}
