// Comments (seed 001): write a comment and see the emotion the model hears in it (emoji, label, confidence), with a
// live preview while typing; below, my comments with their status, newest first, and what an annotator said.
import { page, api, h, fill, $, busy, showError, formatDate, poll } from '/console/js/app.js';
import { emoji, title, labelChip, scoreBar, statusBadge, percent, query } from '/console/js/comments/emotions.js';

const SIZE = 10;
let me = '';
let pageNo = 0;
let autoRefresh = null;

let lastPreview = null;

/** The runners-up of the preview of exactly this text, when there was one (nothing is asked twice). */
function runnersUp(comment) {
  if (!lastPreview || lastPreview.text !== comment.comments) return null;
  const others = lastPreview.ranked.filter(r => r.label !== comment.prediction_result && r.score >= 0.01);
  return others.length ? h('div', { class: 'runners-up' }, h('p', { class: 'hint' }, 'It also heard a little of:'),
    h('ol', { class: 'ranking' }, others.map(r => h('li', { class: 'rank-row' }, labelChip(r.label), scoreBar(r.score)))))
    : null;
}

/** The answer for a sent comment: a big emoji, the label and the confidence, or why it waits. */
function showResult(comment) {
  $('#preview').hidden = true;
  if (comment.status === 'predicted') {
    fill($('#result'), h('div', { class: 'verdict', dataset: { label: comment.prediction_result } },
      h('span', { class: 'big-emoji', 'aria-hidden': 'true' }, emoji(comment.prediction_result)),
      h('div', { class: 'verdict-text' },
        h('p', { class: 'verdict-label' }, title(comment.prediction_result)),
        scoreBar(comment.prediction_score),
        h('p', { class: 'hint' }, `Saved as comment #${comment.num}. The model is ${percent(comment.prediction_score)}`
          + ' sure.'))), runnersUp(comment));
  } else {
    fill($('#result'), h('div', { class: 'alert info' },
      h('strong', {}, `Saved as comment #${comment.num}. `),
      comment.notice || 'The model could not read it just now; it will be classified shortly.'));
  }
}

let previewTimer = null;
let previewAbort = null;

/** The ranked emotions of the text being typed, from POST /api/v1/predict (nothing is stored). */
function schedulePreview(text) {
  clearTimeout(previewTimer);
  previewAbort?.abort();
  if (text.trim().length < 3) { $('#preview').hidden = true; return; }
  previewTimer = setTimeout(async () => {
    previewAbort = new AbortController();
    try {
      const answer = await api('/api/v1/predict', { json: { texts: [text], top_k: 3 }, signal: previewAbort.signal });
      const ranked = answer.predictions[0].ranked || [answer.predictions[0]];
      lastPreview = { text, ranked };
      fill($('#preview-list'), ranked.map(r => h('li', { class: 'rank-row' },
        h('span', { class: 'rank-label' }, labelChip(r.label)), scoreBar(r.score))));
      $('#result-empty').hidden = true;
      $('#preview').hidden = false;
    } catch (e) {
      if (e.name === 'AbortError') return;
      fill($('#preview-list'), h('li', { class: 'hint' }, 'No preview: ' + e.message));
      $('#preview').hidden = false;
    }
  }, 450);
}

function item(c) {
  const labelled = c.true_label
    ? h('p', { class: 'verdict-check' + (c.true_label === c.prediction_result ? ' agree' : ' differ') },
      c.true_label === c.prediction_result ? '✔ An annotator agreed: ' : '✎ An annotator says: ',
      labelChip(c.true_label), c.feedback ? h('span', { class: 'feedback' }, ` — “${c.feedback}”`) : null)
    : null;
  return h('li', { class: 'comment-item', dataset: { num: c.num, status: c.status } },
    h('span', { class: 'item-emoji', 'aria-hidden': 'true' }, c.prediction_result ? emoji(c.prediction_result) : '…'),
    h('div', { class: 'item-body' },
      h('p', { class: 'comment-text' }, c.comments),
      h('div', { class: 'item-meta' },
        statusBadge(c.status),
        c.prediction_result ? labelChip(c.prediction_result) : null,
        c.prediction_result ? scoreBar(c.prediction_score) : null,
        h('span', { class: 'hint' }, `#${c.num} · ${formatDate(c.request_time)}`)),
      c.status === 'failed' && c.last_error ? h('p', { class: 'hint' }, c.last_error) : null,
      labelled));
}

