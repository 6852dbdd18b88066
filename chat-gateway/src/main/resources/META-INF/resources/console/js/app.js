// The console's one shared module: the session (the API key in sessionStorage), calls to the public API with it,
// problem details as readable errors, safe element building (text is always text, never HTML), progress and charts.
// Page modules import from here and start with page(async who => { ... }).

const KEY = 'ads.key';
const WHO = 'ads.who';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  who: () => JSON.parse(sessionStorage.getItem(WHO) || 'null'),
  /** Checks the key with GET /api/v1/me and keeps it for this browser session; throws ApiError when refused. */
  async signIn(key) {
    const who = await api('/api/v1/me', { key });
    sessionStorage.setItem(KEY, key);
    sessionStorage.setItem(WHO, JSON.stringify(who));
    return who;
  },
  signOut() {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(WHO);
    location.assign('/');
  },
  hasRole: (...roles) => roles.includes(session.who()?.role),
};

/** An error answer of the API: status, and the RFC 9457 problem (type, title, detail, errors...) when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problemText(status, problem));
    this.status = status;
    this.problem = problem || {};
  }
}

function problemText(status, problem) {
  if (problem && problem.detail) return problem.detail;
  if (problem && problem.title) return problem.title;
  if (status === 0) return 'The suite could not be reached. Check that it is running and try again.';
  return `The request failed (HTTP ${status}).`;
}

function headers(opts) {
  const h = new Headers(opts.headers || {});
  const key = opts.key || session.key();
  if (key) h.set('X-Api-Key', key);
  return h;
}

async function send(path, opts = {}) {
  const h = headers(opts);
  let body = opts.body;
  if (opts.json !== undefined) {
    h.set('Content-Type', 'application/json');
    body = JSON.stringify(opts.json);
  }
  if (opts.accept) h.set('Accept', opts.accept);
  let response;
  try {
    response = await fetch(path, { method: opts.method || (body ? 'POST' : 'GET'), headers: h, body,
      signal: opts.signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null);
  }
  if (response.status === 401 && !opts.key) {
    // The key was revoked or the session is gone: back to the sign-in page, then back here.
    sessionStorage.removeItem(KEY);
    location.assign('/?next=' + encodeURIComponent(location.pathname + location.search));
    throw new ApiError(401, { detail: 'Your key is no longer valid. Sign in again.' });
  }
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch (ignored) { /* not JSON */ }
    throw new ApiError(response.status, problem);
  }
  return response;
}

/**
 * Calls the public API with the session's key. opts: method, json (a body sent as JSON), body (FormData, Blob...),
 * headers, accept, signal. Resolves to the parsed JSON (null for 204 or an empty body, text for a text answer);
 * rejects with ApiError carrying the problem's detail.
 */
export async function api(path, opts = {}) {
  const response = await send(path, opts);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) return response.json();
  const text = await response.text();
  return text === '' ? null : text;
}

/** The same call answering the raw Response (headers such as Location, or a body read another way). */
export function apiResponse(path, opts = {}) {
  return send(path, opts);
}

/** Fetches a picture (e.g. a PNG chart, ?format=png) with the key and shows it in img; resolves when loaded. */
export async function showImage(img, path, opts = {}) {
  const response = await send(path, { accept: 'image/png', ...opts });
  const blob = await response.blob();
  if (img.dataset.objectUrl) URL.revokeObjectURL(img.dataset.objectUrl);
  const url = URL.createObjectURL(blob);
  img.dataset.objectUrl = url;
  await new Promise((resolve, reject) => {
    img.onload = resolve;
    img.onerror = () => reject(new ApiError(200, { detail: 'The picture could not be shown.' }));
    img.src = url;
  });
  return img;
}

/** Downloads an answer as a file named name (Content-Disposition's name when the server gives one). */
export async function download(path, name, opts = {}) {
  const response = await send(path, opts);
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="?([^";]+)"?/.exec(disposition);
  const a = h('a', { href: URL.createObjectURL(await response.blob()), download: match ? match[1] : name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/**
 * Sends a multipart form with upload progress (fetch cannot report it): onProgress(fraction) while the body goes
 * out. Resolves to {status, body (parsed JSON or null), headers: name => value}; rejects with ApiError.
 */
export function upload(path, formData, onProgress, method = 'POST') {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.setRequestHeader('X-Api-Key', session.key() || '');
    xhr.upload.onprogress = e => { if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.onload = () => {
      let body = null;
      try { body = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (ignored) { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ status: xhr.status, body, headers: name => xhr.getResponseHeader(name) });
      } else {
        reject(new ApiError(xhr.status, body));
      }
    };
    xhr.send(formData);
  });
}

/**
 * Reads a text/event-stream answer of a POST (e.g. /api/chat with "stream": true) and calls onEvent(name, data)
 * per event, data parsed as JSON when it is JSON. Resolves when the stream ends.
 */
export async function streamEvents(path, json, onEvent, opts = {}) {
  const response = await send(path, { method: 'POST', json, accept: 'text/event-stream', ...opts });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      let event = 'message';
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      const text = data.join('\n');
      let parsed = text;
      try { parsed = JSON.parse(text); } catch (ignored) { /* plain text */ }
      onEvent(event, parsed);
    }
  }
}

/**
 * Polls a job (GET path) every intervalMs until done(job) is true, calling onUpdate(job) each time; resolves to the
 * last job. done defaults to a status that is no longer queued/running.
 */
