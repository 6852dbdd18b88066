// Q&A search, steps 4 and 5: find a context for a question (the expected answer highlighted), the quality test's
// metrics, and the benchmark: the server's latency percentiles, then round trips from this browser drawn as a
// latency histogram (the service answers percentiles only, so the histogram is of what a user here waits).
import { api, h, fill, $, busy, showError, chart, colour, progressBar, setProgress } from '/console/js/app.js';
import { state, on, chooseModel, modelOptions, datasetRows, datasetName, fmt, stat } from '/console/js/qa/state.js';

export function initSearch() {
  const pickers = [$('#search-model'), $('#measure-model')];
  const refresh = () => pickers.forEach(modelOptions);
  on('models', refresh);
  on('model', refresh);
  on('datasets', refresh);
  for (const p of pickers) p.addEventListener('change', e => chooseModel(e.currentTarget.value));
  refresh();
  $('#search-form').addEventListener('submit', search);
  $('#search-sample').addEventListener('click', e => busy(e.currentTarget, sample, $('#search-error')));
  $('#quality-form').addEventListener('submit', quality);
  $('#bench-form').addEventListener('submit', benchmark);
}

function needModel() {
  const model = state.model();
  if (!model) throw new Error('Fit a model first (step 3), then choose it here.');
  return model;
}

async function sample() {
  const model = needModel();
  const rows = await datasetRows(model.dataset_id, 1000);
  if (!rows || !rows.length) {
    throw new Error(`The questions of ${datasetName(model.dataset_id)} are not yours to read; type a question instead.`);
  }
  const row = rows[Math.floor(Math.random() * rows.length)];
  $('#search-question').value = row.question;
  $('#search-answer').value = row.answer;
  $('#search-form').requestSubmit();
}

function search(event) {
  event.preventDefault();
  busy($('#search-button'), async () => {
    const model = needModel();
    const question = $('#search-question').value.trim();
    if (!question) {
      $('#search-question').focus();
      throw new Error('Type a question first.');
    }
    const topK = Number($('#search-top').value) || 5;
    const started = performance.now();
    const answer = await api('/api/v1/models/find_context', { json: { model_id: model.model_id, question, top_k: topK } });
    const took = performance.now() - started;
    const expected = $('#search-answer').value.trim();
    const results = answer.results || [];
    const hit = expected ? results.findIndex(r => r.context.toLowerCase().includes(expected.toLowerCase())) : -1;
    fill($('#search-summary'), `${results.length} contexts from ${model.model_id} in ${fmt.ms(took)}`
      + (expected ? (hit >= 0 ? ` — the answer is in context ${hit + 1}.` : ' — the answer is in none of them.') : '.'));
    fill($('#search-results'), results.length ? results.map((r, i) => h('li', { class: 'card qa-result' },
      h('div', { class: 'row qa-head' },
        h('span', { class: 'qa-rank', 'aria-label': `Rank ${i + 1}` }, String(i + 1)),
        h('span', { class: 'grow hint' }, `context #${r.context_id}`),
        i === hit ? h('span', { class: 'badge ok' }, 'contains the answer') : null,
        h('span', { class: 'badge', title: 'score' }, `score ${fmt.num(r.score, 3)}`)),
      h('div', { class: 'qa-score', 'aria-hidden': 'true' }, scoreBar(r.score, results[0].score)),
      h('p', { class: 'qa-context' }, highlight(r.context, expected))))
      : h('li', { class: 'empty' }, 'No context matched — try other words.'));
  }, $('#search-error'));
}

function scoreBar(score, best) {
  const bar = h('span');
  bar.style.width = `${best > 0 ? Math.max(2, Math.round((score / best) * 100)) : 0}%`;
  return bar;
}

/** The text with every occurrence of the answer (any case) in a mark: built as nodes, never as markup. */
function highlight(text, answer) {
  if (!answer) return [text];
  const parts = [];
  const lower = text.toLowerCase();
  const needle = answer.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    parts.push(text.slice(from, at), h('mark', {}, text.slice(at, at + answer.length)));
    from = at + answer.length;
  }
  parts.push(text.slice(from));
  return parts;
}

function quality(event) {
  event.preventDefault();
  const wrap = $('#quality-progress');
  busy($('#quality-button'), async () => {
    const model = needModel();
    const body = { model_id: model.model_id };
    const n = $('#quality-sample').value;
    if (n) body.sample = Number(n);
    const bar = progressBar('Quality test');
    setProgress(bar, null, 'Asking the questions…');
    fill(wrap, bar);
    wrap.hidden = false;
    try {
      const r = await api('/api/v1/models/quality_test', { json: body });
      const metric = (name, value, help) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', { class: 'num' },
        fmt.num(value, 4)), h('td', { class: 'hint' }, help));
      fill($('#quality-result'),
        h('div', { class: 'grid qa-stats' },
          stat('Right context first', fmt.pct(r.accuracy), `${fmt.int(r.n)} questions`),
          stat('In the top 5', fmt.pct(r.recall_at_5))),
        h('div', { class: 'table-wrap' }, h('table', { id: 'quality-table' },
          h('caption', { class: 'hint' }, `${model.model_id} on ${datasetName(r.dataset_id)}`
            + (r.sample ? `, a sample of ${fmt.int(r.sample)}` : '') + ` · ${fmt.ms(r.took_millis)}`),
          h('tbody', {},
            metric('Accuracy', r.accuracy, 'share of questions whose own context comes first'),
            metric('Recall@1', r.recall_at_1, 'own context in the first result'),
            metric('Recall@5', r.recall_at_5, '… in the first 5'),
            metric('Recall@10', r.recall_at_10, '… in the first 10'),
            metric('MRR@10', r.mrr_at_10, 'mean of 1 / rank of the own context'),
            metric('nDCG@10', r.ndcg_at_10, 'ranking quality, 1 is perfect'),
            h('tr', {}, h('th', { scope: 'row' }, 'Not indexed'), h('td', { class: 'num' }, fmt.int(r.unindexed)),
              h('td', { class: 'hint' }, 'questions whose context the model does not hold'))))));
    } finally {
      wrap.hidden = true;
    }
  }, $('#quality-error'));
}

