// Q&A search, step 3: fit a model and manage the saved ones (load, unload with the memory they hold, remove).
// The fit form is built from what the API itself says: the model types and each type's parameters come from
// fit_save's own 400 answers (an unknown type or parameter lists the allowed ones; a wrong value gives its kind
// and its range or choices), asked before anything is fitted, so a new parameter appears here without a change.
import { api, h, fill, $, busy, showError, progressBar, setProgress, formatDate, formatBytes, session }
  from '/console/js/app.js';
import { state, on, emit, loadModels, chooseModel, datasetName, fmt } from '/console/js/qa/state.js';
import { modelTypes, describeType, readParams } from '/console/js/qa/params.js';

let types = null; // the model types, once read
let params = []; // the parameters of the type shown

export function initModels() {
  on('datasets', datasetOptions);
  on('dataset', datasetOptions);
  on('models', renderModels);
  on('model', renderModels);
  on('tab', step => { if (step === 'model' && !types) loadTypes(); });
  $('#fit-type').addEventListener('change', () => renderParams($('#fit-type').value));
  $('#fit-dataset').addEventListener('change', e => { state.datasetId = e.currentTarget.value; emit('dataset'); });
  $('#models-refresh').addEventListener('click', e => busy(e.currentTarget, loadModels, $('#models-error')));
  $('#fit-form').addEventListener('submit', fit);
}

function datasetOptions() {
  const select = $('#fit-dataset');
  select.replaceChildren(...(state.datasets.length
    ? state.datasets.map(d => h('option', { value: d.id, selected: d.id === state.datasetId },
      `${d.name} (${fmt.int(d.distinct_contexts)} contexts)`))
    : [h('option', { value: '' }, 'No dataset yet — upload one in step 1')]));
}

async function loadTypes() {
  types = [];
  try {
    types = await modelTypes();
  } catch (e) {
    types = null;
    showError($('#fit-error'), e);
    return;
  }
  const preferred = types.includes('bm25') ? 'bm25' : types[0];
  $('#fit-type').replaceChildren(...types.map(t => h('option', { value: t, selected: t === preferred },
    TYPE_NAMES[t] || t)));
  await renderParams(preferred);
}

const TYPE_NAMES = { tfidf: 'TF-IDF (tfidf)', bm25: 'BM25 (bm25)', embedding: 'Embedding (embedding)',
  hybrid: 'Hybrid: BM25 + embedding (hybrid)' };
const TYPE_HELP = {
  tfidf: 'Word weights as scikit-learn\'s TfidfVectorizer. Fits in a second or two.',
  bm25: 'The classic search-engine ranking. Fits in a second; usually the best of the word-based models.',
  embedding: 'Meaning vectors from a small language model (e5). Finds paraphrases; takes minutes on a large dataset.',
  hybrid: 'BM25 and embeddings together: the most accurate, and the slowest to fit.',
};

async function renderParams(type) {
  fill($('#fit-type-help'), TYPE_HELP[type] || '');
  const box = $('#fit-params');
  params = [];
  fill(box, h('legend', {}, `Parameters of ${type}`), h('p', { class: 'empty' }, 'Reading the parameters…'));
  try {
    const described = await describeType(type);
    if ($('#fit-type').value !== type) return; // another type was chosen meanwhile
    params = described;
  } catch (e) {
    showError($('#fit-error'), e);
    fill(box, h('legend', {}, 'Parameters'), h('p', { class: 'empty' }, 'The parameters could not be read.'));
    return;
  }
  fill(box, h('legend', {}, `Parameters of ${type}`),
    params.length ? h('div', { class: 'grid qa-params' }, params.map(p => p.field)) : h('p', { class: 'empty' },
      'This model type has no parameters.'));
}

