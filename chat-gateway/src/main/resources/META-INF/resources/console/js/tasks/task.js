// One task: its question and facts, its linked files, the steps editor (a save makes the next version and shows its
// diff), the history of the steps, and a scorer to try an answer against the task's final answer.
import { api, h, fill, $, busy, showError, formatDate, formatBytes, session } from '/console/js/app.js';
import { enc, diffList } from '/console/js/tasks/common.js';

let current = null;
let onSaved = () => {};

function facts(task) {
  const item = (name, value) => value === null || value === undefined || value === '' ? null
    : [h('dt', {}, name), h('dd', {}, value)];
  return [
    item('Level', String(task.level)),
    item('Final answer', h('strong', { class: 'final-answer' }, task.final_answer)),
    item('Attached file', task.file_name || 'none'),
    item('How long it takes', task.how_long),
    item('Tools', task.tools ? h('span', { class: 'pre-line' }, task.tools) : null),
    item('Steps version', `${task.steps_version}${task.steps_version > 1 ? ' (edited)' : ' (as imported)'}`),
  ];
}

function files(task) {
  if (!task.file_name) return null;
  if (!task.files || task.files.length === 0) {
    return h('p', { class: 'alert info' }, `The file ${task.file_name} is not among the files you may see: `
      + 'import the snapshot that holds it.');
  }
  return h('ul', { class: 'task-files' }, task.files.map(f => h('li', {},
    h('span', { class: 'mono' }, f.original_name), ' ',
    h('span', { class: 'muted' }, `${f.media_type || ''} · ${formatBytes(f.size_bytes)} · ${f.owner_id}`),
    f.text_length ? h('span', { class: 'muted' }, ` · ${f.text_length} characters of text`) : null)));
}

function version(v, open) {
  const who = v.author === 'import' ? 'imported' : `${v.author}${v.role ? ` (${v.role})` : ''}`;
  return h('details', { class: 'version', open, dataset: { version: v.version } },
    h('summary', {}, h('strong', {}, `Version ${v.version}`), ` · ${who} · ${formatDate(v.created_at)}`),
    v.note ? h('p', { class: 'note' }, v.note) : null,
    diffList(v.diff));
}

async function loadHistory(taskId) {
  const history = await api(`/api/v1/tasks/${enc(taskId)}/steps/history`);
  fill($('#steps-history'), history.versions.map((v, i) => version(v, i === 0)));
  return history;
}

/** Opens a task in the detail card, scrolled into view with the focus on its title. */
export async function openTask(taskId) {
  const task = await api(`/api/v1/tasks/${enc(taskId)}`);
  current = task;
  const card = $('#task-detail');
  card.hidden = false;
  $('#task-title').textContent = `Task ${task.task_id}`;
  $('#task-question').textContent = task.question;
  fill($('#task-facts'), facts(task));
  fill($('#task-files'), files(task));
  const history = await loadHistory(task.task_id);
  const steps = history.versions[0]?.steps ?? [];
  $('#steps-text').value = steps.join('\n');
  $('#steps-note').value = '';
  fill($('#steps-saved'));
  fill($('#score-result'));
  showError($('#steps-error'), null);
  showError($('#score-error'), null);
  $('#score-answer').value = '';
  card.scrollIntoView({ block: 'start' });
  $('#task-title').focus({ preventScroll: true });
}

function saved(result) {
  const word = result.changed ? `Saved as version ${result.version}.` : `No change: version ${result.version} stays.`;
  return h('div', { class: `alert ${result.changed ? 'ok' : 'info'}`, role: 'status' },
    h('strong', {}, word), result.changed ? ' What changed:' : null,
    result.changed ? diffList(result.diff) : null);
}

async function save() {
  const steps = $('#steps-text').value.split('\n').map(s => s.trim()).filter(Boolean);
  const note = $('#steps-note').value.trim();
  const result = await api(`/api/v1/tasks/${enc(current.task_id)}/steps`, { method: 'PUT',
    json: { steps, note: note || null } });
  await loadHistory(current.task_id);
  $('#steps-text').value = result.steps.join('\n');
  if (result.changed) $('#steps-note').value = '';
  current.steps_version = result.version;
  fill($('#task-facts'), facts(current));
  fill($('#steps-saved'), saved(result));
  onSaved();
}

async function score() {
  const result = await api('/api/v1/evaluations/score', { json: {
    model_answer: $('#score-answer').value, ground_truth: current.final_answer } });
  fill($('#score-result'), h('p', { class: `alert ${result.correct ? 'ok' : 'error'}`, role: 'status' },
    h('strong', {}, result.correct ? '✓ Right' : '✗ Wrong'),
    ` — scored as a ${result.kind}: “${result.normalized_answer ?? ''}” against “${result.normalized_truth ?? ''}”.`));
}

export function initTask(afterSave) {
  onSaved = afterSave;
  const editor = session.hasRole('annotator', 'admin');
  $('#steps-edit').hidden = !editor;
  $('#steps-text').readOnly = !editor;
  if (!editor) $('#steps-hint').textContent = 'Annotators and admins edit the steps; you see them and their history.';
  $('#steps-form').addEventListener('submit', e => {
    e.preventDefault();
    busy(e.currentTarget.querySelector('button[type=submit]'), save, $('#steps-error'));
  });
  $('#score-form').addEventListener('submit', e => {
    e.preventDefault();
    busy(e.currentTarget.querySelector('button[type=submit]'), score, $('#score-error'));
  });
  $('#task-close').addEventListener('click', () => {
    $('#task-detail').hidden = true;
    const back = document.querySelector(`#task-rows tr[data-task-id="${CSS.escape(current?.task_id || '')}"] button`);
    if (back) back.focus();
  });
}
