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

function mountAll() {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  for (const mount of features) {
    try {
      const cleanup = mount(document);
      if (typeof cleanup === "function") cleanups.push(cleanup);
    } catch (error) {
      console.error("site feature failed to mount", error);
    }
  }
}

// Material defines document$ in its bundle, which loads before this module runs.
if (window.document$) window.document$.subscribe(mountAll);
else mountAll();
