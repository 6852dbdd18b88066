// Products (the seed 004 app): import a catalog, its data dictionary, categorize with progress, counts per
// category, products with their similar ones, and the product and word maps. This module holds the chosen catalog
// and the tabs; each view lives in console/js/products/.
import { page, api, h, fill, $, $$, busy, showError, formatDate, download, ApiError } from '/console/js/app.js';
import { setupImport } from './products/import.js';
import { showDictionary } from './products/dictionary.js';
import { setupCategories, showCategories } from './products/categories.js';
import { setupProducts, showProducts, hideSimilar } from './products/explore.js';
import { setupMaps, showProjection, showWords } from './products/maps.js';
import { learnCategories } from './products/colours.js';

const state = { catalog: null, tab: 'dictionary', drawn: new Set(), jobs: [] };

const VIEWS = {
  dictionary: c => showDictionary(c),
  categories: c => showCategories(c, state.jobs),
  products: c => showProducts(c),
  projection: c => showProjection(c),
  words: c => showWords(c),
};

function path(catalog, tail = '') {
  return `/api/v1/products/catalogs/${encodeURIComponent(catalog.id)}${tail}`;
}

async function listCatalogs() {
  const result = await api('/api/v1/products/catalogs?page=0&size=100');
  const target = $('#catalogs');
  fill($('#catalog-pick'), result.items.map(c => h('option', { value: c.id,
    selected: state.catalog && state.catalog.id === c.id }, `${c.name} (${c.row_count} products)`)));
  if (!result.items.length) {
    fill(target, h('p', { class: 'empty' }, 'No catalogs yet — import one on the left.'));
    return result.items;
  }
  fill(target, h('div', { class: 'table-wrap' }, h('table', { id: 'catalog-table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Catalog'), h('th', { class: 'num' }, 'Products'),
      h('th', { class: 'num' }, 'Categorized'), h('th', {}, 'Imported'))),
    h('tbody', {}, result.items.map(c => h('tr', { dataset: { id: c.id },
      class: state.catalog && state.catalog.id === c.id ? 'current' : null },
    h('td', {}, h('button', { type: 'button', class: 'link', 'aria-label': `Open ${c.name}`,
      onclick: () => open(c.id) }, c.name), c.version > 1 ? h('span', { class: 'hint' }, ` v${c.version}`) : null),
    h('td', { class: 'num' }, c.row_count),
    h('td', { class: 'num' }, c.categorized_count),
    h('td', { class: 'nowrap' }, formatDate(c.created_at))))))),
  result.total > result.items.length
    ? h('p', { class: 'hint' }, `The ${result.items.length} newest of ${result.total} catalogs.`) : null);
  return result.items;
}

function stat(value, label) {
  return h('div', { class: 'stat-box' }, h('span', { class: 'stat' }, value), h('span', { class: 'muted' }, label));
}

function showHeader(c) {
  fill($('#catalog-title'), c.name);
  fill($('#catalog-source'), `${c.source_name || 'upload'} · ${String(c.format || '').toUpperCase()} · version `
    + `${c.version} · imported ${formatDate(c.created_at)}`);
  fill($('#catalog-stats'), stat(c.row_count, 'products'), stat(c.labelled_count, 'with a category in the file'),
    stat(c.categorized_count, 'categorized'));
}

/** Opens a catalog: its header, then the current tab (the others draw when chosen). */
async function open(id, { scroll = true } = {}) {
  const c = await api(`/api/v1/products/catalogs/${encodeURIComponent(id)}`);
  state.catalog = c;
  state.drawn.clear();
  history.replaceState(null, '', `?catalog=${encodeURIComponent(c.id)}`);
  $$('#catalog-table tbody tr').forEach(tr => tr.classList.toggle('current', tr.dataset.id === String(c.id)));
  $('#catalog-pick').value = String(c.id);
  showHeader(c);
  hideSimilar();
  await learnCategories(c);
  $('#catalog').hidden = false;
  await select(state.tab);
  if (scroll) $('#catalog').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

/** Reads the catalog again (its counts change after categorizing) and marks the views drawn from it stale. */
async function refresh() {
  if (!state.catalog) return;
  state.catalog = await api(`/api/v1/products/catalogs/${encodeURIComponent(state.catalog.id)}`);
  showHeader(state.catalog);
  await learnCategories(state.catalog);
  state.drawn = new Set([state.tab]);
  await listCatalogs();
}

async function select(tab) {
  state.tab = tab;
  for (const name of Object.keys(VIEWS)) {
    const selected = name === tab;
    $(`#tab-${name}`).setAttribute('aria-selected', String(selected));
    $(`#tab-${name}`).tabIndex = selected ? 0 : -1;
    $(`#panel-${name}`).hidden = !selected;
  }
  if (tab !== 'products' && tab !== 'projection') hideSimilar();
  if (!state.catalog || state.drawn.has(tab)) return;
  state.drawn.add(tab);
  try {
    await VIEWS[tab](state.catalog);
  } catch (e) {
    state.drawn.delete(tab);
    showError($('#page-error'), e);
  }
}

function setupTabs() {
  const names = Object.keys(VIEWS);
  names.forEach((name, i) => {
    const tab = $(`#tab-${name}`);
    tab.addEventListener('click', () => select(name));
    // Arrow keys move between tabs, as in every tab list.
    tab.addEventListener('keydown', e => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = names[(i + step + names.length) % names.length];
      $(`#tab-${next}`).focus();
      select(next);
    });
  });
}

function setupCatalogActions() {
  const files = {
    parquet: ['/parquet', c => `${c.name}-v${c.version}.parquet`],
    dictionary: ['/dictionary.yaml', c => `${c.name}-data_dict.yaml`],
    schema: ['/schema.yaml', c => `${c.name}-schema.yaml`],
  };
  $$('[data-download]').forEach(button => button.addEventListener('click', () => busy(button, () => {
    const [tail, name] = files[button.dataset.download];
    return download(path(state.catalog, tail), name(state.catalog));
  })));
  $('#catalog-pick').addEventListener('change', e => open(e.currentTarget.value, { scroll: false })
    .catch(error => showError($('#page-error'), error)));
  $('#import-another').addEventListener('click', () => {
    $('#import-card').scrollIntoView({ behavior: 'smooth', block: 'start' });
    $('#import-file').focus();
  });
  $('#delete-catalog').addEventListener('click', e => busy(e.currentTarget, async () => {
    const c = state.catalog;
    if (!confirm(`Delete the catalog "${c.name}" with its ${c.row_count} products, Parquet file and maps?`)) return;
    await api(path(c), { method: 'DELETE' });
    state.catalog = null;
    $('#catalog').hidden = true;
    history.replaceState(null, '', location.pathname);
    await listCatalogs();
  }));
}

page(async () => {
  setupTabs();
  setupCatalogActions();
  setupCategories({ catalog: () => state.catalog, changed: refresh });
  setupProducts({ catalog: () => state.catalog });
  setupMaps({ catalog: () => state.catalog });
  const [items, jobs] = await Promise.all([listCatalogs(),
    api('/api/v1/products/jobs').then(r => r.items).catch(() => [])]);
  state.jobs = jobs;
  setupImport({ jobs, imported: async id => { await listCatalogs(); await open(id); } });
  const wanted = new URLSearchParams(location.search).get('catalog');
  const first = items.find(c => String(c.id) === wanted) || items[0];
  if (first) {
    try {
      await open(first.id, { scroll: false });
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
      history.replaceState(null, '', location.pathname);
    }
  }
});
