// Evaluation runs: start one (the problem's words when the gateway has no LLM), the list with live progress, and a
// run's detail: accuracy overall, per level and per file type (charts and tables), latency, and every task's row.
import { api, h, fill, $, $$, busy, showError, progressBar, setProgress, formatDate } from '/console/js/app.js';
import { enc, pct, statusBadge, outcomeBadge, bars, setPager, shortId } from '/console/js/tasks/common.js';

const SIZE = 10;
const LIVE = ['queued', 'running'];
let listPage = 0;
let openRun = null;
let timer = null;
let onRuns = () => {};

function runProgress(run) {
  const bar = progressBar(`Run ${run.id}`);
  setProgress(bar, run.total ? run.progress : null, `${run.done} of ${run.total}`);
  return bar;
}

function runLabel(run) {
  return `${formatDate(run.created_at)} · ${run.model}`;
}

export async function loadRuns(page = listPage) {
  listPage = page;
  const result = await api(`/api/v1/evaluations?page=${listPage}&size=${SIZE}`);
  onRuns(result);
  const list = $('#run-list');
  setPager($('#run-prev'), $('#run-next'), $('#run-range'), result, 'runs');
  if (result.items.length === 0) {
    fill(list, h('p', { class: 'empty' }, 'No runs yet — start one above (it needs an LLM configured).'));
  } else {
    fill(list, h('div', { class: 'table-wrap' }, h('table', { id: 'run-table' },
      h('thead', {}, h('tr', {}, ['Started', 'Model', 'By', 'Status', 'Progress', 'Accuracy', ''].map(t =>
        h('th', { scope: 'col', class: t === 'Accuracy' ? 'num' : null }, t)))),
      h('tbody', {}, result.items.map(run => h('tr', { dataset: { runId: run.id } },
        h('td', { class: 'nowrap' }, formatDate(run.created_at)),
        h('td', {}, run.model, run.use_steps ? h('span', { class: 'badge', title: 'The model got the tasks’ steps' },
          ' with steps') : null),
        h('td', {}, run.owner),
        h('td', {}, statusBadge(run.status)),
        h('td', { class: 'progress-cell' }, runProgress(run)),
        h('td', { class: 'num' }, pct(run.accuracy), h('div', { class: 'hint' }, `${run.correct} of ${run.done}`)),
        h('td', {}, h('button', { type: 'button', 'aria-label': `Open run ${run.id}`,
          onclick: () => showRun(run.id) }, 'Open'))))))));
  }
  schedule(result.items.some(r => LIVE.includes(r.status)) || (openRun && LIVE.includes(openRun.status)));
}

/** While a run is queued or running, the list and the open run refresh every two seconds. */
function schedule(live) {
  clearTimeout(timer);
  if (!live) return;
  timer = setTimeout(async () => {
    try {
      if (openRun && LIVE.includes(openRun.status)) await showRun(openRun.id, false);
      await loadRuns();
    } catch (e) {
      showError(null, e);
    }
  }, 2000);
}

function breakdownTable(caption, rows) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ['', 'Tasks', 'Finished', 'Right', 'Errors', 'Accuracy'].map((t, i) =>
      h('th', { scope: 'col', class: i ? 'num' : null }, t)))),
    h('tbody', {}, rows.map(r => h('tr', {}, h('th', { scope: 'row' }, r.key),
      [r.total, r.done, r.correct, r.errors].map(n => h('td', { class: 'num' }, String(n))),
      h('td', { class: 'num' }, pct(r.accuracy)))))));
}

function chartBox(id, caption) {
  return h('figure', { class: 'task-chart' }, h('figcaption', {}, caption),
    h('div', { class: 'chart' }, h('canvas', { id, role: 'img', 'aria-label': caption })));
}

