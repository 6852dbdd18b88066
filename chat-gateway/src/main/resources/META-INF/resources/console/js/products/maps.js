// The product map (t-SNE of the products' vectors, a colour per category with a legend) and the word map (the most
// frequent words placed by meaning), both Chart.js scatter charts: pointing at a dot names its product or word,
// clicking a product lists the products most like it. Chart.js draws every text on the canvas, never as markup.
import { api, h, fill, $, busy, showError, chart, colour, download, progressBar, setProgress } from '/console/js/app.js';
import { showSimilar } from './explore.js';
import { categoryColour } from './colours.js';

let context = null;
const NONE = '(not categorized)';

function base(catalog) {
  return `/api/v1/products/catalogs/${encodeURIComponent(catalog.id)}`;
}

function loading(target, label) {
  const bar = progressBar(label);
  setProgress(bar, null, label);
  fill(target, bar);
}

const hiddenAxes = { x: { display: false }, y: { display: false } };

export function setupMaps(ctx) {
  context = ctx;
  $('#projection-color').addEventListener('change', () => showProjection(context.catalog()));
  $('#words-count').addEventListener('change', () => showWords(context.catalog()));
  $('#projection-zip').addEventListener('click', e => busy(e.currentTarget, () => {
    const c = context.catalog();
    return download(`${base(c)}/projection/projector.zip?color=${encodeURIComponent($('#projection-color').value)}`,
      `${c.name}-products-projector.zip`);
  }, $('#projection-error')));
  $('#words-zip').addEventListener('click', e => busy(e.currentTarget, () => {
    const c = context.catalog();
    return download(`${base(c)}/word-map/projector.zip?words=${encodeURIComponent($('#words-count').value)}`,
      `${c.name}-words-projector.zip`);
  }, $('#words-error')));
}

export async function showProjection(catalog) {
  const color = $('#projection-color').value;
  const status = $('#projection-status');
  showError($('#projection-error'), null);
  loading(status, 'Placing the products by meaning (a few seconds the first time)…');
  let answer;
  try {
    answer = await api(`${base(catalog)}/projection?color=${encodeURIComponent(color)}`);
  } catch (e) {
    fill(status);
    showError($('#projection-error'), e);
    return;
  }
  if (context.catalog()?.id !== catalog.id) return; // another catalog was opened meanwhile
  const groups = new Map();
  for (const p of answer.points) {
    const label = p.label === null || p.label === undefined || p.label === '' ? NONE : String(p.label);
    if (!groups.has(label)) groups.set(label, []);
    groups.get(label).push(p);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  fill(status, answer.points.length
    ? h('p', { class: 'hint' }, `${answer.points.length} products`
      + (answer.sampled ? ` (a sample of ${answer.total})` : '') + ` in ${groups.size} categories.`)
    : h('p', { class: 'empty' }, 'No products indexed yet — the import is still running or found none.'));
  const hover = $('#projection-hover');
  const idle = 'Point at a dot to see its product; click it for the products most like it.';
  fill(hover, idle);
  chart($('#projection-chart'), {
    type: 'scatter',
    data: {
      datasets: sorted.map(([label, points]) => ({
        label: `${label} (${points.length})`,
        data: points.map(p => ({ x: p.x, y: p.y, id: p.id, title: p.title, category: label })),
        backgroundColor: label === NONE ? '#9aa4b2' : categoryColour(label) + 'cc',
        borderColor: label === NONE ? '#9aa4b2' : categoryColour(label),
        pointRadius: 4, pointHoverRadius: 7,
      })),
    },
    options: {
      scales: hiddenAxes,
      interaction: { mode: 'nearest', intersect: true },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 8 } },
        tooltip: { callbacks: { title: items => items.map(i => i.raw.title), label: i => ` ${i.raw.category}` } },
      },
      onHover: (event, elements, c) => {
        const raw = elements.length ? c.data.datasets[elements[0].datasetIndex].data[elements[0].index] : null;
        fill(hover, raw ? [h('strong', {}, raw.title), ` · ${raw.category}`] : idle);
        event.native.target.style.cursor = raw ? 'pointer' : 'default';
      },
      onClick: (event, elements, c) => {
        if (!elements.length) return;
        const raw = c.data.datasets[elements[0].datasetIndex].data[elements[0].index];
        showSimilar(raw.id, raw.title).catch(e => showError($('#similar-error'), e));
      },
    },
  });
}

/** Writes each word beside its dot, larger for more frequent words (on the canvas: text, never markup). */
function wordLabels(words, max) {
  return {
    id: 'wordLabels',
    afterDatasetsDraw(c) {
      const ctx = c.ctx;
      const area = c.chartArea;
      ctx.save();
      ctx.fillStyle = getComputedStyle(c.canvas).color;
      ctx.textBaseline = 'middle';
      c.getDatasetMeta(0).data.forEach((point, i) => {
        const size = Math.round(10 + 8 * Math.sqrt(words[i].count / max));
        ctx.font = `${size}px system-ui, sans-serif`;
        const x = Math.min(point.x + 6, area.right - ctx.measureText(words[i].word).width);
        ctx.fillText(words[i].word, x, point.y);
      });
      ctx.restore();
    },
  };
}

export async function showWords(catalog) {
  const count = $('#words-count').value;
  const status = $('#words-status');
  showError($('#words-error'), null);
  loading(status, 'Placing the words by meaning (a few seconds the first time)…');
  let answer;
  try {
    answer = await api(`${base(catalog)}/word-map?words=${encodeURIComponent(count)}`);
  } catch (e) {
    fill(status);
    showError($('#words-error'), e);
    return;
  }
  if (context.catalog()?.id !== catalog.id) return;
  const words = answer.words || [];
  const max = Math.max(1, ...words.map(w => w.count));
  fill(status, words.length ? h('p', { class: 'hint' }, `The ${words.length} most frequent words.`)
    : h('p', { class: 'empty' }, 'No words yet — the catalog has no indexed text.'));
  const hover = $('#words-hover');
  const idle = 'Point at a word to see how often it is used.';
  fill(hover, idle);
  chart($('#words-chart'), {
    type: 'scatter',
    data: {
      datasets: [{
        label: 'Words',
        data: words.map(w => ({ x: w.x, y: w.y, word: w.word, count: w.count })),
        backgroundColor: words.map(w => colour(w.word) + 'aa'),
        pointRadius: words.map(w => 2 + 6 * Math.sqrt(w.count / max)),
        pointHoverRadius: words.map(w => 5 + 6 * Math.sqrt(w.count / max)),
      }],
    },
    options: {
      scales: hiddenAxes,
      layout: { padding: 12 },
      interaction: { mode: 'nearest', intersect: false },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { title: items => items.map(i => i.raw.word), label: i => ` used ${i.raw.count} times` } },
      },
      onHover: (event, elements, c) => {
        const raw = elements.length ? c.data.datasets[0].data[elements[0].index] : null;
        fill(hover, raw ? [h('strong', {}, raw.word), ` · used ${raw.count} times`] : idle);
      },
    },
    plugins: [wordLabels(words, max)],
  });
}
