// Q&A search, step 2: the EDA of the chosen dataset. Interactive charts (Chart.js) from the JSON answer, and the
// service's own pictures (word cloud, lengths, t-SNE) fetched with the key.
import { api, h, fill, $, showError, showImage, chart, colour, progressBar, setProgress } from '/console/js/app.js';
import { state, on, emit, chooseDataset, datasetRows, fmt, stat } from '/console/js/qa/state.js';

const FIELDS = { context: 'Contexts', question: 'Questions', answer: 'Answers' };
let shownFor = null;
let visible = false;

export function initExplore() {
  on('tab', step => {
    visible = step === 'explore';
    if (visible) render();
  });
  on('dataset', () => { if (visible) render(); });
  on('datasets', () => { if (visible && !state.datasetId) render(); });
}

function chooser() {
  const select = h('select', { id: 'explore-dataset', 'aria-label': 'Dataset to explore',
    onchange: e => chooseDataset(e.currentTarget.value) },
  state.datasets.map(d => h('option', { value: d.id, selected: d.id === state.datasetId }, d.name)));
  return [h('h2', { id: 'explore-title', class: 'qa-title' }, 'Explore ', h('q', {}, state.dataset()?.name || '')),
    h('div', { class: 'row qa-chooser' }, h('label', { for: 'explore-dataset', class: 'inline' }, 'Dataset'), select)];
}

async function render() {
  const target = $('#explore');
  const dataset = state.dataset();
  if (!dataset) {
    shownFor = null;
    fill(target, h('p', { class: 'empty card' }, 'No dataset chosen — upload or choose one in step 1.'));
    return;
  }
  if (shownFor === dataset.id) return;
  shownFor = dataset.id;
  showError($('#explore-error'), null);
  const bar = progressBar('Exploring');
  setProgress(bar, null, 'Counting words, measuring lengths, projecting the contexts… (once per dataset)');
  fill(target, chooser(), bar);
  let eda;
  try {
    eda = await api(`/api/v1/datasets/${encodeURIComponent(dataset.id)}/eda`);
  } catch (e) {
    bar.remove();
    shownFor = null;
    showError($('#explore-error'), e);
    return;
  }
  if (shownFor !== dataset.id) return; // another dataset was chosen meanwhile
  fill(target, chooser(), ...sections(dataset, eda));
  drawLengths(eda, 'question', 'words');
  drawWords(eda);
  drawTsne(eda, dataset);
  pictures(dataset);
}

function sections(dataset, eda) {
  const w = eda.words;
  const q = eda.lengths.question.words.stats;
  const c = eda.lengths.context.words.stats;
  const pick = (name, options) => h('select', { id: `lengths-${name}`, 'aria-label': name === 'field' ? 'Texts' : 'Unit',
    onchange: () => drawLengths(eda, $('#lengths-field').value, $('#lengths-unit').value) },
  Object.entries(options).map(([v, t]) => h('option', { value: v }, t)));
  return [
    h('div', { class: 'grid qa-stats' },
      stat('Questions', fmt.int(dataset.rows)),
      stat('Distinct contexts', fmt.int(dataset.distinct_contexts)),
      stat('Stop words', fmt.pct(w.stop_word_share), `${fmt.int(w.stop_words)} of ${fmt.int(w.stop_words + w.other_words)} words`),
      stat('Typical question', `${fmt.num(q.median, 0)} words`, `contexts: ${fmt.num(c.median, 0)} words`)),
    h('div', { class: 'grid two' },
      h('section', { class: 'card', 'aria-labelledby': 'lengths-title' },
        h('div', { class: 'row qa-head' }, h('h3', { id: 'lengths-title', class: 'grow' }, 'Length distribution'),
          pick('field', { question: 'Questions', context: 'Contexts', answer: 'Answers' }),
          pick('unit', { words: 'Words', characters: 'Characters' })),
        h('div', { class: 'chart' }, h('canvas', { id: 'lengths-chart', role: 'img',
          'aria-label': 'Histogram of text lengths' })),
        h('p', { class: 'hint', id: 'lengths-stats' })),
      h('section', { class: 'card', 'aria-labelledby': 'stop-title' },
        h('h3', { id: 'stop-title' }, 'Stop words vs other words'),
        h('div', { class: 'chart' }, h('canvas', { id: 'stop-chart', role: 'img',
          'aria-label': 'Stop words and other words per column' })),
        h('p', { class: 'hint' }, 'Stop words ("the", "of", "in"…) carry little meaning; models may leave them out.')),
      h('section', { class: 'card', 'aria-labelledby': 'top-title' },
        h('h3', { id: 'top-title' }, 'Top words'),
        h('div', { class: 'chart tall' }, h('canvas', { id: 'top-chart', role: 'img',
          'aria-label': 'The most frequent words' }))),
      h('section', { class: 'card', 'aria-labelledby': 'cloud-title' },
        h('h3', { id: 'cloud-title' }, 'Word cloud'),
        h('img', { id: 'eda-wordcloud', class: 'picture', alt: 'Word cloud of the most frequent words' }))),
    h('section', { class: 'card', 'aria-labelledby': 'tsne-title' },
      h('h3', { id: 'tsne-title' }, 'Map of the contexts (t-SNE)'),
      h('p', { class: 'hint' }, `Contexts with similar words lie close together. ${fmt.int(eda.tsne.contexts_projected)} of `
        + `${fmt.int(eda.tsne.contexts_total)} contexts, perplexity ${fmt.num(eda.tsne.perplexity, 1)}`
        + (eda.tsne.note ? ` — ${eda.tsne.note}` : '') + '. Hover a point to read its context.'),
      h('div', { class: 'chart tall' }, h('canvas', { id: 'tsne-chart', role: 'img',
        'aria-label': 'Scatter plot of the contexts' }))),
    h('details', { class: 'card qa-pictures' },
      h('summary', {}, 'Pictures drawn by the service (for reports)'),
      h('div', { class: 'grid two' },
        h('figure', {}, h('img', { id: 'eda-lengths', class: 'picture', alt: 'Length histograms of every column' }),
          h('figcaption', { class: 'hint' }, 'Lengths of contexts, questions and answers')),
        h('figure', {}, h('img', { id: 'eda-tsne', class: 'picture', alt: 't-SNE of the contexts' }),
          h('figcaption', { class: 'hint' }, 't-SNE of the contexts\' TF-IDF vectors')))),
  ];
}

