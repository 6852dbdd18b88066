// The compare view: two runs side by side, accuracy per level for both, the tasks that flipped either way (and
// whether their steps were edited in between), and the flips per level as a stacked chart.
import { api, h, fill, $, busy, formatDate } from '/console/js/app.js';
import { enc, pct, bars, shortId } from '/console/js/tasks/common.js';

function option(run) {
  return h('option', { value: run.id },
    `${formatDate(run.created_at)} · ${run.model}${run.use_steps ? ' · with steps' : ''} · ${pct(run.accuracy)}`);
}

/** Fills both selects with the finished runs (newest first: B the newest, A the one before). */
export async function loadRunChoices() {
  const runs = (await api('/api/v1/evaluations?size=100')).items.filter(r => r.done > 0);
  const a = $('#compare-a');
  const b = $('#compare-b');
  const keepA = a.value;
  const keepB = b.value;
  fill(a, runs.map(option));
  fill(b, runs.map(option));
  const form = $('#compare-form');
  form.querySelector('button[type=submit]').disabled = runs.length < 2;
  if (runs.length < 2) {
    fill($('#compare-result'), h('p', { class: 'card empty' },
      'Two runs with finished tasks are needed — start them under “Evaluations”.'));
    return;
  }
  if (!$('#compare-result').querySelector('.compare')) fill($('#compare-result'));
  a.value = runs.some(r => r.id === keepA) ? keepA : runs[1].id;
  b.value = runs.some(r => r.id === keepB) ? keepB : runs[0].id;
}

function flips(title, list, kind) {
  return h('section', { class: 'card' }, h('h3', {}, h('span', { class: `badge ${kind}` }, String(list.length)), ' ', title),
    list.length === 0 ? h('p', { class: 'empty' }, 'None.') : h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Task', 'Level', 'File', 'Steps'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, list.map(f => h('tr', {},
        h('td', { class: 'mono', title: f.task_id }, shortId(f.task_id)), h('td', { class: 'num' }, String(f.level)),
        h('td', {}, f.file_type),
        h('td', {}, f.steps_edited ? h('span', { class: 'badge warn' },
          `edited: v${f.steps_version_a} → v${f.steps_version_b}`) : `v${f.steps_version_b ?? '—'}`)))))));
}

function side(label, run) {
  return h('div', { class: 'figure' }, h('span', { class: 'figure-value' }, pct(run.accuracy)),
    h('span', { class: 'figure-label' }, `${label}: ${run.model}, ${run.correct} of ${run.done} right`));
}

async function compare() {
  const a = $('#compare-a').value;
  const b = $('#compare-b').value;
  if (a === b) throw new Error('Choose two different runs.');
  const [view, accuracy] = await Promise.all([
    api(`/api/v1/evaluations/compare?a=${enc(a)}&b=${enc(b)}`),
    api(`/api/v1/evaluations/charts/accuracy?runs=${enc(a)},${enc(b)}`)]);
  fill($('#compare-result'), h('div', { class: 'compare' },
    h('section', { class: 'card' }, h('h2', {}, 'A against B'),
      h('div', { class: 'figures' }, side('A', view.a), side('B', view.b),
        h('div', { class: 'figure' }, h('span', { class: 'figure-value' }, String(view.common_tasks)),
          h('span', { class: 'figure-label' }, 'tasks finished in both')),
        h('div', { class: 'figure warn' }, h('span', { class: 'figure-value' }, String(view.flipped_with_steps_edited)),
          h('span', { class: 'figure-label' }, 'flips whose steps were edited'))),
      h('div', { class: 'grid two' },
        h('figure', { class: 'task-chart' }, h('figcaption', {}, 'Accuracy per level'),
          h('div', { class: 'chart' }, h('canvas', { id: 'compare-accuracy', role: 'img', 'aria-label': 'Accuracy per level' }))),
        h('figure', { class: 'task-chart' }, h('figcaption', {}, 'What happened to each level’s tasks'),
          h('div', { class: 'chart' }, h('canvas', { id: 'compare-flips', role: 'img', 'aria-label': 'Flips per level' }))))),
    h('div', { class: 'grid two' }, flips('wrong → right', view.wrong_to_right, 'ok'),
      flips('right → wrong', view.right_to_wrong, 'bad'))));
  const levels = accuracy.levels.map(l => `Level ${l}`);
  bars($('#compare-accuracy'), levels, accuracy.runs.map(run => ({
    label: run.id === a ? 'A' : 'B',
    data: accuracy.levels.map(l => run.by_level.find(x => x.level === l)?.accuracy ?? null),
    colour: run.id === a ? '#94a3b8' : '#2563eb' })), { percent: true });
  const by = view.by_level;
  bars($('#compare-flips'), by.map(l => `Level ${l.level}`), [
    { label: 'stayed right', data: by.map(l => l.stayed_right), colour: '#16a34a' },
    { label: 'wrong → right', data: by.map(l => l.wrong_to_right), colour: '#86efac' },
    { label: 'right → wrong', data: by.map(l => l.right_to_wrong), colour: '#f87171' },
    { label: 'stayed wrong', data: by.map(l => l.stayed_wrong), colour: '#b91c1c' }], { stacked: true });
}

export function initCompare() {
  $('#compare-form').addEventListener('submit', e => {
    e.preventDefault();
    busy(e.currentTarget.querySelector('button[type=submit]'), compare, $('#compare-error'));
  });
}