function benchmark(event) {
  event.preventDefault();
  const wrap = $('#bench-progress');
  busy($('#bench-button'), async () => {
    const model = needModel();
    const n = Number($('#bench-n').value) || 100;
    const trips = Math.max(0, Math.min(300, Number($('#bench-trips').value) || 0));
    const bar = progressBar('Benchmark');
    setProgress(bar, null, `${n} searches on the server…`);
    fill(wrap, bar);
    wrap.hidden = false;
    try {
      const r = await api('/api/v1/models/benchmark', { json: { model_id: model.model_id, n } });
      const result = $('#bench-result');
      fill(result,
        h('div', { class: 'grid qa-stats' },
          stat('Median search', fmt.ms(r.p50_ms), `on the server, top ${r.top_k}`),
          stat('95% under', fmt.ms(r.p95_ms)),
          stat('Throughput', `${fmt.int(Math.round(r.qps))}/s`, `${fmt.int(r.n)} searches, one at a time`)),
        h('h3', {}, 'Server percentiles'),
        h('div', { class: 'chart qa-short' }, h('canvas', { id: 'bench-percentiles', role: 'img',
          'aria-label': 'Server latency percentiles' })),
        h('div', { id: 'bench-trips-result' }));
      chart($('#bench-percentiles'), {
        type: 'bar',
        data: { labels: ['mean', 'p50', 'p95', 'p99', 'max'],
          datasets: [{ label: 'ms', data: [r.mean_ms, r.p50_ms, r.p95_ms, r.p99_ms, r.max_ms],
            backgroundColor: colour(5) }] },
        options: { indexAxis: 'y', plugins: { legend: { display: false } },
          scales: { x: { title: { display: true, text: 'milliseconds' } } } },
      });
      if (trips > 0) await roundTrips(model, trips, bar);
    } finally {
      wrap.hidden = true;
    }
  }, $('#bench-error'));
}

async function roundTrips(model, trips, bar) {
  const rows = await datasetRows(model.dataset_id, 1000);
  const questions = rows && rows.length ? rows.map(r => r.question)
    : [$('#search-question').value.trim() || 'What is this about?'];
  const times = [];
  for (let i = 0; i < trips; i++) {
    setProgress(bar, i / trips, `Round trips from this browser: ${i} of ${trips}`);
    const question = questions[(i * 7919) % questions.length];
    const started = performance.now();
    await api('/api/v1/models/find_context', { json: { model_id: model.model_id, question, top_k: 10 } });
    times.push(performance.now() - started);
  }
  setProgress(bar, 1, 'Done');
  times.sort((a, b) => a - b);
  const at = q => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  const bins = histogram(times, 12);
  fill($('#bench-trips-result'),
    h('h3', {}, 'Latency histogram (round trips from this browser)'),
    h('p', { class: 'hint', id: 'bench-trips-summary' }, `${times.length} searches through the gateway: median `
      + `${fmt.ms(at(0.5))}, 95% under ${fmt.ms(at(0.95))}, slowest ${fmt.ms(times[times.length - 1])}.`),
    h('div', { class: 'chart' }, h('canvas', { id: 'bench-histogram', role: 'img',
      'aria-label': 'Histogram of round-trip latencies' })));
  chart($('#bench-histogram'), {
    type: 'bar',
    data: { labels: bins.map(b => `${b.from.toFixed(1)}–${b.to.toFixed(1)}`),
      datasets: [{ label: 'searches', data: bins.map(b => b.count), backgroundColor: colour(0),
        barPercentage: 1, categoryPercentage: 0.95 }] },
    options: { plugins: { legend: { display: false } },
      scales: { x: { title: { display: true, text: 'milliseconds' } }, y: { title: { display: true, text: 'searches' },
        ticks: { precision: 0 } } } },
  });
}

function histogram(values, count) {
  const min = values[0];
  const max = values[values.length - 1];
  const width = (max - min) / count || 1;
  const bins = Array.from({ length: count }, (_, i) => ({ from: min + i * width, to: min + (i + 1) * width, count: 0 }));
  for (const v of values) bins[Math.min(count - 1, Math.floor((v - min) / width))].count++;
  return bins;
}
