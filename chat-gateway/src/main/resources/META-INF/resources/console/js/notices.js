// Notices: the feed for everyone, newest first; admins post and delete.
import { page, api, h, fill, $, busy, showError, formatDate, session } from '/console/js/app.js';

const SIZE = 20;
let shown = 0;

function card(notice) {
  const del = session.hasRole('admin')
    ? h('button', { type: 'button', class: 'danger', 'aria-label': `Delete notice ${notice.title}`,
      onclick: e => busy(e.currentTarget, async () => {
        if (!confirm(`Delete the notice "${notice.title}"? Chat stops citing it at once.`)) return;
        await api(`/api/v1/notices/${encodeURIComponent(notice.id)}`, { method: 'DELETE' });
        await load(true);
      }) }, 'Delete')
    : null;
  return h('article', { class: 'card notice', dataset: { id: notice.id } },
    h('h3', {}, notice.title),
    h('p', { class: 'hint' }, `${notice.author} · ${formatDate(notice.created_at)}`),
    h('p', { class: 'notice-body' }, notice.body),
    del);
}

async function load(reset) {
  if (reset) shown = 0;
  const pageNo = Math.floor(shown / SIZE);
  const result = await api(`/api/v1/notices?page=${pageNo}&size=${SIZE}`);
  const feed = $('#feed');
  if (reset) fill(feed);
  feed.append(...result.items.map(card));
  shown += result.items.length;
  if (result.total === 0) fill(feed, h('p', { class: 'empty' }, 'No notices yet.'));
  $('#more').hidden = shown >= result.total;
}

page(async () => {
  if (session.hasRole('admin')) {
    $('#post-card').hidden = false;
    $('#post-form').addEventListener('submit', event => {
      event.preventDefault();
      const form = event.currentTarget;
      busy(form.querySelector('button'), async () => {
        await api('/api/v1/notices', { json: { title: form.title.value, body: form.body.value } });
        form.reset();
        await load(true);
      }, $('#post-error'));
    });
  }
  $('#more').addEventListener('click', e => busy(e.currentTarget, () => load(false)));
  await load(true);
});
