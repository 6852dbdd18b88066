// Import a catalog: the file (chosen or dropped) goes up with a progress bar, then the import job (Parquet, index)
// is followed to its end; refused rows are listed by showError.
import { upload, h, fill, dropZone, $, busy, progressBar, setProgress, ApiError } from '/console/js/app.js';
import { follow, running } from './jobs.js';

function readMapping(text) {
  if (!text.trim()) return null;
  let mapping;
  try {
    mapping = JSON.parse(text);
  } catch (e) {
    throw new ApiError(400, { detail: 'The column names are not valid JSON, e.g. {"title": "product_name"}.' });
  }
  if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping)) {
    throw new ApiError(400, { detail: 'The column names must be one JSON object, e.g. {"title": "product_name"}.' });
  }
  return JSON.stringify(mapping);
}

function setupDrop(input) {
  const drop = $('#drop');
  const note = h('p', { class: 'chosen', 'aria-live': 'polite' });
  drop.append(note);
  const showChosen = () => fill(note, input.files[0] ? `Chosen: ${input.files[0].name}` : '');
  input.addEventListener('change', showChosen);
  dropZone(drop, files => {
    input.files = files;
    showChosen();
  });
}

/** Sets up the import form; imported(catalogId) runs when an import has finished. */
export function setupImport({ jobs, imported }) {
  const form = $('#import-form');
  const input = $('#import-file');
  const status = $('#import-status');
  const error = $('#import-error');
  $('#import-mapping').placeholder = '{"title": "product_name", "category": "product_category_tree"}';
  setupDrop(input);

  form.addEventListener('submit', event => {
    event.preventDefault();
    busy(form.querySelector('button[type=submit]'), async () => {
      const file = input.files[0];
      if (!file) throw new ApiError(400, { detail: 'Choose a CSV or JSON Lines file first.' });
      const data = new FormData();
      data.append('file', file, file.name);
      const name = $('#import-name').value.trim();
      if (name) data.append('name', name);
      const mapping = readMapping($('#import-mapping').value);
      if (mapping) data.append('mapping', mapping);
      data.append('on_error', $('#import-on-error').value);

      const bar = progressBar('Upload');
      fill(status, bar);
      setProgress(bar, 0, 'Uploading…');
      let answer;
      try {
        answer = await upload('/api/v1/products/import', data,
          f => setProgress(bar, f, f < 1 ? `Uploading ${Math.round(f * 100)}%` : 'Checking the rows…'));
      } catch (e) {
        fill(status);
        throw e;
      }
      const job = await follow(answer.body, status, 'Import');
      form.reset();
      input.dispatchEvent(new Event('change'));
      await imported(job.catalog_id);
    }, error);
  });

  // An import still running from before a reload: show its progress again.
  for (const job of running(jobs, 'import').slice(0, 1)) {
    follow(job, status, 'Import').then(j => imported(j.catalog_id)).catch(e => {
      error.hidden = false;
      fill(error, e.message);
    });
  }
}