export async function poll(path, onUpdate, { intervalMs = 1000, done = job => !['queued', 'running', 'pending',
  'indexing', 'started'].includes(job.status), timeoutMs = 30 * 60 * 1000 } = {}) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await api(path);
    if (onUpdate) onUpdate(job);
    if (done(job) || Date.now() > until) return job;
    await new Promise(r => setTimeout(r, intervalMs));
  }
}

/**
 * Builds an element: h('a', {href: '/x', class: 'c', onclick: fn, dataset: {id: 1}}, 'text', child...). Strings and
 * numbers become text nodes, so nothing a user or a model wrote can ever become markup. null/false children are
 * skipped, arrays are flattened.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the element's content with the children (same rules as h). */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/**
 * Shows an error (an ApiError's problem detail, with the per-row errors when the problem lists them) in target, an
 * element with class "alert error"; showError(target, null) hides it.
 */
export function showError(target, error) {
  if (!target) target = $('#page-error');
  if (!error) { target.hidden = true; target.replaceChildren(); return; }
  const problem = error.problem || {};
  const rows = Array.isArray(problem.errors) ? problem.errors : [];
  fill(target, h('strong', {}, problem.title && problem.detail ? problem.title + ': ' : ''),
    error.message || String(error),
    rows.length ? h('ul', { class: 'errors' }, rows.slice(0, 50).map(e => h('li', {}, describeRowError(e)))) : null);
  target.hidden = false;
  if (!(error instanceof ApiError)) console.error(error);
}

function describeRowError(e) {
  if (typeof e === 'string') return e;
  const where = [e.row !== undefined ? `row ${e.row}` : null, e.line !== undefined ? `line ${e.line}` : null,
    e.column || e.field || e.pointer || null].filter(Boolean).join(', ');
  return (where ? where + ': ' : '') + (e.message || e.detail || JSON.stringify(e));
}

/** Runs action while button shows it is busy (disabled, aria-busy); errors go to errorTarget. */
export async function busy(button, action, errorTarget) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  showError(errorTarget, null);
  try {
    return await action();
  } catch (e) {
    showError(errorTarget, e);
    return undefined;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/**
 * Makes zone a drop target for files: highlighted (class "over") while files are dragged over it, onFiles(FileList)
 * when they are dropped. A file dropped beside it does not make the browser leave the page to open the file.
 */
export function dropZone(zone, onFiles) {
  for (const type of ['dragenter', 'dragover']) {
    zone.addEventListener(type, e => { e.preventDefault(); zone.classList.add('over'); });
  }
  for (const type of ['dragleave', 'dragend']) zone.addEventListener(type, () => zone.classList.remove('over'));
  zone.addEventListener('drop', e => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer?.files?.length) onFiles(e.dataTransfer.files);
  });
  if (!window.dropGuard) {
    window.dropGuard = true;
    window.addEventListener('dragover', e => e.preventDefault());
    window.addEventListener('drop', e => e.preventDefault());
  }
}

/** A progress bar: progressBar() makes one, setProgress(bar, fraction 0..1 or null for indeterminate, label). */
export function progressBar(label = '') {
  return h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100,
    'aria-label': label || 'Progress' }, h('div', { class: 'progress-fill' }), h('span', { class: 'progress-label' }));
}

export function setProgress(bar, fraction, label) {
  const fillEl = bar.querySelector('.progress-fill');
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) {
    bar.classList.add('indeterminate');
    bar.removeAttribute('aria-valuenow');
  } else {
    const pct = Math.max(0, Math.min(100, Math.round(fraction * 100)));
    bar.classList.remove('indeterminate');
    fillEl.style.width = pct + '%';
    bar.setAttribute('aria-valuenow', pct);
  }
  bar.querySelector('.progress-label').textContent = label || (fraction != null ? Math.round(fraction * 100) + '%' : '');
}

const charts = new WeakMap();

/** Draws a Chart.js chart on canvas (replacing the one drawn there before); returns the Chart. */
export function chart(canvas, config) {
  charts.get(canvas)?.destroy();
  const c = new window.Chart(canvas, {
    ...config,
    options: { responsive: true, maintainAspectRatio: false, animation: false, ...(config.options || {}) },
  });
  charts.set(canvas, c);
  return c;
}

/** A stable colour per category name or index, for charts. */
export function colour(i) {
  const palette = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d',
    '#9333ea', '#ea580c', '#0d9488', '#4f46e5', '#be123c', '#15803d', '#a16207', '#1d4ed8', '#b91c1c', '#047857',
    '#6d28d9', '#c2410c'];
  if (typeof i === 'string') i = [...i].reduce((a, ch) => (a * 31 + ch.charCodeAt(0)) >>> 0, 7);
  return palette[i % palette.length];
}

export function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString();
}

export function formatBytes(n) {
  if (n === null || n === undefined) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return (i ? n.toFixed(1) : n) + ' ' + units[i];
}

/**
 * A page's start: sends a visitor without a key to sign in, then runs init(who) ({user_id, role}); an error thrown
 * by init shows in the page's error box.
 */
export function page(init) {
  const who = session.who();
  if (!session.key() || !who) {
    location.assign('/?next=' + encodeURIComponent(location.pathname + location.search));
    return;
  }
  const run = async () => {
    try {
      await init(who);
    } catch (e) {
      showError($('#page-error'), e);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
}
