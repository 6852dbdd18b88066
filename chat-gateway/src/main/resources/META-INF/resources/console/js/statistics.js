// Statistics (seed 001): totals, what the model said vs what annotators found per emotion, quality per emotion
// (precision/recall/F1), the confusion matrix as a heat-coloured table, and comments per day. Computed by the
// service on every load or Refresh; the period form narrows it to days.
import { page, api, h, fill, $, busy, chart, showImage, showError } from '/console/js/app.js';
import { LABELS, emoji, title, labelChip, percent, query } from '/console/js/comments/emotions.js';

const PREDICTED = '#2563eb';
const TRUE = '#16a34a';

function period() {
  return { from: $('#from').value, to: $('#to').value };
}

function card(id, label, value, hint) {
  return h('div', { class: 'card', id: `stat-${id}`, dataset: { testid: `stat-${id}` } },
    h('p', { class: 'stat-label' }, label),
    h('p', { class: 'stat', dataset: { value: value ?? '' } }, value ?? '—'),
    hint ? h('p', { class: 'hint' }, hint) : null);
}

function cards(s) {
  fill($('#stats-cards'),
    card('total', 'Comments', s.total),
    card('predicted', 'Predicted', s.predicted),
    card('pending', 'Waiting for the model', s.pending),
    card('failed', 'Failed', s.failed),
    card('labelled', 'Labelled by annotators', s.labelled),
    card('accuracy', 'Accuracy', s.accuracy === null ? null : percent(s.accuracy),
      s.evaluated ? `on ${s.evaluated} checked comment${s.evaluated === 1 ? '' : 's'}` : 'no checked comments yet'),
    card('macro-f1', 'Macro F1', s.macro_f1 === null ? null : s.macro_f1.toFixed(2)),
    card('mean-score', 'Mean confidence', s.mean_score === null ? null : percent(s.mean_score)));
}

/** Every label the answer knows, the built-in seven first (a retrained model could add some). */
function labelsOf(s) {
  const extra = Object.keys(s.per_predicted_label || {}).filter(l => !LABELS.includes(l));
  return [...LABELS, ...extra];
}

function distribution(s) {
  const labels = labelsOf(s);
  chart($('#dist-chart'), {
    type: 'bar',
    data: {
      labels: labels.map(l => `${emoji(l)} ${title(l)}`),
      datasets: [
        { label: 'Predicted by the model', data: labels.map(l => s.per_predicted_label[l] || 0), backgroundColor: PREDICTED, maxBarThickness: 36 },
        { label: 'Labelled by annotators', data: labels.map(l => s.per_true_label[l] || 0), backgroundColor: TRUE,
          maxBarThickness: 36 },
      ],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { position: 'bottom' } } },
  });
}

/** Days without comments count as zero, so the line does not jump over them. */
function everyDay(volume) {
  if (volume.length < 2) return volume;
  const counts = new Map(volume.map(v => [v.day, v.count]));
  const days = [];
  const end = new Date(volume[volume.length - 1].day + 'T00:00:00Z');
  for (let d = new Date(volume[0].day + 'T00:00:00Z'); d <= end && days.length < 1000; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    days.push({ day, count: counts.get(day) || 0 });
  }
  return days;
}

function volumeChart(s) {
  const days = everyDay([...(s.volume_per_day || [])].sort((a, b) => a.day.localeCompare(b.day)));
  $('#volume-empty').hidden = days.length > 0;
  $('#volume-chart').parentElement.hidden = days.length === 0;
  chart($('#volume-chart'), {
    type: days.length > 14 ? 'line' : 'bar',
    data: { labels: days.map(d => d.day),
      datasets: [{ label: 'Comments', data: days.map(d => d.count), backgroundColor: PREDICTED, borderColor: PREDICTED,
        fill: false, tension: 0.2, maxBarThickness: 48 }] },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } },
  });
}

