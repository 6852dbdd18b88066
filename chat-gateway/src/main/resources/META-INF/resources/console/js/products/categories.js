// Categorize a catalog (a job with progress) and count its products per category: a bar chart, a table with the
// total, and the SQL that counted them.
import { api, h, fill, $, busy, showError, chart } from '/console/js/app.js';
import { categoryColour } from './colours.js';
import { follow, running } from './jobs.js';

const HINTS = {
  'auto': 'Learns from the products whose category the file gives when there are some; otherwise matches them to '
    + 'the category list.',
  'few-shot': 'Learns from up to 20 products per category that carry a category in the file, then sorts them all.',
  'zero-shot': 'Needs no examples: each product goes to the closest category of the list (or of your own).',
  'llm': 'Asks the configured language model to pick a category of the list for each product.',
};

let context = null;
let lists = null;

function updateMode() {
  const mode = $('#categorize-mode').value;
  const usesList = mode === 'zero-shot' || mode === 'llm';
  $('#list-field').hidden = !usesList;
  $('#own-field').hidden = !usesList;
  fill($('#mode-hint'), HINTS[mode]);
}

async function loadLists() {
  if (lists) return;
  lists = (await api('/api/v1/products/category-lists')).items;
  fill($('#categorize-list'), lists.map(l => h('option', { value: l.name },
    `${l.name} (${l.categories.length} categories${l.builtin ? ', built in' : ''})`)));
}

function ownCategories() {
  return $('#categorize-own').value.split('\n').map(line => line.trim()).filter(Boolean).map(line => {
    const at = line.indexOf(':');
    return at > 0 ? { name: line.slice(0, at).trim(), description: line.slice(at + 1).trim() } : { name: line };
  });
}

async function categorized(job) {
  $('#counts-source').value = 'predicted';
  await context.changed();
  await showCounts(context.catalog());
  return job;
}

export function setupCategories(ctx) {
  context = ctx;
  $('#categorize-mode').addEventListener('change', updateMode);
  updateMode();
  $('#counts-source').addEventListener('change', () => showCounts(context.catalog()));
  const form = $('#categorize-form');
  form.addEventListener('submit', event => {
    event.preventDefault();
    busy(form.querySelector('button[type=submit]'), async () => {
      const catalog = context.catalog();
      const mode = $('#categorize-mode').value;
      const body = { catalog_id: catalog.id, mode };
      if (mode === 'zero-shot' || mode === 'llm') {
        const own = ownCategories();
        if (own.length) body.categories = own;
        else body.category_list = $('#categorize-list').value;
      }
      const job = await api('/api/v1/products/categorize', { json: body });
      await categorized(await follow(job, $('#categorize-status'), 'Categorize'));
    }, $('#categorize-error'));
  });
}

/** Draws the Categories tab for the catalog; picks up a categorize job still running for it. */
export async function showCategories(catalog, jobs) {
  fill($('#categorize-status'));
  $('#categorize-mode').value = catalog.labelled_count > 0 ? 'auto' : 'zero-shot';
  updateMode();
  $('#counts-source').value = catalog.categorized_count > 0 || catalog.labelled_count === 0 ? 'predicted' : 'true';
  const again = running(jobs, 'categorize').find(j => j.catalog_id === catalog.id);
  if (again) {
    const button = $('#categorize-form button[type=submit]');
    busy(button, async () => categorized(await follow(again, $('#categorize-status'), 'Categorize')),
      $('#categorize-error'));
  }
  await Promise.all([loadLists(), showCounts(catalog)]);
}

export async function showCounts(catalog) {
  const source = $('#counts-source').value;
  const table = $('#counts-table');
  showError($('#counts-error'), null);
  let answer;
  try {
    answer = await api(`/api/v1/products/categories/counts?catalog_id=${encodeURIComponent(catalog.id)}`
      + `&source=${encodeURIComponent(source)}`);
  } catch (e) {
    showError($('#counts-error'), e);
    return;
  }
  const counts = answer.counts || [];
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const name = c => c.category === null || c.category === undefined ? '(none)' : String(c.category);
  fill($('#counts-sql'), answer.sql || '');
  if (source === 'predicted' && catalog.categorized_count === 0) {
    fill(table, h('p', { class: 'empty' }, 'Not categorized yet — choose how above and press Categorize.'));
  } else if (!counts.length) {
    fill(table, h('p', { class: 'empty' }, 'No products to count.'));
  } else {
    fill(table, h('table', { id: 'counts' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Category'), h('th', { class: 'num' }, 'Products'),
        h('th', { class: 'num' }, 'Share'))),
      h('tbody', {}, counts.map(c => h('tr', { dataset: { category: name(c) } },
        h('td', {}, swatch(name(c)), name(c)),
        h('td', { class: 'num' }, c.count),
        h('td', { class: 'num' }, `${(100 * c.count / total).toFixed(1)}%`)))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'Total'), h('td', { class: 'num', id: 'counts-total' },
        total), h('td', { class: 'num' }, '100%')))));
  }
  chart($('#counts-chart'), {
    type: 'bar',
    data: {
      labels: counts.map(name),
      datasets: [{ label: 'Products', data: counts.map(c => c.count),
        backgroundColor: counts.map(c => categoryColour(name(c))) }],
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: i => ` ${i.raw} products` } } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } },
    },
  });
}

export function swatch(name) {
  const s = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  s.style.background = categoryColour(name);
  return s;
}
