// The catalog's products, a page at a time and filtered by category, and the products most like one of them
// (nearest neighbours of its text's vector), shown under the table or the product map.
import { api, h, fill, $, busy, showError } from '/console/js/app.js';
import { swatch } from './categories.js';

const SIZE = 20;
let context = null;
let pageNo = 0;
let similarOf = null;

function money(price) {
  return price === null || price === undefined ? '' : Number(price).toFixed(2);
}

function predicted(p) {
  if (!p.predicted) return h('span', { class: 'muted' }, '—');
  const agrees = p.category === null || p.category === undefined ? null : p.predicted.category === p.category;
  const score = p.predicted.score === null || p.predicted.score === undefined ? ''
    : ` ${Math.round(p.predicted.score * 100)}%`;
  return h('span', { class: `badge ${agrees === null ? '' : agrees ? 'ok' : 'warn'}`,
    title: agrees === false ? 'Differs from the category in the file' : null }, p.predicted.category, score);
}

async function fillFilters(catalog) {
  const counts = source => api(`/api/v1/products/categories/counts?catalog_id=${encodeURIComponent(catalog.id)}`
    + `&source=${source}`).then(r => r.counts || []).catch(() => []);
  const [truth, guess] = await Promise.all([counts('true'), counts('predicted')]);
  const options = list => [h('option', { value: '' }, 'Any'), list.filter(c => c.category !== null)
    .map(c => h('option', { value: c.category }, `${c.category} (${c.count})`))];
  fill($('#filter-category'), options(truth));
  fill($('#filter-predicted'), options(catalog.categorized_count ? guess : []));
}

async function load() {
  const catalog = context.catalog();
  const query = new URLSearchParams({ page: pageNo, size: SIZE });
  if ($('#filter-category').value) query.set('category', $('#filter-category').value);
  if ($('#filter-predicted').value) query.set('predicted_category', $('#filter-predicted').value);
  showError($('#products-error'), null);
  const result = await api(`/api/v1/products/catalogs/${encodeURIComponent(catalog.id)}/products?${query}`);
  const target = $('#products');
  if (!result.items.length) {
    fill(target, h('p', { class: 'empty' }, result.total ? 'No products on this page.'
      : 'No products match these categories.'));
  } else {
    fill(target, h('table', { id: 'product-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Product'), h('th', {}, 'Category'), h('th', {}, 'Predicted'),
        h('th', { class: 'num' }, 'Price'), h('th', {}, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h('tbody', {}, result.items.map(p => h('tr', { dataset: { id: p.id } },
        h('td', {}, h('strong', { class: 'title' }, p.title),
          p.description ? h('p', { class: 'hint clamp' }, p.description) : null),
        h('td', { class: 'nowrap' }, p.category ? [swatch(p.category), p.category] : h('span', { class: 'muted' }, '—')),
        h('td', { class: 'nowrap' }, predicted(p)),
        h('td', { class: 'num' }, money(p.price)),
        h('td', {}, h('button', { type: 'button', class: 'similar-button', 'aria-label': `Products like ${p.title}`,
          onclick: e => busy(e.currentTarget, () => showSimilar(p.id, p.title), $('#products-error')) },
        'Similar')))))));
  }
  const from = result.total ? pageNo * SIZE + 1 : 0;
  fill($('#products-range'), `${from}–${pageNo * SIZE + result.items.length} of ${result.total}`);
  $('#products-prev').disabled = pageNo === 0;
  $('#products-next').disabled = (pageNo + 1) * SIZE >= result.total;
}

export function setupProducts(ctx) {
  context = ctx;
  const reload = () => { pageNo = 0; load().catch(e => showError($('#products-error'), e)); };
  $('#filter-category').addEventListener('change', reload);
  $('#filter-predicted').addEventListener('change', reload);
  $('#products-prev').addEventListener('click', e => busy(e.currentTarget, () => { pageNo--; return load(); },
    $('#products-error')));
  $('#products-next').addEventListener('click', e => busy(e.currentTarget, () => { pageNo++; return load(); },
    $('#products-error')));
  $('#similar-k').addEventListener('change', () => {
    if (similarOf) showSimilar(similarOf.id, similarOf.title).catch(e => showError($('#similar-error'), e));
  });
}

export async function showProducts(catalog) {
  pageNo = 0;
  await fillFilters(catalog);
  await load();
}

export function hideSimilar() {
  $('#similar').hidden = true;
  similarOf = null;
}

/** Lists the products most like this one (k from the select), best first, with their similarity. */
export async function showSimilar(id, title) {
  similarOf = { id, title };
  const section = $('#similar');
  section.hidden = false;
  fill($('#similar-title'), `Products like “${title}”`);
  showError($('#similar-error'), null);
  const list = $('#similar-list');
  fill(list, h('li', { class: 'muted' }, 'Looking…'));
  const k = $('#similar-k').value;
  const answer = await api(`/api/v1/products/${encodeURIComponent(id)}/similar?k=${encodeURIComponent(k)}`);
  if (!answer.neighbours.length) {
    fill(list, h('li', { class: 'empty' }, 'No other products in this catalog yet.'));
  } else {
    fill(list, answer.neighbours.map(n => {
      const bar = h('span', { class: 'score-bar' }, h('span', { class: 'score-fill' }));
      bar.firstChild.style.width = `${Math.max(0, Math.min(1, n.score)) * 100}%`;
      return h('li', { dataset: { id: n.product_id } },
        h('span', { class: 'title' }, n.title),
        h('span', { class: 'hint' }, n.category ? [' ', swatch(n.category), n.category] : null),
        h('span', { class: 'score' }, bar, h('span', { class: 'hint' }, `${Math.round(n.score * 100)}% alike`)));
    }));
  }
  section.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
}