function f1Cell(v) {
  if (v === null) return h('td', { class: 'num muted' }, '—');
  const bar = h('span', { class: 'meter' }, h('span', { class: 'meter-fill' }));
  bar.firstChild.style.width = (v * 100).toFixed(0) + '%';
  return h('td', { class: 'num' }, h('span', { class: 'f1-cell' }, bar, v.toFixed(2)));
}

/** A measure that cannot be known (the model never said the label, or no comment has it) shows as a dash. */
const measure = (v, known) => h('td', { class: known ? 'num' : 'num muted' }, known ? v.toFixed(2) : '—');

function perLabel(s) {
  const { labels, matrix } = s.confusion;
  const rows = labelsOf(s).filter(l => s.per_label[l]).map(l => {
    const m = s.per_label[l];
    const i = labels.indexOf(l);
    const said = i < 0 ? 0 : matrix.reduce((sum, cells) => sum + cells[i], 0);
    return h('tr', { dataset: { label: l } }, h('th', { scope: 'row' }, labelChip(l)),
      measure(m.precision, said > 0), measure(m.recall, m.support > 0),
      f1Cell(said > 0 || m.support > 0 ? m.f1 : null), h('td', { class: 'num' }, m.support));
  });
  fill($('#per-label tbody'), rows);
  fill($('#quality-hint'), s.evaluated
    ? `On the ${s.evaluated} comment${s.evaluated === 1 ? '' : 's'} with both the model's answer and an annotator's `
      + 'label. Precision: how often the model was right when it said this emotion; recall: how many of this emotion '
      + 'it found; F1 combines both.'
    : 'No comment has been checked by an annotator yet, so there is nothing to measure: the numbers below stay at 0 '
      + 'until annotators label some on the Label page.');
}

function confusion(s) {
  const labels = s.confusion.labels;
  const matrix = s.confusion.matrix;
  const max = Math.max(1, ...matrix.flat());
  const head = h('tr', {}, h('th', { class: 'corner', scope: 'col' }, 'true ↓ · said →'),
    labels.map(l => h('th', { scope: 'col', title: title(l) }, h('span', { 'aria-hidden': 'true' }, emoji(l)), h('br'),
      h('span', { class: 'hint' }, title(l)))));
  const body = matrix.map((cells, i) => h('tr', {}, h('th', { scope: 'row' }, labelChip(labels[i])),
    cells.map((v, j) => {
      const td = h('td', { class: (i === j ? 'diagonal ' : '') + (v === 0 ? 'zero' : v / max > 0.55 ? 'hot' : ''),
        'aria-label': `${v} ${title(labels[i])} comment${v === 1 ? '' : 's'} the model called ${title(labels[j])}` }, v);
      if (v > 0) td.style.backgroundColor = `rgba(37, 99, 235, ${(0.12 + 0.78 * v / max).toFixed(2)})`;
      return td;
    })));
  fill($('#confusion'), h('thead', {}, head), h('tbody', {}, body));
}

let picturesShown = false;

async function pictures() {
  const q = period();
  await Promise.all([
    showImage($('#png-distribution'), '/api/v1/comments/stats/chart' + query({ kind: 'distribution', ...q })),
    showImage($('#png-confusion'), '/api/v1/comments/stats/chart' + query({ kind: 'confusion', ...q })),
  ]);
}

async function load() {
  const s = await api('/api/v1/comments/stats' + query(period()));
  cards(s);
  distribution(s);
  volumeChart(s);
  perLabel(s);
  confusion(s);
  fill($('#updated'), `Computed ${new Date().toLocaleTimeString()} from ${s.total} comment${s.total === 1 ? '' : 's'}.`);
  if (picturesShown) await pictures();
}

page(async () => {
  const form = $('#period-form');
  form.addEventListener('submit', e => { e.preventDefault(); busy($('#refresh'), load); });
  form.addEventListener('reset', () => setTimeout(() => busy($('#refresh'), load)));
  $('#pictures').addEventListener('toggle', () => {
    if ($('#pictures').open && !picturesShown) {
      picturesShown = true;
      pictures().catch(e => showError(null, e));
    }
  });
  await busy($('#refresh'), load);
});
