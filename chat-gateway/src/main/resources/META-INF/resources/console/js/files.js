// My files: the caller's documents (what chat answers from). Upload by drop or file picker with a progress bar, a
// paged list that follows indexing, a preview of the extracted text, delete with confirmation.
import { page, api, apiResponse, upload, dropZone, h, fill, $, busy, showError, progressBar, setProgress, formatDate,
  formatBytes } from '/console/js/app.js';

const SIZE = 20;
/** A preview shows at most this much text: enough to check the extraction, never a frozen tab. */
const PREVIEW_CHARS = 200000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let pageNo = 0;
let refreshTimer = null;
let previewing = null;
let me = null; // the caller: an admin's list would otherwise hold everyone's files

/** The data_type ingest gets: the one chosen, else the seed's word for the file's kind (tables split by rows). */
function kindOf(file, chosen) {
  if (chosen) return chosen;
  const name = file.name.toLowerCase();
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  const type = (file.type || '').toLowerCase();
  if (ext === 'csv' || type === 'text/csv') return 'csv';
  if (ext === 'tsv' || type === 'text/tab-separated-values') return 'tsv';
  if (['xlsx', 'xls', 'ods'].includes(ext)) return 'excel';
  if (type.startsWith('image/') || ['png', 'jpg', 'jpeg', 'tif', 'tiff'].includes(ext)) return 'image';
  if (type.startsWith('audio/') || ['wav', 'mp3'].includes(ext)) return 'audio';
  if (type.startsWith('text/') || ['txt', 'md', 'markdown', 'log', 'json', 'xml', 'html', 'htm'].includes(ext)) {
    return 'text';
  }
  return 'document';
}

function statusBadge(doc) {
  if (doc.status === 'ready') return h('span', { class: 'badge ok' }, 'ready');
  if (doc.status === 'failed') return h('span', { class: 'badge bad' }, 'failed');
  return h('span', { class: 'badge warn' }, doc.status || 'unknown');
}

function statusCell(doc) {
  const cell = h('td', { class: 'files-status' }, statusBadge(doc));
  if (doc.status === 'indexing') {
    const bar = progressBar(`Indexing ${doc.name}`);
    setProgress(bar, doc.progress ?? null, doc.chunks ? `${doc.chunks_indexed ?? 0} of ${doc.chunks} chunks` : '');
    cell.append(bar);
  }
  if (doc.status === 'failed' && doc.error) cell.append(h('p', { class: 'hint' }, doc.error));
  return cell;
}

