// The seed 001 emotion app's vocabulary, shared by the Comments, Label and Statistics pages: the built-in model's
// seven labels, an emoji for each, and small pieces that show a label or a score the same way everywhere.
import { h } from '/console/js/app.js';

export const LABELS = ['anger', 'disgust', 'fear', 'joy', 'neutral', 'sadness', 'surprise'];

// The seed's faces, taken from Unicode's first emoticon block (😠 for 🤬, 😖 for 🤢): those render on every system,
// even with no colour emoji font (a headless browser, an older phone), where newer faces would show as boxes.
const EMOJI = { anger: '😠', disgust: '😖', fear: '😨', joy: '😀', neutral: '😐', sadness: '😭', surprise: '😲' };

/** The emoji of a label; a label the page does not know (a retrained model's, say) gets a blank face. */
export const emoji = label => EMOJI[label] || '😶';

/** "Joy" from "joy": labels read as words. */
export const title = label => (label ? label.charAt(0).toUpperCase() + label.slice(1) : '');

/** A label as an emoji and its name, e.g. 😀 Joy; the emoji is decoration, the name is what a reader hears. */
export function labelChip(label, extra = '') {
  if (!label) return h('span', { class: 'emotion none' }, '—');
  return h('span', { class: `emotion ${extra}`.trim(), dataset: { label } },
    h('span', { class: 'emoji', 'aria-hidden': 'true' }, emoji(label)), ' ', title(label));
}

/** "98.9%" from 0.989. */
export function percent(score, digits = 1) {
  return score === null || score === undefined || Number.isNaN(score) ? '—' : (score * 100).toFixed(digits) + '%';
}

/** A score as a thin bar with its percentage beside it. */
export function scoreBar(score, label = 'Confidence') {
  const bar = h('span', { class: 'meter', role: 'img', 'aria-label': `${label} ${percent(score)}` },
    h('span', { class: 'meter-fill' }));
  bar.firstChild.style.width = Math.max(0, Math.min(100, (score || 0) * 100)) + '%';
  return h('span', { class: 'score' }, bar, h('span', { class: 'score-text' }, percent(score)));
}

const STATUS = { predicted: ['ok', 'Predicted'], pending: ['warn', 'Waiting for the model'], failed: ['bad', 'Failed'] };

/** A comment's status as a coloured badge in words. */
export function statusBadge(status) {
  const [kind, text] = STATUS[status] || ['', status || 'unknown'];
  return h('span', { class: `badge ${kind}`.trim(), dataset: { status } }, text);
}

/** Builds ?a=1&b=2 from the entries whose value is set. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== null && v !== undefined) q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}
