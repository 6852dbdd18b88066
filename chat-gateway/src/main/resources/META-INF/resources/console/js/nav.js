// On every page: the signed-in user and role in the header, only the pages the role may use, the menu on a small
// screen, sign-out. (Page modules do their own work through app.js's page().)
import { session, $, $$ } from '/console/js/app.js';

const who = session.who();
if (who) {
  const badge = $('#who');
  if (badge) badge.textContent = `${who.user_id} · ${who.role}`;
  for (const item of $$('[data-roles]')) {
    item.hidden = !item.dataset.roles.split(' ').includes(who.role);
  }
}
$('#sign-out')?.addEventListener('click', () => session.signOut());
const toggle = $('.menu-toggle');
toggle?.addEventListener('click', () => {
  const open = toggle.getAttribute('aria-expanded') !== 'true';
  toggle.setAttribute('aria-expanded', String(open));
  $('#nav').classList.toggle('open', open);
});
