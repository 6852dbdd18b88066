// Import a snapshot zip: the upload with its progress, the import's progress (files stored of all), then the match
// report: rows created or unchanged, files stored, which rows name a file the zip lacks and which files no row names.
import { api, h, fill, dropZone, $, busy, showError, upload, poll, progressBar, setProgress, formatDate } from '/console/js/app.js';
import { enc, statusBadge, shortId } from '/console/js/tasks/common.js';

let afterImport = () => {};

function number(label, value, kind) {
  return h('div', { class: `figure ${kind || ''}` }, h('span', { class: 'figure-value' }, String(value ?? 0)),
    h('span', { class: 'figure-label' }, label));
}

function listSection(title, count, kind, body, open) {
  return h('details', { class: `report-part ${kind}`, open: open && count > 0 },
    h('summary', {}, h('span', { class: `badge ${kind}` }, String(count)), ' ', title),
    count === 0 ? h('p', { class: 'empty' }, 'None.') : body);
}

function table(headers, rows) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, headers.map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map(r => h('tr', {}, r.map(c => h('td', {}, c)))))));
}

/** The whole report of an import (running, completed or failed). */
export function report(job) {
  const match = job.match || { matched: [], counts: {} };
  const rows = job.rows || {};
  const files = job.files || { rejected: [] };
  const matched = match.matched || [];
  const parts = [
    h('p', { class: 'report-head' }, statusBadge(job.status), ' ',
      `Imported ${formatDate(job.created_at)} from ${(job.metadata_files || []).join(', ') || 'the zip'}.`),
    job.error ? h('p', { class: 'alert error' }, job.error) : null,
    h('div', { class: 'figures', id: 'report-figures' },
      number('rows read', rows.received), number('tasks created', rows.created, 'ok'),
      number('updated', rows.updated), number('unchanged', rows.unchanged),
      number('files stored', files.uploaded, 'ok'), number('already stored', files.already_stored),
      number('tasks matched to a file', new Set(matched.map(m => m.task_id)).size, 'ok')),
    listSection('links between tasks and stored files', matched.length, 'ok',
      table(['Task', 'File', 'Matched by'], matched.map(m => [h('span', { class: 'mono', title: m.task_id },
        shortId(m.task_id)), m.original_name, m.matched_by])), false),
    h('div', { id: 'rows-without-files' }, listSection('rows without files — the row names a file the zip lacks',
      job.rows_without_files.length, 'warn', table(['Task', 'File it names'],
        job.rows_without_files.map(r => [h('span', { class: 'mono' }, r.task_id), r.file_name])), true)),
    h('div', { id: 'files-without-rows' }, listSection('files without rows — no row names them',
      job.files_without_rows.length, 'warn', h('ul', {}, job.files_without_rows.map(f => h('li', { class: 'mono' }, f))),
      true)),
    files.rejected.length ? listSection('files refused', files.rejected.length, 'bad',
      table(['File', 'Why'], files.rejected.map(r => [r.name, r.detail || String(r.status)])), true) : null,
    job.errors && job.errors.length ? listSection('rows refused', job.errors.length, 'bad',
      table(['Where', 'Problem'], job.errors.map(e => [[e.metadata_file, e.row !== undefined ? `row ${e.row}` : null,
        e.field].filter(Boolean).join(', '), e.message || e.detail || JSON.stringify(e)])), true) : null,
  ];
  const card = $('#import-report');
  card.hidden = false;
  fill($('#report-body'), parts);
}

async function watch(id, bar) {
  const job = await poll(`/api/v1/tasks/imports/${enc(id)}`, j => {
    const total = j.files_total || 0;
    setProgress(bar, total ? j.files_done / total : null,
      total ? `Storing files: ${j.files_done} of ${total}` : 'Reading the tasks…');
  }, { intervalMs: 700, done: j => j.status !== 'running' });
  setProgress(bar, 1, job.status === 'completed' ? 'Import finished' : 'Import failed');
  report(job);
  await loadImports();
  afterImport();
  return job;
}

async function send(file) {
  if (!file) throw new Error('Choose the snapshot zip first.');
  const bar = progressBar('Import progress');
  fill($('#import-progress'), bar);
  setProgress(bar, 0, `Sending ${file.name}…`);
  // The gateway reads a zip only as application/zip; a browser may label it otherwise (or not at all).
  const sent = await upload('/api/v1/tasks/import', new Blob([file], { type: 'application/zip' }),
    f => setProgress(bar, f, `Sending ${file.name}: ${Math.round(f * 100)}%`));
  await watch(sent.body.id, bar);
}

export async function loadImports() {
  const result = await api('/api/v1/tasks/imports?size=10');
  const list = $('#import-list');
  if (result.items.length === 0) {
    fill(list, h('p', { class: 'empty' }, 'No imports yet — choose a snapshot zip above.'));
    return;
  }
  fill(list, h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, ['When', 'Status', 'Rows', 'Files stored', 'Matched', ''].map(t =>
      h('th', { scope: 'col' }, t)))),
    h('tbody', {}, result.items.map(job => h('tr', {},
      h('td', {}, formatDate(job.created_at)), h('td', {}, statusBadge(job.status)),
      h('td', { class: 'num' }, String(job.rows?.received ?? 0)),
      h('td', { class: 'num' }, String((job.files?.uploaded ?? 0) + (job.files?.already_stored ?? 0))),
      h('td', { class: 'num' }, String(job.match?.matched?.length ?? 0)),
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => {
        report(job);
        $('#import-report').scrollIntoView({ block: 'start' });
      } }, 'Show report'))))))));
  // A running import (a reload during one) is watched again.
  const running = result.items.find(j => j.status === 'running');
  if (running && !$('#import-progress').firstChild) {
    const bar = progressBar('Import progress');
    fill($('#import-progress'), bar);
    watch(running.id, bar).catch(e => showError($('#import-error'), e));
  }
}

export function initImport(done) {
  afterImport = done;
  const form = $('#import-form');
  const input = $('#import-file');
  const drop = $('#import-drop');
  form.addEventListener('submit', e => {
    e.preventDefault();
    busy(form.querySelector('button[type=submit]'), () => send(input.files[0]), $('#import-error'));
  });
  dropZone(drop, files => {
    input.files = files;
    form.requestSubmit();
  });
}
