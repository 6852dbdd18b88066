// Product jobs (import, categorize): a progress bar that follows one until it ends, in the user's words.
import { poll, progressBar, setProgress, ApiError, h, fill } from '/console/js/app.js';

const STAGES = {
  parquet: 'Writing the Parquet file',
  index: 'Indexing the products for search and maps',
  classify: 'Categorizing',
  store: 'Storing the predictions',
};

function show(bar, job) {
  const stage = job.status === 'queued' ? 'Waiting for a free worker' : STAGES[job.stage] || 'Starting';
  if (job.status === 'succeeded') {
    setProgress(bar, 1, 'Done');
  } else if (job.total && job.done) {
    setProgress(bar, job.done / job.total, `${stage}: ${job.done} of ${job.total}`);
  } else {
    setProgress(bar, null, job.total ? `${stage} (${job.total} products)…` : `${stage}…`);
  }
}

/**
 * Shows a progress bar in target and follows the job until it ends; resolves to the finished job, or rejects with
 * the job's error in words when it failed.
 */
export async function follow(job, target, label) {
  const bar = progressBar(label);
  bar.dataset.job = job.id;
  fill(target, bar);
  show(bar, job);
  const last = await poll(`/api/v1/products/jobs/${encodeURIComponent(job.id)}`, j => show(bar, j),
    { intervalMs: 1000, done: j => j.status === 'succeeded' || j.status === 'failed' });
  if (last.status !== 'succeeded') {
    fill(target);
    throw new ApiError(200, { title: 'The job failed', detail: last.error || last.message || 'It stopped.' });
  }
  fill(target, bar, h('p', { class: 'alert ok' }, last.message || 'Done.'));
  return last;
}

/** The user's jobs that still run (to pick their progress up again after a reload). */
export function running(jobs, kind) {
  return (jobs || []).filter(j => j.kind === kind && (j.status === 'queued' || j.status === 'running'));
}
