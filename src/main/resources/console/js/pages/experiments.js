// Experiments: filled in once the experiments API exists; until then it says so.
import {h} from '../dom.js';
import {t} from '../i18n.js';

export async function experimentsPage() {
  return h('section', {class: 'page', id: 'experiments-page'}, h('h1', {}, t('experiments')));
}
