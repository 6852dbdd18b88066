import { session, showError, busy, $ } from '/console/js/app.js';

// Only a path of this site (never another origin) may be where sign-in leads.
function next() {
  const target = new URLSearchParams(location.search).get('next') || '';
  return /^\/[a-z]/.test(target) && !target.startsWith('//') ? target : '/chat';
}

if (session.key() && session.who()) location.replace(next());

const form = $('#sign-in-form');
form.addEventListener('submit', async event => {
  event.preventDefault();
  const key = $('#api-key').value.trim();
  await busy(form.querySelector('button'), async () => {
    await session.signIn(key);
    location.assign(next());
  }, $('#sign-in-error'));
});
$('#api-key').focus();
