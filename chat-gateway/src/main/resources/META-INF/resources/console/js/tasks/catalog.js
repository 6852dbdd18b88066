// The task catalogue: counts, the charts of the tasks (level, file type, steps, tools) and the paged, filtered list.
import { api, h, fill, $, busy, showError } from '/console/js/app.js';
import { bars, setPager, shortId } from '/console/js/tasks/common.js';

const SIZE = 20;
let pageNo = 0;
let onOpen = () => {};

async function count(query) {
  return (await api(`/api/v1/tasks?size=1&${query}`)).total;
}

/** The stat cards and the four charts; every number comes from the API's counts, nothing is sampled. */
export async function loadOverview() {
  const [fileTypes, annotations, l1, l2, l3, withFile, matched] = await Promise.all([
    api('/api/v1/tasks/charts/file-types'), api('/api/v1/tasks/charts/annotations'),
    count('level=1'), count('level=2'), count('level=3'), count('has_file=true'), count('matched=true')]);
  const total = fileTypes.total_tasks;
  const stat = (label, value, hint) => h('div', { class: 'card stat-card' },
    h('div', { class: 'stat' }, String(value)), h('div', {}, label), hint ? h('div', { class: 'hint' }, hint) : null);
  fill($('#task-stats'),
    stat('tasks', total, `${l1} level 1 · ${l2} level 2 · ${l3} level 3`),
    stat('name an attached file', withFile, `${total - withFile} without a file`),
    stat('linked to a stored file', matched, withFile > matched ? `${withFile - matched} file(s) not found` : 'every file found'),
    stat('tools named', annotations.distinct_tools ?? 0, 'in the annotators’ metadata'));
  $('#charts-empty').hidden = total > 0;
  $('#task-charts').hidden = total === 0;
  if (total === 0) return;
  bars($('#chart-levels'), ['Level 1', 'Level 2', 'Level 3'], [{ label: 'Tasks', data: [l1, l2, l3] }]);
  bars($('#chart-file-types'), fileTypes.file_types.map(t => t.key === 'none' ? 'no file' : t.key),
    [{ label: 'Tasks', data: fileTypes.file_types.map(t => t.count), colour: '#0891b2' }]);
  bars($('#chart-steps'), annotations.number_of_steps.map(s => s.key),
    [{ label: 'Tasks', data: annotations.number_of_steps.map(s => s.count), colour: '#7c3aed' }]);
  const tools = annotations.tools.slice(0, 8);
  bars($('#chart-tools'), tools.map(t => t.key), [{ label: 'Tasks', data: tools.map(t => t.count), colour: '#16a34a' }],
    { horizontal: true });
}

function filterQuery() {
  const form = $('#task-filter');
  return ['level', 'has_file', 'matched'].filter(name => form[name].value)
    .map(name => `${name}=${encodeURIComponent(form[name].value)}`).join('&');
}

function row(task) {
  const edited = task.steps_version > 1;
  return h('tr', { dataset: { taskId: task.task_id } },
    h('td', { class: 'mono nowrap', title: task.task_id }, shortId(task.task_id)),
    h('td', { class: 'num' }, String(task.level)),
    h('td', { class: 'question-cell' }, task.question),
    h('td', { class: 'file-cell' }, task.file_name || h('span', { class: 'muted' }, 'none')),
    h('td', { class: 'num nowrap' }, String(task.number_of_steps ?? '—'),
      edited ? h('span', { class: 'badge warn', title: 'The steps were edited' }, ` v${task.steps_version}`) : null),
    h('td', {}, h('button', { type: 'button', 'aria-label': `Open task ${task.task_id}`,
      onclick: () => onOpen(task.task_id) }, 'Open')));
}

/** Loads one page of the list with the current filters. */
export async function loadTasks(page = pageNo) {
  pageNo = page;
  const q = filterQuery();
  const result = await api(`/api/v1/tasks?page=${pageNo}&size=${SIZE}${q ? '&' + q : ''}`);
  const body = $('#task-rows');
  if (result.items.length === 0) {
    fill(body, h('tr', {}, h('td', { colspan: 6, class: 'empty' }, q
      ? 'No task matches these filters.' : 'No tasks yet — an annotator imports a snapshot under “Import a snapshot”.')));
  } else {
    fill(body, result.items.map(row));
  }
  setPager($('#task-prev'), $('#task-next'), $('#task-range'), result, 'tasks');
}

export function initCatalog(open) {
  onOpen = open;
  $('#task-filter').addEventListener('change', () => loadTasks(0).catch(e => showError(null, e)));
  $('#task-filter').addEventListener('submit', e => e.preventDefault());
  $('#task-prev').addEventListener('click', e => busy(e.currentTarget, () => loadTasks(pageNo - 1)));
  $('#task-next').addEventListener('click', e => busy(e.currentTarget, () => loadTasks(pageNo + 1)));
}
