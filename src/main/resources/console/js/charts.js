// Pictures of counts, drawn as SVG from the API's numbers: stacked bars per day, horizontal bars,
// a before × after heat map. No chart library: nothing to fetch, nothing to keep up to date.
import {h} from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
export const PALETTE = ['#1f6f8b', '#e29d3e', '#6a994e', '#bc4749', '#7b5ea7', '#8d99ae'];

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs || {})) el.setAttribute(name, value);
  for (const child of children) if (child) el.append(child);
  return el;
}

function title(text) {
  const el = document.createElementNS(SVG, 'title');
  el.textContent = text;
  return el;
}

/** A legend: one swatch per series, in series order. */
export function legend(series, names) {
  return h('ul', {class: 'legend'}, series.map((key, i) => h('li', {},
      h('span', {class: 'swatch', style: 'background:' + PALETTE[i % PALETTE.length]}), names(key))));
}

/** Stacked columns, one per item (a day), segments per series, scaled to the largest total. */
export function stackedColumns(items, label, series, valueOf, names) {
  const width = Math.max(320, items.length * 22);
  const height = 180;
  const max = Math.max(1, ...items.map(item => series.reduce((sum, key) => sum + valueOf(item, key), 0)));
  const svg = s('svg', {viewBox: `0 0 ${width} ${height + 20}`, class: 'chart', role: 'img', preserveAspectRatio: 'none'});
  const step = width / Math.max(1, items.length);
  items.forEach((item, i) => {
    let y = height;
    series.forEach((key, k) => {
      const value = valueOf(item, key);
      if (!value) return;
      const bar = (value / max) * (height - 10);
      y -= bar;
      svg.append(s('rect', {x: i * step + 2, y, width: Math.max(1, step - 4), height: bar,
        fill: PALETTE[k % PALETTE.length]}, title(`${label(item)} ${names(key)}: ${value}`)));
    });
    // About eight dates on the axis, counted back from the last day so that it is always labelled.
    const every = Math.ceil(items.length / 8);
    if ((items.length - 1 - i) % every === 0) {
      const anchor = i === items.length - 1 ? 'end' : i < every ? 'start' : 'middle';
      const at = anchor === 'end' ? (i + 1) * step : anchor === 'start' ? i * step : i * step + step / 2;
      const text = s('text', {x: at, y: height + 14, 'text-anchor': anchor, class: 'axis'});
      text.textContent = label(item).slice(5);
      svg.append(text);
    }
  });
  return h('figure', {class: 'figure'}, svg, legend(series, names));
}

/** Horizontal bars, one per row: a name and one or two values (before/after), scaled to the largest. */
export function bars(rows, valueNames) {
  const max = Math.max(1, ...rows.flatMap(row => row.values));
  return h('div', {class: 'bars'}, rows.map(row => h('div', {class: 'bar-row', 'data-name': row.key || row.name},
      h('span', {class: 'bar-name', title: row.title || row.name}, row.name),
      h('span', {class: 'bar-track'}, row.values.map((value, i) => h('span', {
        class: 'bar', title: (valueNames ? valueNames[i] + ': ' : '') + value,
        style: `width:${(100 * value / max).toFixed(1)}%;background:${PALETTE[i % PALETTE.length]}`}))),
      h('span', {class: 'bar-value'}, row.values.join(' → ')))),
      valueNames ? legend(valueNames.map((n, i) => i), i => valueNames[i]) : null);
}

/**
 * A before × after matrix as a heat map: rows are the codes before, columns after, each cell
 * shaded by its count; the diagonal (unchanged) is outlined, the cells off it are what changed.
 */
export function heatMap(cells, codes, names, axis) {
  const count = (before, after) => (cells.find(c => c.before === before && c.after === after) || {}).count || 0;
  const max = Math.max(1, ...cells.map(c => c.count));
  return h('div', {class: 'scroll'}, h('table', {class: 'heat'},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col', class: 'corner'}, axis[0] + ' ↓ / ' + axis[1] + ' →'),
          codes.map(code => h('th', {scope: 'col'}, names(code))))),
      h('tbody', {}, codes.map(before => h('tr', {}, h('th', {scope: 'row'}, names(before)),
          codes.map(after => {
            const n = count(before, after);
            const share = n / max;
            return h('td', {
              class: (before === after ? 'same' : 'moved') + (n ? '' : ' zero'),
              'data-before': before, 'data-after': after,
              style: n ? `background:rgba(${before === after ? '31,111,139' : '188,71,73'},${(0.12 + 0.88 * share).toFixed(2)});color:${share > 0.55 ? '#fff' : '#111'}` : '',
              title: `${before} → ${after}: ${n}`}, String(n));
          }))))));
}
