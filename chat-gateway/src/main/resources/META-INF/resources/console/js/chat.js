// Chat: ask over my files and the notices; the answer streams in, then shows its numbered sources. Conversations
// are listed beside it (newest first); one opened shows its messages and goes on with its memory.
import { page, api, streamEvents, h, fill, $, $$, busy, showError, formatDate } from '/console/js/app.js';
import { questionView, answerView } from '/console/js/chat/messages.js';

const SIZE = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let current = null; // the open conversation's id, null for a new one
let listed = 0;
let me = null; // the caller: an admin's list would otherwise hold everyone's conversations

const rate = (conversationId, messageId, rating) => api(
  `/api/v1/conversations/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(messageId)}/rating`,
  { method: 'PUT', json: { rating } });

function remember(id) {
  const url = new URL(location.href);
  if (id) url.searchParams.set('c', id); else url.searchParams.delete('c');
  history.replaceState(null, '', url);
}

function conversationItem(c) {
  const open = h('button', { type: 'button', class: 'chat-conversation', 'aria-current': c.id === current ? 'true' : null,
    dataset: { id: c.id }, onclick: () => openConversation(c.id).catch(e => showError($('#conversations-error'), e)) },
  h('span', { class: 'chat-conversation-title' }, c.title || 'Untitled conversation'),
  h('span', { class: 'hint' }, formatDate(c.updated_at)));
  return h('li', {}, open);
}

async function loadConversations(reset = true) {
  if (reset) listed = 0;
  const result = await api(`/api/v1/conversations?owner=${encodeURIComponent(me)}`
    + `&page=${Math.floor(listed / SIZE)}&size=${SIZE}`);
  const list = $('#conversations');
  if (reset) fill(list);
  list.append(...result.items.map(conversationItem));
  listed += result.items.length;
  if (result.total === 0) fill(list, h('li', { class: 'empty' }, 'No conversations yet — ask something to start one.'));
  $('#more-conversations').hidden = listed >= result.total;
}

function markCurrent() {
  $$('#conversations .chat-conversation').forEach(b => {
    if (b.dataset.id === current) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current');
  });
  $('#delete-chat').hidden = !current;
}

function startNew() {
  current = null;
  remember(null);
  $('#thread-title').textContent = 'New conversation';
  fill($('#thread'), $('#thread-empty') || h('div'));
  $('#thread-empty').hidden = false;
  showError($('#ask-error'), null);
  markCurrent();
  $('#question').focus();
}

async function openConversation(id) {
  const conversation = await api(`/api/v1/conversations/${encodeURIComponent(id)}?window=200`);
  current = conversation.id;
  remember(current);
  $('#thread-title').textContent = conversation.title || 'Untitled conversation';
  const thread = $('#thread');
  const welcome = $('#thread-empty');
  welcome.hidden = true;
  fill(thread, welcome);
  if (conversation.message_count > conversation.messages.length) {
    thread.append(h('p', { class: 'hint' }, `Showing the last ${conversation.messages.length} of ` +
      `${conversation.message_count} messages.`));
  }
  for (const m of conversation.messages) {
    if (m.role === 'user') {
      thread.append(questionView(m.content));
    } else {
      const view = answerView(rate);
      thread.append(view.el);
      view.finish({ content: m.content, citations: m.citations, conversation_id: conversation.id,
        message_id: m.id, rating: m.rating });
    }
  }
  markCurrent();
  thread.scrollTop = thread.scrollHeight;
}

/** Keeps the newest text in sight while it streams in, unless the reader scrolled up to read something else. */
function follow(thread, force) {
  if (force || thread.scrollHeight - thread.scrollTop - thread.clientHeight < 80) thread.scrollTop = thread.scrollHeight;
}

async function ask(question) {
  const thread = $('#thread');
  $('#thread-empty').hidden = true;
  thread.append(questionView(question));
  const view = answerView(rate);
  thread.append(view.el);
  follow(thread, true);
  const body = { query: question, stream: true };
  if (current) body.conversation_id = current;
  let citations = [];
  let done = null;
  let content = '';
  try {
    await streamEvents('/api/chat', body, (event, data) => {
      if (event === 'token') { content += data.text; view.add(data.text); follow(thread); }
      else if (event === 'citations') citations = Array.isArray(data) ? data : [];
      else if (event === 'done') done = data;
      else if (event === 'error') view.fail({ message: data.detail || String(data) });
    });
  } catch (e) {
    view.fail(e);
    return false;
  }
  if (done) {
    view.finish({ content, citations, ...done });
    follow(thread);
    const fresh = !current;
    current = done.conversation_id;
    remember(current);
    if (fresh) $('#thread-title').textContent = question.length > 60 ? question.slice(0, 60) + '…' : question;
  } else {
    view.fail({ message: 'The answer broke off. Ask again.' });
  }
  await loadConversations().catch(e => showError($('#conversations-error'), e));
  markCurrent();
  return true;
}

page(async who => {
  me = who.user_id;
  const form = $('#ask-form');
  const question = $('#question');
  form.addEventListener('submit', event => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text) return;
    busy($('#ask'), async () => {
      question.readOnly = true;
      try {
        if (await ask(text)) question.value = '';
      } finally {
        question.readOnly = false;
        question.focus();
      }
    }, $('#ask-error'));
  });
  question.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  $('#new-chat').addEventListener('click', startNew);
  $('#more-conversations').addEventListener('click', e => busy(e.currentTarget, () => loadConversations(false),
    $('#conversations-error')));
  $('#delete-chat').addEventListener('click', e => busy(e.currentTarget, async () => {
    if (!current || !confirm(`Delete the conversation "${$('#thread-title').textContent}"? Its messages go with it.`)) {
      return;
    }
    await api(`/api/v1/conversations/${encodeURIComponent(current)}`, { method: 'DELETE' });
    startNew();
    await loadConversations();
  }, $('#ask-error')));

  const wanted = new URLSearchParams(location.search).get('c');
  await loadConversations().catch(e => showError($('#conversations-error'), e));
  if (wanted && UUID.test(wanted)) await openConversation(wanted);
  markCurrent();
});
