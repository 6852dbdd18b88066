// Label (annotators): filter everyone's comments by author, status, labelled or not and predicted emotion, then set
// each one's true emotion and feedback inline, one Save per row. The filters live in the URL (no key ever does).
import { page, api, h, fill, $, busy, showError, formatDate, session } from '/console/js/app.js';
import { LABELS, emoji, title, labelChip, scoreBar, statusBadge, query } from '/console/js/comments/emotions.js';

const SIZE = 20;
const FILTERS = ['user', 'status', 'labelled', 'predicted_label'];
let pageNo = 0;

function filters() {
  const form = $('#filter-form');
  return Object.fromEntries(FILTERS.map(name => [name, form.elements[name].value.trim()]));
}

function labelOptions(selected) {
  return LABELS.map(l => h('option', { value: l, selected: l === selected }, `${emoji(l)} ${title(l)}`));
}

function stateText(c) {
  return c.true_label
    ? `Labelled ${title(c.true_label)} by ${c.labelled_by || 'someone'}${c.labelled_at ? ' · ' + formatDate(c.labelled_at) : ''}`
    : 'Not labelled yet';
}

function row(c) {
  const select = h('select', { 'aria-label': `True emotion of comment #${c.num}`, class: 'true-label' },
    labelOptions(c.true_label || c.prediction_result || 'neutral'));
  const feedback = h('input', { type: 'text', maxlength: 2000, class: 'feedback-input', value: c.feedback || '',
    placeholder: 'Optional note', 'aria-label': `Feedback on comment #${c.num}` });
  const state = h('span', { class: 'row-state hint' }, stateText(c));
  const error = h('div', { class: 'alert error row-error', role: 'alert', hidden: true });
  const save = h('button', { type: 'button', class: 'primary save', 'aria-label': `Save the label of comment #${c.num}` },
    'Save');
  const tr = h('tr', { dataset: { num: c.num }, class: c.true_label ? 'labelled' : '' },
    h('td', { class: 'text', 'data-head': 'Comment' },
      h('p', { class: 'comment-text' }, c.comments),
      h('span', { class: 'hint' }, `#${c.num} · ${c.request_user} · ${formatDate(c.request_time)}`)),
    h('td', { 'data-head': 'Model says' }, c.prediction_result
      ? [labelChip(c.prediction_result), h('br'), scoreBar(c.prediction_score)] : statusBadge(c.status)),
    h('td', { 'data-head': 'True emotion' }, select, state),
    h('td', { 'data-head': 'Feedback' }, feedback),
    h('td', {}, save, error));
  const store = () => busy(save, async () => {
    const saved = await api(`/api/v1/comments/${encodeURIComponent(c.num)}/label`,
      { method: 'PUT', json: { true_label: select.value, feedback: feedback.value } });
    fill(state, '✔ Saved · ' + stateText(saved));
    tr.classList.add('saved', 'labelled');
  }, error);
  save.addEventListener('click', store);
  feedback.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); store(); } });
  return tr;
}

let latest = 0;

async function load() {
  const f = filters();
  const mine = ++latest;
  const rows = $('#rows');
  rows.setAttribute('aria-busy', 'true'); // until the newest search has answered (screen readers, tests)
  history.replaceState(null, '', location.pathname + query({ ...f, page: pageNo || '' }));
  try {
    const result = await api('/api/v1/comments' + query({ ...f, page: pageNo, size: SIZE }));
    if (mine !== latest) return; // a newer search was asked for meanwhile: its answer counts, not this one
    fill(rows, result.items.map(row));
    $('#none').hidden = result.items.length > 0;
    $('#label-table').hidden = result.items.length === 0;
    rows.dataset.loaded = String(mine);
    const first = pageNo * SIZE + 1;
    fill($('#range'), result.total ? `${first}–${first + result.items.length - 1} of ${result.total}` : '');
    $('#prev').parentElement.hidden = result.total <= SIZE;
    $('#prev').disabled = pageNo === 0;
    $('#next').disabled = (pageNo + 1) * SIZE >= result.total;
  } finally {
    if (mine === latest) rows.removeAttribute('aria-busy');
  }
}

/**
 * Loads the list while the button shows it is busy; unlike app.js's busy() it keeps the button enabled, so a search
 * changed while the last one loads is still sent (the newest answer wins).
 */
async function refresh(button) {
  const error = $('#list-error');
  button.setAttribute('aria-busy', 'true');
  showError(error, null);
  try {
    await load();
  } catch (e) {
    showError(error, e);
  } finally {
    button.removeAttribute('aria-busy');
  }
}

page(async who => {
  if (!session.hasRole('annotator', 'admin')) {
    fill($('#no-role-name'), who.role);
    $('#no-role').hidden = false;
    return;
  }
  $('#label-ui').hidden = false;
  const form = $('#filter-form');
  form.elements.predicted_label.append(...LABELS.map(l => h('option', { value: l }, `${emoji(l)} ${title(l)}`)));
  const initial = new URLSearchParams(location.search);
  for (const name of FILTERS) if (initial.has(name)) form.elements[name].value = initial.get(name);
  pageNo = Math.max(0, parseInt(initial.get('page') || '0', 10) || 0);
  const apply = $('#filter-apply');
  form.addEventListener('submit', e => { e.preventDefault(); pageNo = 0; refresh(apply); });
  form.addEventListener('reset', () => setTimeout(() => { pageNo = 0; refresh(apply); }));
  $('#prev').addEventListener('click', e => { pageNo--; refresh(e.currentTarget); });
  $('#next').addEventListener('click', e => { pageNo++; refresh(e.currentTarget); });
  await refresh(apply);
});
