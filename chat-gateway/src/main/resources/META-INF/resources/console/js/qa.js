// Q&A search (the seed 003 app) in five steps: 1 dataset (upload a CSV, my datasets), 2 explore (EDA), 3 model (fit
// from the allowed params, load/unload), 4 search (find a context), 5 quality test and benchmark. This module runs
// the steps' tabs and step 1; the others live in console/js/qa/.
import { page, h, fill, dropZone, $, busy, showError, upload, progressBar, setProgress, formatDate } from '/console/js/app.js';
import { state, on, emit, loadDatasets, loadModels, chooseDataset, fmt } from '/console/js/qa/state.js';
import { initExplore } from '/console/js/qa/explore.js';
import { initModels } from '/console/js/qa/models.js';
import { initSearch } from '/console/js/qa/search.js';

const STEPS = ['dataset', 'explore', 'model', 'search', 'measure'];

/** Shows one step; the tab list works with the arrow keys as well as Tab and Enter. */
function showStep(name, focus = false) {
  if (!STEPS.includes(name)) name = 'dataset';
  for (const step of STEPS) {
    const selected = step === name;
    const tab = $(`#tab-${step}`);
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(`#step-${step}`).hidden = !selected;
  }
  if (location.hash !== '#' + name) history.replaceState(null, '', '#' + name);
  if (focus) $(`#tab-${name}`).focus();
  emit('tab', name);
}

function initTabs() {
  for (const step of STEPS) {
    $(`#tab-${step}`).addEventListener('click', () => showStep(step));
    $(`#tab-${step}`).addEventListener('keydown', e => {
      const i = STEPS.indexOf(step);
      if (e.key === 'ArrowRight') showStep(STEPS[(i + 1) % STEPS.length], true);
      else if (e.key === 'ArrowLeft') showStep(STEPS[(i + STEPS.length - 1) % STEPS.length], true);
      else return;
      e.preventDefault();
    });
  }
  window.addEventListener('hashchange', () => showStep(location.hash.slice(1)));
}

function renderDatasets() {
  const target = $('#datasets');
  if (!state.datasets.length) {
    fill(target, h('p', { class: 'empty' }, 'No datasets yet — upload a CSV on the left.'));
    return;
  }
  fill(target, h('ul', { id: 'datasets-table', class: 'qa-list' }, state.datasets.map(d => {
    const chosen = d.id === state.datasetId;
    return h('li', { class: chosen ? 'qa-chosen' : null, dataset: { id: d.id } },
      h('div', { class: 'qa-item' },
        h('div', { class: 'qa-name' }, d.name, chosen ? h('span', { class: 'badge ok qa-badge' }, 'chosen') : null),
        h('div', { class: 'hint' }, `${fmt.int(d.rows)} questions · ${fmt.int(d.distinct_contexts)} contexts · `
          + formatDate(d.uploaded_at))),
      h('div', { class: 'qa-actions' },
        h('button', { type: 'button', 'aria-label': `Explore ${d.name}`, onclick: () => {
          chooseDataset(d.id);
          showStep('explore');
        } }, 'Explore'),
        h('button', { type: 'button', 'aria-label': `Fit a model on ${d.name}`, onclick: () => {
          chooseDataset(d.id);
          showStep('model');
        } }, 'Fit a model')));
  })));
}

function initUpload() {
  const form = $('#upload-form');
  const file = $('#csv-file');
  const drop = $('#drop');
  const bar = progressBar('Upload');
  $('#upload-progress').append(bar);
  file.addEventListener('change', () => {
    const name = $('#dataset-name');
    if (file.files[0] && !name.value) name.value = file.files[0].name.replace(/\.csv$/i, '');
  });
  dropZone(drop, files => {
    file.files = files;
    file.dispatchEvent(new Event('change'));
  });
  form.addEventListener('submit', event => {
    event.preventDefault();
    const error = $('#upload-error');
    const done = $('#upload-done');
    busy($('#upload-button'), async () => {
      done.hidden = true;
      const chosen = file.files[0];
      if (!chosen) throw new Error('Choose a CSV file first.');
      const data = new FormData();
      data.append('file', chosen);
      data.append('name', $('#dataset-name').value.trim() || chosen.name);
      if ($('#extra-columns').checked) data.append('extra_columns', 'ignore');
      $('#upload-progress').hidden = false;
      setProgress(bar, 0, 'Sending…');
      try {
        const answer = await upload('/api/v1/datasets', data, f => setProgress(bar, f < 1 ? f : null,
          f < 1 ? `Sending… ${Math.round(f * 100)}%` : 'Checking the rows…'));
        const d = answer.body;
        fill(done, h('strong', {}, d.name), ` is ready: ${fmt.int(d.rows)} questions, `
          + `${fmt.int(d.distinct_contexts)} distinct contexts`
          + (d.ignored_columns?.length ? ` (ignored: ${d.ignored_columns.join(', ')})` : '') + '.');
        done.hidden = false;
        form.reset();
        state.datasetId = d.id;
        await loadDatasets();
      } catch (e) {
        if (e.problem?.extra_columns?.length) {
          e.message += ' Tick "Ignore other columns" and upload again.';
          $('#extra-columns').focus();
        }
        throw e;
      } finally {
        $('#upload-progress').hidden = true;
      }
    }, error);
  });
}

page(async () => {
  initTabs();
  on('goto', step => showStep(step));
  initUpload();
  on('datasets', renderDatasets);
  on('dataset', renderDatasets);
  $('#datasets-refresh').addEventListener('click', e => busy(e.currentTarget, loadDatasets, $('#datasets-error')));
  fill($('#datasets'), h('p', { class: 'empty' }, 'Loading your datasets…'));
  initExplore();
  initModels();
  initSearch();
  showStep(location.hash.slice(1) || 'dataset');
  // Datasets first: the model shown first is the newest one of the chosen dataset.
  try {
    await loadDatasets();
  } finally {
    await loadModels();
  }
});
