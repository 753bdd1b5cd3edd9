// Entry point of the site's own JavaScript. Material's instant navigation swaps the
// page without reloading scripts, so each feature mounts per page through document$
// and returns a cleanup function that runs before the next page is shown.
//
// A feature is a module exporting mount(root) -> cleanup | undefined. Add it to a list:
// EARLY features need only the page's own markup and mount as soon as the HTML is
// parsed, before Material's bundle has run; LATE ones work with what Material's bundle
// adds, after its handler. LATE modules are imported dynamically: chunks of their own in
// the site's bundle (sitebuild/scripts.py), fetched when this module runs; it, and so
// the Run buttons, do not wait for them.

import { mount as mountRunner } from "./runner/index.js";

const EARLY = [mountRunner];
const LATE = Promise.all([import("./quiz/mount.js"), import("./timeline/mount.js"), import("./theme_a11y.js")])
  .then((modules) => modules.map((module) => module.mount))
  .catch((error) => {
    console.error("site features failed to load", error);
    return [];
  });

let cleanups = []; // the mounted page's cleanups: instant navigation keeps this module alive
let generation = 0; // the page being mounted; a newer page cancels features not yet mounted
let earlyContent = null; // the content EARLY features were mounted on before document$

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

function newPage() {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  return ++generation;
}

// Each feature mounts in a task of its own: no single long task at load.
function schedule(features, page) {
  for (const mount of features) setTimeout(() => mountFeature(mount, page));
}

// The element instant navigation replaces: tells a new page from the one mounted early.
const content = () => document.querySelector(".md-content");

// The HTML is parsed ("interactive"); Material's deferred bundle has not run yet and
// runs next, before any timer: mount now, not in a task of its own.
function mountEarly() {
  earlyContent = content();
  const page = newPage();
  for (const mount of EARLY) mountFeature(mount, page);
}

// Material's document$: the first page once its bundle has run, then every instant page.
function onDocument() {
  let page = generation;
  if (earlyContent === null || earlyContent !== content()) {
    page = newPage();
    schedule(EARLY, page);
  }
  earlyContent = null;
  LATE.then((mounts) => schedule(mounts, page));
}

function followMaterial() {
  // Material defines document$ in its bundle, which runs before DOMContentLoaded.
  if (window.document$) window.document$.subscribe(onDocument);
  else onDocument();
}

// main.html loads this module (deferred) before Material's deferred bundle: it normally
// runs once the HTML is parsed, with the bundle still to come.
if (document.readyState === "interactive" && !window.document$) {
  mountEarly();
  document.addEventListener("DOMContentLoaded", followMaterial, { once: true });
} else {
  followMaterial();
}