async function showRun(id, scroll = true) {
  const run = await api(`/api/v1/evaluations/${enc(id)}`);
  openRun = run;
  const card = $('#run-detail');
  card.hidden = false;
  const cancel = LIVE.includes(run.status) ? h('button', { type: 'button', class: 'danger', onclick: e =>
    busy(e.currentTarget, async () => {
      await api(`/api/v1/evaluations/${enc(run.id)}/cancel`, { method: 'POST' });
      await showRun(run.id, false);
      await loadRuns();
    }) }, 'Cancel the run') : null;
  const filter = run.filter || {};
  fill(card,
    h('div', { class: 'row detail-head' }, h('h2', { id: 'run-detail-title', class: 'grow', tabindex: -1 },
      `Run of ${formatDate(run.created_at)}`), cancel),
    h('p', {}, statusBadge(run.status), ' ', `${run.model} · by ${run.owner} · ${run.concurrency} at once`,
      run.use_steps ? ' · with the tasks’ steps' : '', filter.levels ? ` · levels ${filter.levels.join(', ')}` : '',
      filter.has_file === true ? ' · tasks with a file' : filter.has_file === false ? ' · tasks without a file' : ''),
    run.error ? h('p', { class: 'alert error' }, run.error) : null,
    runProgress(run),
    h('div', { class: 'figures' },
      h('div', { class: 'figure ok' }, h('span', { class: 'figure-value', id: 'run-accuracy' }, pct(run.accuracy)),
        h('span', { class: 'figure-label' }, 'accuracy')),
      ...[['right', run.correct], ['finished', run.done], ['tasks', run.total], ['errors', run.errors]].map(([l, v]) =>
        h('div', { class: 'figure' }, h('span', { class: 'figure-value' }, String(v)), h('span', { class: 'figure-label' }, l)))),
    h('div', { class: 'grid' }, chartBox('run-chart-level', 'Accuracy per level'),
      chartBox('run-chart-type', 'Accuracy per file type'), chartBox('run-chart-latency', 'Answer time')),
    h('div', { class: 'grid two' }, breakdownTable('Per level', run.by_level),
      breakdownTable('Per file type', run.by_file_type)),
    h('h3', {}, 'Every task'),
    h('form', { class: 'row', id: 'result-filter', onchange: () => loadResults().catch(e => showError(null, e)),
      onsubmit: e => e.preventDefault() },
    h('div', {}, h('label', { for: 'result-outcome' }, 'Outcome'), h('select', { id: 'result-outcome', name: 'outcome' },
      h('option', { value: '' }, 'All'), h('option', { value: 'correct=true' }, 'Right'),
      h('option', { value: 'correct=false' }, 'Wrong or error'), h('option', { value: 'status=error' }, 'Errors'),
      h('option', { value: 'status=pending' }, 'Waiting'))),
    h('div', {}, h('label', { for: 'result-level' }, 'Level'), h('select', { id: 'result-level', name: 'level' },
      h('option', { value: '' }, 'Any'), [1, 2, 3].map(l => h('option', { value: String(l) }, `Level ${l}`))))),
    h('div', { id: 'result-list' }));
  const levelKeys = run.by_level.map(r => `Level ${r.key}`);
  bars($('#run-chart-level'), levelKeys, [{ label: 'Accuracy', data: run.by_level.map(r => r.accuracy) }],
    { percent: true });
  bars($('#run-chart-type'), run.by_file_type.map(r => r.key === 'none' ? 'no file' : r.key),
    [{ label: 'Accuracy', data: run.by_file_type.map(r => r.accuracy), colour: '#0891b2' }], { percent: true });
  const latency = await api(`/api/v1/evaluations/${enc(run.id)}/charts/latency?bins=8`);
  bars($('#run-chart-latency'), latency.bins.map(b => `${(b.from_ms / 1000).toFixed(1)}–${(b.to_ms / 1000).toFixed(1)} s`),
    [{ label: 'Answers', data: latency.bins.map(b => b.count), colour: '#d97706' }]);
  await loadResults();
  if (scroll) {
    card.scrollIntoView({ block: 'start' });
    $('#run-detail-title').focus({ preventScroll: true });
  }
  schedule(LIVE.includes(run.status));
}

