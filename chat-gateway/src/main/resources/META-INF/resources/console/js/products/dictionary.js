// The data dictionary: one row per column with its measured facts; a description is edited in place and saved with
// PUT .../dictionary/{column}.
import { api, h, fill, $, busy, showError } from '/console/js/app.js';

function short(value, max = 60) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

function facts(col) {
  const parts = [`${col.distinct_count} distinct`];
  if (col.null_count) parts.push(`${col.null_count} empty`);
  if (col.min !== null && col.min !== undefined) parts.push(`${col.min} – ${col.max}`);
  else if (col.min_length !== null && col.min_length !== undefined) {
    parts.push(`${col.min_length}–${col.max_length} characters`);
  }
  return parts.join(' · ');
}

function describe(cell, catalog, col) {
  const text = h('p', { class: 'description' }, col.description || '');
  if (!col.description) fill(text, h('span', { class: 'empty' }, 'No description yet.'));
  const edit = h('button', { type: 'button', class: 'link edit', 'aria-label': `Edit the description of ${col.name}`,
    onclick: () => editor(cell, catalog, col) }, 'Edit');
  fill(cell, text, edit);
}

function editor(cell, catalog, col) {
  const id = `describe-${col.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const area = h('textarea', { id, rows: 3, maxlength: 2000 });
  area.value = col.description || '';
  const error = h('div', { class: 'alert error', role: 'alert', hidden: true });
  const cancel = h('button', { type: 'button', onclick: () => describe(cell, catalog, col) }, 'Cancel');
  const form = h('form', { class: 'describe' },
    h('label', { for: id }, `Description of ${col.name}`), area, error,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Save'), cancel));
  form.addEventListener('submit', e => {
    e.preventDefault();
    busy(form.querySelector('button[type=submit]'), async () => {
      const saved = await api(`/api/v1/products/catalogs/${encodeURIComponent(catalog.id)}/dictionary/`
        + encodeURIComponent(col.name), { method: 'PUT', json: { description: area.value } });
      col.description = saved && saved.description !== undefined ? saved.description : area.value;
      describe(cell, catalog, col);
      cell.querySelector('.edit').focus();
    }, error);
  });
  form.addEventListener('keydown', e => { if (e.key === 'Escape') describe(cell, catalog, col); });
  fill(cell, form);
  area.focus();
}

export async function showDictionary(catalog) {
  const target = $('#dictionary');
  fill(target, h('p', { class: 'muted' }, 'Reading the columns…'));
  let dictionary;
  try {
    dictionary = await api(`/api/v1/products/catalogs/${encodeURIComponent(catalog.id)}/dictionary`);
  } catch (e) {
    fill(target, h('div', { class: 'alert error', role: 'alert' }));
    showError(target.firstChild, e);
    return;
  }
  const rows = dictionary.columns.map(col => {
    const cell = h('td', { class: 'description-cell' });
    describe(cell, catalog, col);
    return h('tr', { dataset: { column: col.name } },
      h('th', { scope: 'row' }, h('code', {}, col.name)),
      h('td', {}, h('span', { class: 'badge' }, col.type)),
      cell,
      h('td', { class: 'facts-cell' }, facts(col)),
      h('td', { class: 'examples' }, (col.examples || []).slice(0, 3).map(x => h('span', { class: 'example',
        title: typeof x === 'string' ? x : JSON.stringify(x) }, short(x)))));
  });
  fill(target, h('p', { class: 'hint' }, `${dictionary.rows} rows, ${dictionary.columns.length} columns.`),
    h('div', { class: 'table-wrap' }, h('table', { id: 'dictionary-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Column'), h('th', {}, 'Type'), h('th', {}, 'Description'),
        h('th', {}, 'Values'), h('th', {}, 'Examples'))),
      h('tbody', {}, rows))));
}
