// Entry point of the site's own JavaScript. Material's instant navigation swaps the
// page without reloading scripts, so each feature mounts per page through document$
// and returns a cleanup function that runs before the next page is shown.
//
// A feature is a module exporting mount(root) -> cleanup | undefined. Add it to the list.

import { mount as mountQuiz } from "./quiz/mount.js";
import { mount as mountRunner } from "./runner/index.js";
import { mount as mountThemeA11y } from "./theme_a11y.js";
import { mount as mountTimelines } from "./timeline/mount.js";

const features = [mountRunner, mountQuiz, mountTimelines, mountThemeA11y];

let cleanups = []; // the mounted page's cleanups: instant navigation keeps this module alive
let generation = 0; // the page being mounted; a newer page cancels features not yet mounted

function mountFeature(mount, page) {
  if (page !== generation) return;
  const start = performance.now();
  try {
    const cleanup = mount(document);
    if (typeof cleanup === "function") cleanups.push(cleanup);
  } catch (error) {
    console.error("site feature failed to mount", error);
  }
  // Named in the performance timeline, so tests and DevTools can tell the site's work
  // from Material's (tests/browser/test_long_tasks.py).
  performance.measure("site: mount feature", { start });
}

// Each feature mounts in a task of its own, after Material's handler for the page has
// returned: no single long task at load, and the time is the site's, not Material's.
function mountAll() {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  const page = ++generation;
  for (const mount of features) setTimeout(() => mountFeature(mount, page));
}

// Material defines document$ in its bundle, which runs (deferred) before this module.
if (window.document$) window.document$.subscribe(mountAll);
else mountAll();