function resultDetail(r) {
  const block = (title, text) => text ? [h('h4', {}, title), h('pre', {}, text)] : null;
  return h('tr', { class: 'result-more' }, h('td', { colspan: 8 },
    h('p', { class: 'question' }, r.question ?? '(the task was deleted)'),
    r.error ? h('p', { class: 'alert error' }, r.error) : null,
    r.notes ? h('p', { class: 'hint' }, r.notes) : null,
    h('p', { class: 'hint' }, [r.score_kind ? `scored as a ${r.score_kind}` : null,
      r.attempts ? `${r.attempts} attempt(s)` : null,
      r.input_tokens != null ? `${r.input_tokens} tokens in, ${r.output_tokens ?? 0} out` : null,
      r.steps_used ? `steps version ${r.steps_version} given` : `steps version ${r.steps_version ?? '—'} (not given)`,
      r.truncated ? 'a text was cut to fit' : null].filter(Boolean).join(' · ')),
    block('The model’s answer', r.raw_answer), block('The prompt sent', r.prompt)));
}

async function loadResults() {
  const outcome = $('#result-outcome').value;
  const level = $('#result-level').value;
  const query = [outcome, level ? `level=${level}` : ''].filter(Boolean).join('&');
  const result = await api(`/api/v1/evaluations/${enc(openRun.id)}/results?size=500${query ? '&' + query : ''}`);
  const box = $('#result-list');
  if (result.items.length === 0) {
    fill(box, h('p', { class: 'empty' }, 'No task of this run matches.'));
    return;
  }
  const rows = result.items.flatMap(r => {
    const more = resultDetail(r);
    more.hidden = true;
    const toggle = h('button', { type: 'button', class: 'link', 'aria-expanded': 'false', onclick: e => {
      more.hidden = !more.hidden;
      e.currentTarget.setAttribute('aria-expanded', String(!more.hidden));
    } }, 'Details');
    return [h('tr', {},
      h('td', { class: 'mono nowrap', title: r.task_id }, shortId(r.task_id)),
      h('td', { class: 'num' }, String(r.level)), h('td', {}, r.file_type),
      h('td', { class: 'answer' }, r.final_answer ?? h('span', { class: 'muted' }, 'none')),
      h('td', { class: 'answer' }, r.ground_truth ?? ''), h('td', {}, outcomeBadge(r)),
      h('td', { class: 'num' }, r.latency_ms != null ? `${(r.latency_ms / 1000).toFixed(1)} s` : '—'),
      h('td', {}, toggle)), more];
  });
  fill(box, h('div', { class: 'table-wrap' }, h('table', { id: 'result-table' },
    h('thead', {}, h('tr', {}, ['Task', 'Level', 'File', 'Answer', 'Truth', 'Outcome', 'Time', ''].map(t =>
      h('th', { scope: 'col' }, t)))), h('tbody', {}, rows))),
  result.total > result.items.length ? h('p', { class: 'hint' }, `The first ${result.items.length} of ${result.total}.`) : null);
}

async function start(form) {
  const levels = $$('input[name=level]:checked', form).map(c => Number(c.value));
  if (levels.length === 0) throw new Error('Choose at least one level.');
  const filter = {};
  if (levels.length < 3) filter.levels = levels;
  if (form.has_file.value) filter.has_file = form.has_file.value === 'true';
  const body = { filter, use_steps: form.use_steps.checked, vision: form.vision.checked,
    concurrency: Number(form.concurrency.value) || 2 };
  if (form.model.value.trim()) body.model = form.model.value.trim();
  const run = await api('/api/v1/evaluations', { json: body });
  await loadRuns(0);
  await showRun(run.id);
}

export function initRuns(runsLoaded) {
  onRuns = runsLoaded;
  const form = $('#run-form');
  form.addEventListener('submit', e => {
    e.preventDefault();
    busy(form.querySelector('button[type=submit]'), () => start(form), $('#run-error'));
  });
  $('#run-prev').addEventListener('click', e => busy(e.currentTarget, () => loadRuns(listPage - 1)));
  $('#run-next').addEventListener('click', e => busy(e.currentTarget, () => loadRuns(listPage + 1)));
}

export { runLabel };
