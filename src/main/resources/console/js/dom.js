// Building the page from API data. Text always goes in as text, never as HTML: a customer id or a
// rule name is shown exactly as stored, whatever it contains.

/** An element with attributes (on* are listeners, class, data-*, anything else as an attribute) and children. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else el.setAttribute(name, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A code with its Chinese label: 稳定合作 STABLE. */
export function coded(code, label) {
  if (code === null || code === undefined) return h('span', {class: 'muted'}, '—');
  return h('span', {class: 'coded', 'data-code': code}, label ? h('span', {class: 'zh'}, label) : null,
      h('code', {}, code));
}

/** A table from column headers and rows of cells. */
export function table(headers, rows, attrs) {
  return h('div', {class: 'scroll'}, h('table', attrs || {},
      h('thead', {}, h('tr', {}, headers.map(text => h('th', {scope: 'col'}, text)))),
      h('tbody', {}, rows.map(cells => h('tr', {}, cells.map(cell => h('td', {}, cell)))))));
}

/** A labelled form field. */
export function field(label, input) {
  return h('label', {class: 'field'}, h('span', {}, label), input);
}

/** A shortened rule-set version, the full one on hover. */
export function version(v) {
  if (!v) return h('span', {class: 'muted'}, '—');
  return h('code', {class: 'version', title: v}, v.replace(/^sha256:/, '').slice(0, 12));
}

/** An instant as the API gives it (UTC), shown without the milliseconds. */
export function instant(iso) {
  return iso ? h('time', {datetime: iso, title: iso}, iso.replace('T', ' ').replace(/\.\d{3}Z$/, 'Z')) : '—';
}
