// Q&A search: what the five steps share (my datasets, the models, the chosen dataset and model) and small helpers.
import { api, h } from '/console/js/app.js';

const listeners = new Map();

export const state = {
  datasets: [],
  models: [],
  datasetId: null,
  modelId: null,
  dataset: () => state.datasets.find(d => d.id === state.datasetId) || null,
  model: () => state.models.find(m => m.model_id === state.modelId) || null,
};

/** Calls fn on every emit(event): 'datasets', 'models', 'dataset' (the chosen one changed), 'model', 'tab'. */
export function on(event, fn) {
  if (!listeners.has(event)) listeners.set(event, []);
  listeners.get(event).push(fn);
}

export function emit(event, detail) {
  for (const fn of listeners.get(event) || []) fn(detail);
}

export async function loadDatasets() {
  const page = await api('/api/v1/datasets?page=0&size=200');
  state.datasets = page.datasets || [];
  if (state.datasetId && !state.dataset()) state.datasetId = null;
  if (!state.datasetId && state.datasets.length) state.datasetId = state.datasets[0].id;
  emit('datasets');
  emit('dataset');
}

export async function loadModels() {
  const models = await api('/api/v1/models/list_model');
  state.models = (models || []).slice().sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
  if (state.modelId && !state.model()) state.modelId = null;
  if (!state.modelId && state.models.length) {
    // The newest model of the chosen dataset, else the newest model.
    state.modelId = (state.models.find(m => m.dataset_id === state.datasetId) || state.models[0]).model_id;
  }
  emit('models');
}

export function chooseDataset(id) {
  state.datasetId = id;
  emit('dataset');
}

export function chooseModel(id) {
  state.modelId = id;
  emit('model');
}

/** The name of a dataset when it is one of mine, else a short form of its id. */
export function datasetName(id) {
  const d = state.datasets.find(x => x.id === id);
  return d ? d.name : `dataset ${String(id).slice(0, 8)}`;
}

/** Fills a select with the models (the chosen one selected); an empty state when there is none. */
export function modelOptions(select) {
  const current = state.modelId;
  select.replaceChildren(...(state.models.length
    ? state.models.map(m => h('option', { value: m.model_id, selected: m.model_id === current },
      `${m.model_id} · ${m.model_type} · ${datasetName(m.dataset_id)}${m.loaded ? ' · loaded' : ''}`))
    : [h('option', { value: '' }, 'No model yet — fit one in step 3')]));
}

/**
 * Up to max rows of a dataset (question, answer, context), read in pages of 500; null when the caller may not read
 * them (a model fitted on a teammate's dataset).
 */
const rowCache = new Map();
export async function datasetRows(id, max = 1000) {
  const key = `${id}:${max}`;
  if (rowCache.has(key)) return rowCache.get(key);
  const rows = [];
  try {
    for (let p = 0; rows.length < max; p++) {
      const page = await api(`/api/v1/datasets/${encodeURIComponent(id)}/rows?page=${p}&size=500`);
      rows.push(...page.rows);
      if (page.rows.length < 500 || rows.length >= page.total) break;
    }
  } catch (e) {
    if (e.status === 404 || e.status === 403) return null;
    throw e;
  }
  rowCache.set(key, rows.slice(0, max));
  return rowCache.get(key);
}

export const fmt = {
  int: n => (n === null || n === undefined ? '–' : Number(n).toLocaleString()),
  num: (n, digits = 2) => (n === null || n === undefined ? '–' : Number(n).toLocaleString(undefined,
    { maximumFractionDigits: digits, minimumFractionDigits: digits })),
  pct: n => (n === null || n === undefined ? '–' : (n * 100).toFixed(1) + '%'),
  ms: n => (n === null || n === undefined ? '–' : (n < 1 ? n.toFixed(3) : n < 100 ? n.toFixed(1) : Math.round(n)) + ' ms'),
};

/** A labelled big number. */
export function stat(label, value, note) {
  return h('div', { class: 'card qa-stat' }, h('div', { class: 'hint' }, label), h('div', { class: 'stat' }, value),
    note ? h('div', { class: 'hint' }, note) : null);
}