function row(doc) {
  const preview = h('button', { type: 'button', class: 'link', 'aria-label': `Preview the text of ${doc.name}`,
    onclick: () => openPreview(doc.file_id, doc.name) }, 'Preview');
  const del = h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${doc.name}`,
    onclick: e => busy(e.currentTarget, async () => {
      if (!confirm(`Delete "${doc.name}"? Chat stops citing it at once; this cannot be undone.`)) return;
      await api(`/api/v1/documents/${encodeURIComponent(doc.id)}`, { method: 'DELETE' });
      if (previewing === doc.file_id) closePreview();
      await load();
    }, $('#list-error')) }, 'Delete');
  return h('tr', { dataset: { id: doc.id, fileId: doc.file_id } },
    h('td', { class: 'files-name' }, h('span', { class: 'files-name-text' }, doc.name)),
    h('td', {}, doc.data_type || ''),
    statusCell(doc),
    h('td', { class: 'num' }, doc.chunks ?? ''),
    h('td', { class: 'nowrap' }, formatDate(doc.created_at)),
    h('td', { class: 'files-actions' }, preview, del));
}

async function load() {
  clearTimeout(refreshTimer);
  showError($('#list-error'), null);
  const result = await api(`/api/v1/documents?user_id=${encodeURIComponent(me)}&page=${pageNo}&size=${SIZE}`);
  if (result.items.length === 0 && pageNo > 0) { pageNo--; return load(); }
  const list = $('#list');
  if (result.total === 0) {
    fill(list, h('p', { class: 'empty' }, 'No files yet — upload one above.'));
  } else {
    fill(list, h('div', { class: 'table-wrap' }, h('table', { class: 'files-table' },
      h('caption', { class: 'hint' }, `${result.total} file${result.total === 1 ? '' : 's'}, newest first`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'),
        h('th', { scope: 'col' }, 'Kind'), h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col', class: 'num' }, 'Chunks'),
        h('th', { scope: 'col' }, 'Uploaded'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h('tbody', {}, result.items.map(row)))));
  }
  const pages = Math.max(1, Math.ceil(result.total / SIZE));
  $('#pager').hidden = pages <= 1;
  $('#prev').disabled = pageNo === 0;
  $('#next').disabled = pageNo >= pages - 1;
  $('#page-info').textContent = `Page ${pageNo + 1} of ${pages}`;
  // Documents still being indexed: follow them until they are ready or failed.
  if (result.items.some(d => d.status === 'indexing')) {
    refreshTimer = setTimeout(() => load().catch(e => showError($('#list-error'), e)), 2000);
  }
}

async function uploadOne(file) {
  const dataType = kindOf(file, $('#data-type').value);
  const bar = progressBar(`Uploading ${file.name}`);
  const state = h('span', { class: 'badge' }, 'uploading');
  const error = h('div', { class: 'alert error', role: 'alert', hidden: true });
  const note = h('p', { class: 'hint', hidden: true });
  const item = h('li', { class: 'files-upload' },
    h('div', { class: 'row' }, h('strong', { class: 'grow files-name-text' }, file.name),
      h('span', { class: 'muted' }, `${formatBytes(file.size)} · ${dataType}`), state),
    bar, note, error);
  $('#uploads').prepend(item);
  setProgress(bar, 0, 'Sending… 0%');
  const form = new FormData();
  form.append('metadata', JSON.stringify({ data_type: dataType }));
  form.append('file', file, file.name);
  try {
    const answer = await upload('/api/upload', form, f => setProgress(bar, f * 0.5,
      f < 1 ? `Sending… ${Math.round(f * 100)}%` : 'Extracting and indexing…'));
    let doc = answer.body || {};
    if (doc.status === 'indexing' && doc.document_id) {
      state.textContent = 'indexing';
      doc = await pollDocument(doc.document_id, bar);
    }
    finish(item, bar, state, doc, answer.status);
    if (doc.note) { note.textContent = doc.note; note.hidden = false; }
  } catch (e) {
    bar.remove();
    state.textContent = 'failed';
    state.className = 'badge bad';
    showError(error, e);
  }
  await load();
}

async function pollDocument(id, bar) {
  for (;;) {
    const doc = await api(`/api/v1/documents/${encodeURIComponent(id)}`);
    setProgress(bar, 0.5 + 0.5 * (doc.progress || 0),
      `Indexing… ${doc.chunks_indexed ?? 0} of ${doc.chunks ?? '?'} chunks`);
    if (doc.status !== 'indexing') return { ...doc, document_id: doc.id };
    await new Promise(r => setTimeout(r, 1000));
  }
}

function finish(item, bar, state, doc, status) {
  if (doc.status === 'failed') {
    bar.remove();
    state.textContent = 'failed';
    state.className = 'badge bad';
    item.append(h('p', { class: 'hint' }, doc.error || 'Indexing failed. Upload the file again to retry.'));
    return;
  }
  setProgress(bar, 1, status === 200 ? 'Already uploaded: nothing to do' : `Ready: ${doc.chunks ?? 0} chunks`);
  state.textContent = 'ready';
  state.className = 'badge ok';
}

async function uploadAll(files) {
  for (const file of files) await uploadOne(file);
}

/** Reads at most PREVIEW_CHARS of the text as it arrives, so a huge extraction is cut instead of held whole. */
async function readText(path) {
  const response = await apiResponse(path, { accept: 'text/plain' });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return { text, cut: false };
    text += value;
    if (text.length > PREVIEW_CHARS) {
      reader.cancel();
      return { text: text.slice(0, PREVIEW_CHARS), cut: true };
    }
  }
}

async function openPreview(fileId, name) {
  const section = $('#preview');
  previewing = fileId;
  section.hidden = false;
  showError($('#preview-error'), null);
  $('#preview-title').textContent = name ? `Preview: ${name}` : 'Preview';
  $('#preview-facts').textContent = 'Loading the extracted text…';
  fill($('#preview-text'));
  section.focus();
  section.scrollIntoView({ block: 'start' });
  try {
    const id = encodeURIComponent(fileId);
    const [record, { text, cut }] = await Promise.all([api(`/api/v1/files/${id}`), readText(`/api/v1/files/${id}/text`)]);
    if (previewing !== fileId) return;
    $('#preview-title').textContent = `Preview: ${record.original_name || name || fileId}`;
    $('#preview-facts').textContent = [record.media_type, formatBytes(record.size_bytes),
      `${(record.text_length ?? text.length).toLocaleString()} characters of text`,
      record.text_truncated ? 'text cut at extraction' : null,
      cut ? `showing the first ${PREVIEW_CHARS.toLocaleString()}` : null].filter(Boolean).join(' · ');
    if (text.trim() === '') fill($('#preview-text'), h('span', { class: 'empty' }, 'This file has no text.'));
    else fill($('#preview-text'), text);
  } catch (e) {
    $('#preview-facts').textContent = '';
    showError($('#preview-error'), e);
  }
}

function closePreview() {
  previewing = null;
  $('#preview').hidden = true;
  fill($('#preview-text'));
}

function setUpDrop() {
  const drop = $('#drop');
  const input = $('#file-input');
  $('#choose').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const files = [...input.files];
    input.value = '';
    uploadAll(files);
  });
  dropZone(drop, files => uploadAll([...files]));
}

page(async who => {
  me = who.user_id;
  setUpDrop();
  $('#refresh').addEventListener('click', e => busy(e.currentTarget, load, $('#list-error')));
  $('#prev').addEventListener('click', e => { pageNo = Math.max(0, pageNo - 1); busy(e.currentTarget, load, $('#list-error')); });
  $('#next').addEventListener('click', e => { pageNo++; busy(e.currentTarget, load, $('#list-error')); });
  $('#preview-close').addEventListener('click', closePreview);
  const wanted = new URLSearchParams(location.search).get('preview');
  await load();
  if (wanted && UUID.test(wanted)) await openPreview(wanted, null);
});
