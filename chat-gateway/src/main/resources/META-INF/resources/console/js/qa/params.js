// Q&A search: the fit form's parameters, as the API describes them. fit_save checks the model type and every
// parameter before it reads the dataset, and its 400 problems say what is allowed: an unknown model_type lists the
// types, an unknown parameter lists the type's parameters, and a value of no kind at all ([[[]]]) makes each
// parameter say its own kind: a list of choices, true/false, a {min, max} range, "object", or a rule in words.
import { ApiError, api, h } from '/console/js/app.js';

const NOWHERE = '-'; // a dataset id that is never read: the request fails on its params first

async function refusal(body) {
  try {
    await api('/api/v1/models/fit_save', { json: { dataset_id: NOWHERE, ...body } });
  } catch (e) {
    if (e instanceof ApiError && e.status === 400) return e.problem;
    throw e;
  }
  throw new Error('The service accepted a request it should have refused; the form cannot be built.');
}

/** The model types fit_save takes, in its order. */
export async function modelTypes() {
  const problem = await refusal({ model_type: '' });
  if (!Array.isArray(problem.allowed)) throw new ApiError(400, problem);
  return problem.allowed;
}

const described = new Map();

/** The parameters of one type: [{name, field (a labelled input), read() (undefined = the default)}]. */
export function describeType(type) {
  if (!described.has(type)) {
    described.set(type, (async () => {
      const problem = await refusal({ model_type: type, params: { '?': 0 } });
      const names = Array.isArray(problem.allowed) ? problem.allowed : [];
      const kinds = await Promise.all(names.map(name =>
        refusal({ model_type: type, params: { [name]: [[[]]] } }).catch(() => null)));
      return names.map((name, i) => param(name, kinds[i]?.param === name ? kinds[i] : null));
    })().catch(e => { described.delete(type); throw e; }));
  }
  return described.get(type);
}

/** The params object of the filled form: only the parameters given a value. */
export function readParams(params) {
  const out = {};
  for (const p of params || []) {
    const value = p.read();
    if (value !== undefined) out[p.name] = value;
  }
  return out;
}

function rule(problem) {
  const m = /must be (.*?)(?: \(got [\s\S]*\))?$/.exec(problem?.detail || '');
  return m ? m[1] : '';
}

function param(name, problem) {
  const id = `param-${name}`;
  const allowed = problem?.allowed;
  const says = rule(problem);
  const label = h('label', { for: id }, h('code', {}, name));
  const hint = text => h('p', { class: 'hint', id: `${id}-hint` }, text);
  let input;
  let read;
  if (Array.isArray(allowed)) {
    // Choices (strings) or true/false: the empty choice keeps the service's default.
    input = h('select', { id, name, 'aria-describedby': `${id}-hint` }, h('option', { value: '' }, 'default'),
      allowed.map(v => h('option', { value: JSON.stringify(v) }, String(v))));
    read = () => (input.value === '' ? undefined : JSON.parse(input.value));
    return { name, field: h('div', { class: 'qa-param' }, label, input, hint(`one of ${allowed.join(', ')}`)), read };
  }
  if (allowed && typeof allowed === 'object' && 'min' in allowed) {
    const integer = /integer/.test(says);
    input = h('input', { id, name, type: 'number', min: allowed.min, max: allowed.max, step: integer ? 1 : 'any',
      placeholder: 'default', 'aria-describedby': `${id}-hint` });
    read = () => (input.value === '' ? undefined : Number(input.value));
    return { name, field: h('div', { class: 'qa-param' }, label, input,
      hint(`${integer ? 'a whole number' : 'a number'} from ${allowed.min} to ${allowed.max}`)), read };
  }
  if (allowed === 'object') {
    input = h('textarea', { id, name, rows: 2, class: 'mono', placeholder: '{ } — default',
      'aria-describedby': `${id}-hint` });
    read = () => json(input.value, name);
    return { name, field: h('div', { class: 'qa-param qa-wide' }, label, input,
      hint(`${says || 'an object of parameters'}, as JSON, e.g. {"k1": 1.5}`)), read };
  }
  // A rule in words (ngram_range, stop_words, min_df...): JSON when it parses, else the text itself.
  input = h('input', { id, name, type: 'text', class: 'mono', placeholder: 'default', 'aria-describedby': `${id}-hint` });
  read = () => {
    const v = input.value.trim();
    if (v === '') return undefined;
    try { return JSON.parse(v); } catch (ignored) { return v; }
  };
  return { name, field: h('div', { class: 'qa-param' }, label, input, hint(says || 'any JSON value')), read };
}

function json(text, name) {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`The parameter ${name} must be JSON, such as {"k1": 1.5}.`);
  }
}