function drawLengths(eda, field, unit) {
  const part = eda.lengths[field][unit];
  const s = part.stats;
  chart($('#lengths-chart'), {
    type: 'bar',
    data: {
      labels: part.bins.map(b => (b.from === b.to ? String(b.from) : `${b.from}–${b.to}`)),
      datasets: [{ label: `${FIELDS[field]} (${unit})`, data: part.bins.map(b => b.count), backgroundColor: colour(0),
        barPercentage: 1, categoryPercentage: 0.95 }],
    },
    options: { plugins: { legend: { display: false } },
      scales: { x: { title: { display: true, text: unit } }, y: { title: { display: true, text: 'texts' } } } },
  });
  fill($('#lengths-stats'), `${FIELDS[field]}: ${fmt.int(s.count)} texts, ${unit} from ${fmt.int(s.min)} to `
    + `${fmt.int(s.max)}, median ${fmt.num(s.median, 0)}, mean ${fmt.num(s.mean, 1)}, 95% below ${fmt.num(s.p95, 0)}.`);
}

function drawWords(eda) {
  const per = eda.words.per_field;
  const fields = Object.keys(FIELDS).filter(f => per[f]);
  chart($('#stop-chart'), {
    type: 'bar',
    data: {
      labels: fields.map(f => FIELDS[f]),
      datasets: [
        { label: 'Stop words', data: fields.map(f => per[f].stop_words), backgroundColor: colour(3) },
        { label: 'Other words', data: fields.map(f => per[f].other_words), backgroundColor: colour(0) },
      ],
    },
    options: { indexAxis: 'y', scales: { x: { stacked: true }, y: { stacked: true } } },
  });
  const top = eda.top_words.slice(0, 25);
  chart($('#top-chart'), {
    type: 'bar',
    data: { labels: top.map(t => t.word),
      datasets: [{ label: 'Occurrences', data: top.map(t => t.count), backgroundColor: colour(2) }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { y: { ticks: { autoSkip: false } } } },
  });
}

async function drawTsne(eda, dataset) {
  const points = eda.tsne.points;
  const texts = [];
  const draw = () => chart($('#tsne-chart'), {
    type: 'scatter',
    data: { datasets: [{ label: 'Contexts', data: points.map(p => ({ x: p.x, y: p.y, id: p.context_id })),
      backgroundColor: colour(0) + 'aa', pointRadius: 4, pointHoverRadius: 7 }] },
    options: {
      plugins: { legend: { display: false }, tooltip: { callbacks: {
        label: item => {
          const text = texts[item.raw.id];
          return text ? wrap(`#${item.raw.id}: ${text}`) : `context #${item.raw.id}`;
        },
      } } },
      scales: { x: { display: false }, y: { display: false } },
    },
  });
  draw();
  // The hover text: the dataset's distinct contexts in first-seen order are the ids the service gives them.
  const rows = await datasetRows(dataset.id, 2000).catch(() => null);
  if (!rows) return;
  const seen = new Map();
  for (const r of rows) {
    const c = r.context.trim();
    if (!seen.has(c)) seen.set(c, seen.size);
  }
  for (const [c, i] of seen) texts[i] = c.length > 220 ? c.slice(0, 220) + '…' : c;
}

function wrap(text, width = 60) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).length > width && line) { lines.push(line); line = word; } else line = line ? line + ' ' + word : word;
  }
  if (line) lines.push(line);
  return lines;
}

async function pictures(dataset) {
  const base = `/api/v1/datasets/${encodeURIComponent(dataset.id)}/eda/`;
  const shown = await Promise.allSettled([
    showImage($('#eda-wordcloud'), base + 'wordcloud.png'),
    showImage($('#eda-lengths'), base + 'lengths.png'),
    showImage($('#eda-tsne'), base + 'tsne.png'),
  ]);
  const failed = shown.find(r => r.status === 'rejected');
  if (failed && shownFor === dataset.id) showError($('#explore-error'), failed.reason);
  emit('explored', dataset.id);
}
