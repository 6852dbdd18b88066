// Tasks (the seed 000's GAIA benchmark app): the task catalogue with its charts, a task's steps with their history,
// and for annotators and admins the snapshot import with its match report, evaluation runs and the compare view.
import { page, $, $$, showError, session } from '/console/js/app.js';
import { initCatalog, loadOverview, loadTasks } from '/console/js/tasks/catalog.js';
import { initTask, openTask } from '/console/js/tasks/task.js';
import { initImport, loadImports } from '/console/js/tasks/import.js';
import { initRuns, loadRuns } from '/console/js/tasks/runs.js';
import { initCompare, loadRunChoices } from '/console/js/tasks/compare.js';

const loaders = {};
const loaded = new Set();

/** Shows one tab's panel; a panel loads its data the first time it is shown. */
async function select(name, focus = false) {
  for (const tab of $$('[role=tab]')) {
    const on = tab.id === `tab-${name}`;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(`#${tab.getAttribute('aria-controls')}`).hidden = !on;
    if (on && focus) tab.focus();
  }
  if (history.replaceState) history.replaceState(null, '', name === 'tasks' ? location.pathname : `#${name}`);
  if (!loaded.has(name) && loaders[name]) {
    loaded.add(name);
    try {
      await loaders[name]();
    } catch (e) {
      loaded.delete(name);
      showError(null, e);
    }
  }
}

function initTabs() {
  const tabs = () => $$('[role=tab]').filter(t => !t.hidden);
  for (const tab of $$('[role=tab]')) {
    tab.addEventListener('click', () => select(tab.id.slice(4)));
    // Arrow keys move between tabs, as in every tab list.
    tab.addEventListener('keydown', e => {
      const list = tabs();
      const i = list.indexOf(tab);
      const to = e.key === 'ArrowRight' ? list[(i + 1) % list.length]
        : e.key === 'ArrowLeft' ? list[(i - 1 + list.length) % list.length] : null;
      if (to) {
        e.preventDefault();
        select(to.id.slice(4), true);
      }
    });
  }
}

page(async () => {
  const annotator = session.hasRole('annotator', 'admin');
  const refreshCatalog = () => Promise.all([loadOverview(), loadTasks()]).catch(e => showError(null, e));
  initCatalog(id => openTask(id).catch(e => showError(null, e)));
  initTask(refreshCatalog);
  loaders.tasks = () => Promise.all([loadOverview(), loadTasks(0)]);
  if (annotator) {
    for (const id of ['tab-import', 'tab-runs', 'tab-compare']) $(`#${id}`).hidden = false;
    initImport(refreshCatalog);
    initRuns(() => loaded.delete('compare'));
    initCompare();
    loaders.import = loadImports;
    loaders.runs = () => loadRuns(0);
    loaders.compare = loadRunChoices;
  }
  initTabs();
  const wanted = location.hash.slice(1);
  await select(annotator && loaders[wanted] ? wanted : 'tasks');
});