async function loadMine() {
  const status = $('#mine-status').value;
  const result = await api('/api/v1/comments' + query({ user: me, status, page: pageNo, size: SIZE }));
  const list = $('#mine');
  if (result.items.length) fill(list, result.items.map(item));
  else fill(list, h('li', { class: 'empty' }, status
    ? 'None of your comments has this status.' : 'No comments yet — write your first one above.'));
  const first = result.total ? pageNo * SIZE + 1 : 0;
  fill($('#mine-range'), result.total ? `${first}–${first + result.items.length - 1} of ${result.total}` : '');
  $('#mine-prev').parentElement.hidden = result.total <= SIZE;
  $('#mine-prev').disabled = pageNo === 0;
  $('#mine-next').disabled = (pageNo + 1) * SIZE >= result.total;
  const pending = result.items.filter(c => c.status === 'pending').length;
  $('#pending-note').hidden = pending === 0;
  fill($('#pending-text'), `${pending} ${pending === 1 ? 'comment is' : 'comments are'} waiting for the model.`
    + ' They are classified within a minute, or now if you ask.');
  watchPending(pending > 0);
}

/** While comments wait for the batch job, look again every few seconds (for two minutes at most). */
function watchPending(any) {
  if (!any) { clearInterval(autoRefresh?.timer); autoRefresh = null; return; }
  if (autoRefresh) return;
  const until = Date.now() + 120000;
  autoRefresh = { timer: setInterval(() => {
    if (Date.now() > until) { clearInterval(autoRefresh.timer); return; }
    loadMine().catch(e => showError($('#mine-error'), e));
  }, 5000) };
}

page(async who => {
  me = who.user_id;
  const form = $('#comment-form');
  const text = $('#comment-text');
  text.addEventListener('input', () => {
    fill($('#comment-count'), `${text.value.length} / 5000`);
    schedulePreview(text.value);
  });
  form.addEventListener('reset', () => {
    fill($('#comment-count'), '0 / 5000');
    $('#preview').hidden = true;
    showError($('#comment-error'), null);
  });
  form.addEventListener('submit', event => {
    event.preventDefault();
    clearTimeout(previewTimer);
    previewAbort?.abort();
    busy($('#comment-submit'), async () => {
      const comment = await api('/api/v1/comments?predict=now', { json: { comment: text.value } });
      showResult(comment);
      form.reset();
      pageNo = 0;
      await loadMine();
    }, $('#comment-error'));
  });
  $('#mine-status').addEventListener('change', () => { pageNo = 0; loadMine().catch(e => showError($('#mine-error'), e)); });
  $('#mine-refresh').addEventListener('click', e => busy(e.currentTarget, loadMine, $('#mine-error')));
  $('#mine-prev').addEventListener('click', e => { pageNo--; busy(e.currentTarget, loadMine, $('#mine-error')); });
  $('#mine-next').addEventListener('click', e => { pageNo++; busy(e.currentTarget, loadMine, $('#mine-error')); });
  $('#classify-now').addEventListener('click', e => busy(e.currentTarget, async () => {
    const job = await api('/api/v1/jobs/predict', { method: 'POST' });
    await poll(`/api/v1/jobs/${encodeURIComponent(job.id)}`, null, { intervalMs: 1000, timeoutMs: 120000 });
    await loadMine();
  }, $('#mine-error')));
  await loadMine();
});
