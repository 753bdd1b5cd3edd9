// Loads the CodeMirror bundle (built by the site build into assets/runner/editor.js)
// once per page load, only when a reader shows intent to edit or run.

let bundle = null; // the import promise: one load per page load, shared by every block

export function loadEditor() {
  bundle ??= import(new URL("../../runner/editor.js", import.meta.url).href).catch((error) => {
    bundle = null; // let a later intent try again
    throw error;
  });
  return bundle;
}