function fit(event) {
  event.preventDefault();
  const done = $('#fit-done');
  const wrap = $('#fit-progress');
  busy($('#fit-button'), async () => {
    done.hidden = true;
    const type = $('#fit-type').value;
    const datasetId = $('#fit-dataset').value;
    if (!datasetId) throw new Error('Upload or choose a dataset first (step 1).');
    if (!type || !types) throw new Error('The model types are still loading; try again in a moment.');
    const modelId = $('#fit-id').value.trim();
    if (modelId && !/^[A-Za-z0-9_-]{1,64}$/.test(modelId)) {
      $('#fit-id').focus();
      throw new Error('A model name has 1 to 64 letters, digits, "-" or "_".');
    }
    const body = { dataset_id: datasetId, model_type: type, params: readParams(params) };
    if (modelId) body.model_id = modelId;
    const bar = progressBar('Fitting');
    setProgress(bar, null, `Fitting ${type} on ${datasetName(datasetId)}…`);
    fill(wrap, bar);
    wrap.hidden = false;
    try {
      const result = await api('/api/v1/models/fit_save', { json: body });
      fill(done, h('strong', {}, result.model_id), ` is fitted and loaded: ${fmt.int(result.contexts)} contexts in `
        + `${fmt.ms(result.fit_millis)} (${formatBytes(result.size_bytes)} on disk). `,
      h('button', { type: 'button', class: 'link', onclick: () => emit('goto', 'search') }, 'Ask it a question →'));
      done.hidden = false;
      $('#fit-id').value = '';
      state.modelId = result.model_id;
      await loadModels();
    } catch (e) {
      const field = e.problem?.param && $(`#param-${CSS.escape(e.problem.param.split('.')[0])}`);
      if (field) field.focus();
      throw e;
    } finally {
      wrap.hidden = true;
    }
  }, $('#fit-error'));
}

function renderModels() {
  const loaded = state.models.filter(m => m.loaded);
  fill($('#models-memory'), `${loaded.length} loaded · ${formatBytes(loaded.reduce((s, m) => s + (m.memory_bytes || 0), 0))}`
    + ' in memory');
  const who = session.who();
  if (!state.models.length) {
    fill($('#models'), h('p', { class: 'empty' }, 'No models yet — fit one above.'));
    return;
  }
  fill($('#models'), h('table', { id: 'models-table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Model'), h('th', {}, 'Dataset'), h('th', { class: 'num' }, 'Contexts'),
      h('th', { class: 'num' }, 'On disk'), h('th', {}, 'Memory'), h('th', {}, h('span', { class: 'visually-hidden' },
        'Actions')))),
    h('tbody', {}, state.models.map(m => h('tr', { dataset: { id: m.model_id },
      class: m.model_id === state.modelId ? 'qa-chosen' : null },
    h('td', {}, h('div', { class: 'qa-name' }, m.model_id), h('div', { class: 'hint' },
      `${m.model_type} · ${m.owner || 'no owner'} · ${formatDate(m.created_at)}`),
    h('details', { class: 'qa-model-params' }, h('summary', {}, 'Parameters'),
      h('pre', {}, JSON.stringify(m.params, null, 1)))),
    h('td', {}, datasetName(m.dataset_id)),
    h('td', { class: 'num' }, fmt.int(m.contexts)),
    h('td', { class: 'num' }, formatBytes(m.size_bytes)),
    h('td', { class: 'qa-memory' }, m.loaded
      ? h('span', { class: 'badge ok' }, `loaded · ${formatBytes(m.memory_bytes)}`)
      : h('span', { class: 'badge' }, 'not loaded')),
    h('td', { class: 'qa-actions' },
      m.loaded
        ? h('button', { type: 'button', 'aria-label': `Unload ${m.model_id}`, onclick: e => busy(e.currentTarget,
          async () => {
            const r = await api('/api/v1/models/unload_model', { json: { model_id: m.model_id } });
            note(`${m.model_id} unloaded: ${formatBytes(r.released_bytes)} freed.`);
            await loadModels();
          }, $('#models-error')) }, 'Unload')
        : h('button', { type: 'button', 'aria-label': `Load ${m.model_id}`, onclick: e => busy(e.currentTarget,
          async () => {
            const r = await api('/api/v1/models/load_model', { json: { model_id: m.model_id } });
            note(`${m.model_id} loaded in ${fmt.ms(r.load_millis)}: ${formatBytes(r.memory_bytes)} in memory.`);
            await loadModels();
          }, $('#models-error')) }, 'Load'),
      h('button', { type: 'button', 'aria-label': `Search with ${m.model_id}`, onclick: () => {
        chooseModel(m.model_id);
        emit('goto', 'search');
      } }, 'Search'),
      (m.owner === who?.user_id || session.hasRole('admin'))
        ? h('button', { type: 'button', class: 'danger', 'aria-label': `Remove ${m.model_id}`,
          onclick: e => busy(e.currentTarget, async () => {
            if (!confirm(`Remove the model "${m.model_id}"? Its files and vectors are deleted.`)) return;
            await api(`/api/v1/models/remove/${encodeURIComponent(m.model_id)}`, { method: 'DELETE' });
            note(`${m.model_id} removed.`);
            await loadModels();
          }, $('#models-error')) }, 'Remove')
        : null))))));
}

function note(text) {
  const box = $('#models-note');
  fill(box, text);
  box.hidden = false;
}
