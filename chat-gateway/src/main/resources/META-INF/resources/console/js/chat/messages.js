// Chat's messages: a question, an answer (streamed in, then with its numbered sources, mode, note and rating), and
// the dialog that shows a cited passage. Everything a user or a model wrote goes in as text (h/fill).
import { api, h, fill, $, showError } from '/console/js/app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const names = new Map();

/** The name of a citation's source: the notice's title or the file's name (asked once per source, then cached). */
function sourceName(c) {
  const key = c.source === 'notice' ? `notice:${c.notice_id || noticeId(c)}` : c.file_id;
  if (!names.has(key)) {
    const ask = c.source === 'notice'
      ? api(`/api/v1/notices/${encodeURIComponent(c.notice_id || noticeId(c))}`).then(n => n.title)
      : api(`/api/v1/files/${encodeURIComponent(c.file_id)}`).then(f => f.original_name);
    names.set(key, ask.catch(() => (c.source === 'notice' ? 'A notice that was deleted' : 'A file that was deleted')));
  }
  return names.get(key);
}

function noticeId(c) {
  return String(c.file_id || '').replace(/^notice:/, '');
}

export function questionView(text) {
  return h('div', { class: 'chat-msg chat-q' }, h('p', { class: 'chat-who' }, 'You'), h('p', { class: 'chat-text' }, text));
}

/**
 * An answer's element and its handles: add(text) appends streamed text; finish({...}) shows the final answer with
 * numbered sources, mode, note and rating; fail(error) shows the problem's detail.
 */
export function answerView(onRate) {
  const text = h('p', { class: 'chat-text' }, h('span', { class: 'chat-thinking' }, 'Searching your files and the notices…'));
  const error = h('div', { class: 'alert error', role: 'alert', hidden: true });
  const footer = h('div', { class: 'chat-footer' });
  const el = h('div', { class: 'chat-msg chat-a', 'aria-busy': 'true' }, h('p', { class: 'chat-who' }, 'Assistant'),
    text, error, footer);
  let streamed = '';
  return {
    el,
    add(piece) {
      if (streamed === '') fill(text);
      streamed += piece;
      text.append(piece);
    },
    finish(message) {
      el.removeAttribute('aria-busy');
      renderAnswer(text, message.content ?? streamed, message.citations || []);
      fill(footer, sources(message.citations || []), meta(message, onRate));
      if (message.conversation_id && message.message_id !== undefined && message.message_id !== null) {
        el.dataset.messageId = message.message_id;
      }
    },
    fail(e) {
      el.removeAttribute('aria-busy');
      if (streamed === '') text.remove();
      showError(error, e);
    },
  };
}

/** The answer's text, its [n] markers turned into buttons that open source n. */
function renderAnswer(target, content, citations) {
  const parts = String(content).split(/(\[\d{1,2}\])/);
  fill(target, parts.map(part => {
    const m = /^\[(\d{1,2})\]$/.exec(part);
    const c = m ? citations[Number(m[1]) - 1] : null;
    return c ? h('button', { type: 'button', class: 'chat-ref', 'aria-label': `Source ${m[1]}`,
      onclick: () => openSource(c, Number(m[1])) }, m[1]) : part;
  }));
  if (String(content).trim() === '') fill(target, h('span', { class: 'empty' }, 'No answer was given.'));
}

function sources(citations) {
  if (!citations.length) return null;
  return h('div', { class: 'chat-sources' }, h('p', { class: 'chat-sources-title' }, 'Sources'),
    h('ol', { class: 'chat-source-list' }, citations.map((c, i) => {
      const label = h('span', { class: 'chat-source-name' }, c.source === 'notice' ? 'Notice' : 'File');
      sourceName(c).then(name => { label.textContent = name; });
      return h('li', {}, h('button', { type: 'button', class: 'chat-cite', dataset: { n: i + 1 },
        'aria-label': `Open source ${i + 1}`, onclick: () => openSource(c, i + 1) },
        h('span', { class: 'chat-cite-n' }, String(i + 1)), label,
        h('span', { class: 'chat-cite-kind' }, c.source === 'notice' ? 'notice' : `passage ${(c.chunk ?? 0) + 1}`)));
    })));
}

function meta(message, onRate) {
  const row = h('div', { class: 'row chat-meta' });
  if (message.mode === 'llm') {
    row.append(h('span', { class: 'badge ok' }, message.model ? `Written by ${message.model}` : 'Written by the LLM'));
  } else if (message.mode === 'extractive') {
    row.append(h('span', { class: 'badge warn', title: 'Sentences quoted from your sources, not written by an LLM' },
      'Quoted from the sources'));
  }
  if (message.message_id !== undefined && message.message_id !== null && message.conversation_id) {
    row.append(rating(message, onRate));
  }
  const note = message.note ? h('p', { class: 'hint chat-note' }, message.note) : null;
  return [row, note];
}

function rating(message, onRate) {
  let current = message.rating || 0;
  const status = h('span', { class: 'hint chat-rated', 'aria-live': 'polite' });
  const make = (value, symbol, label) => h('button', { type: 'button', class: 'chat-rate', 'aria-label': label,
    'aria-pressed': String(current === value), dataset: { rating: value },
    onclick: async e => {
      const wanted = current === value ? 0 : value;
      const buttons = [...e.currentTarget.parentElement.querySelectorAll('.chat-rate')];
      buttons.forEach(b => { b.disabled = true; });
      try {
        await onRate(message.conversation_id, message.message_id, wanted);
        current = wanted;
        buttons.forEach(b => b.setAttribute('aria-pressed', String(Number(b.dataset.rating) === current)));
        status.textContent = current === 0 ? '' : 'Thanks: your rating helps train the model.';
      } catch (err) {
        status.textContent = err.message;
      } finally {
        buttons.forEach(b => { b.disabled = false; });
      }
    } }, symbol);
  return h('span', { class: 'chat-rating' }, h('span', { class: 'hint' }, 'Was this helpful?'),
    make(1, 'Yes', 'Yes, a good answer'), make(-1, 'No', 'No, a bad answer'), status);
}

/** Opens the dialog with the cited passage, its source and (for a file) a link to its whole text on My files. */
export function openSource(c, n) {
  const dialog = $('#source');
  const notice = c.source === 'notice';
  $('#source-title').textContent = `Source ${n}`;
  sourceName(c).then(name => { $('#source-title').textContent = `${n}. ${name}`; });
  $('#source-facts').textContent = [notice ? 'Notice board' : 'Your file', notice ? null : `passage ${(c.chunk ?? 0) + 1}`,
    c.score ? `relevance ${Number(c.score).toFixed(2)}` : null].filter(Boolean).join(' · ');
  fill($('#source-text'), c.text || '(the passage has no text)');
  const link = $('#source-link');
  if (!notice && UUID.test(c.file_id || '')) {
    fill(link, h('a', { href: `/files?preview=${encodeURIComponent(c.file_id)}` }, 'Open the whole text on My files'));
  } else if (notice) {
    fill(link, h('a', { href: '/notices' }, 'Open the notice board'));
  } else {
    fill(link);
  }
  if (!dialog.open) dialog.showModal();
  $('#source-close').focus();
}
