// Small pieces the Tasks page's parts share: percentages, status badges, bar charts, step diffs, pagers.
import { h, chart, colour } from '/console/js/app.js';

export const enc = encodeURIComponent;

/** 0.6 -> "60%"; null (nothing finished yet) -> "—". */
export function pct(x) {
  return x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`;
}

const STATUS = { completed: 'ok', running: 'warn', queued: 'warn', cancelled: '', failed: 'bad' };

export function statusBadge(status) {
  return h('span', { class: `badge ${STATUS[status] ?? ''}` }, status);
}

/** A result row's outcome in words: right, wrong, error or waiting. */
export function outcomeBadge(row) {
  if (row.status === 'error') return h('span', { class: 'badge bad' }, 'error');
  if (row.status === 'pending') return h('span', { class: 'badge' }, 'waiting');
  return row.correct ? h('span', { class: 'badge ok' }, '✓ right') : h('span', { class: 'badge bad' }, '✗ wrong');
}

/** A bar chart: datasets [{label, data}], options percent (0..1 as %), stacked, horizontal. */
export function bars(canvas, labels, datasets, { percent = false, stacked = false, horizontal = false } = {}) {
  const value = percent ? { min: 0, max: 1, ticks: { callback: v => `${Math.round(v * 100)}%` } }
    : { beginAtZero: true, ticks: { precision: 0 } };
  const scales = horizontal ? { x: { ...value, stacked }, y: { stacked } } : { y: { ...value, stacked }, x: { stacked } };
  return chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: datasets.map((d, i) => ({ backgroundColor: d.colour || colour(i), borderRadius: 4, ...d })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      scales,
      plugins: {
        legend: { display: datasets.length > 1 },
        tooltip: percent ? { callbacks: { label: c => `${c.dataset.label}: ${pct(c.raw)}` } } : {},
      },
    },
  });
}

/** A diff [{op, step}] as a list: added lines marked +, removed lines −. */
export function diffList(diff) {
  const marks = { added: '+', removed: '−', unchanged: ' ' };
  const words = { added: 'added', removed: 'removed', unchanged: '' };
  return h('ol', { class: 'diff' }, diff.map(d => h('li', { class: `diff-${d.op}` },
    h('span', { class: 'diff-mark', 'aria-hidden': 'true' }, marks[d.op] ?? ' '),
    words[d.op] ? h('span', { class: 'visually-hidden' }, `${words[d.op]}: `) : null,
    h('span', { class: 'diff-step' }, d.step))));
}

/** Keeps a Previous/Next pager in step with a page of {page, size, total}. */
export function setPager(prev, next, range, result, noun) {
  const from = result.total === 0 ? 0 : result.page * result.size + 1;
  const to = Math.min(result.total, (result.page + 1) * result.size);
  range.textContent = result.total === 0 ? `No ${noun}` : `${from}–${to} of ${result.total} ${noun}`;
  prev.disabled = result.page === 0;
  next.disabled = to >= result.total;
  prev.hidden = next.hidden = result.total <= result.size;
}

/** A short form of a long id for tables (the whole id stays in the title and in the detail). */
export function shortId(id) {
  return id && id.length > 13 ? id.slice(0, 8) + '…' : id;
}
