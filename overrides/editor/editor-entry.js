// Entry of the CodeMirror bundle (esbuild -> site/assets/runner/editor.js and a chunk
// per dynamic import, built by sitebuild/assets.py; never committed). Loaded only when a
// reader shows intent.
//
// Opening the editor is cut into main-thread tasks of their own, none long: this entry
// (view and state) is evaluated, the view is created with plain text, then the Python
// language (parser tables, highlighting, bracket closing: editor-python.js) is evaluated
// in a later task and switched on through a compartment.
//
// Colours come from Material's CSS variables, so the editor follows the light/dark
// palette switch without any code. Tab is left to move focus (no indentWithTab), so
// keyboard users are never trapped in the editor.

import { EditorView, keymap, lineNumbers, highlightActiveLineGutter, drawSelection } from "@codemirror/view";
import { Compartment, EditorState, Prec } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";

const materialTheme = EditorView.theme({
  "&": {
    color: "var(--md-code-fg-color)",
    backgroundColor: "var(--md-code-bg-color)",
    fontSize: "0.85em",
  },
  "&.cm-focused": { outline: "2px solid var(--md-accent-fg-color)", outlineOffset: "-2px" },
  ".cm-scroller": { fontFamily: "var(--md-code-font-family)", lineHeight: "1.4" },
  ".cm-content": { padding: "0.77em 0", caretColor: "var(--md-code-fg-color)" },
  ".cm-line": { padding: "0 1.18em 0 0.6em" },
  ".cm-gutters": {
    backgroundColor: "var(--md-code-bg-color)",
    color: "var(--md-code-hl-comment-color)",
    border: "none",
  },
  // A tinted active line took syntax colours below 4.5:1: mark its number instead.
  ".cm-activeLineGutter": { backgroundColor: "transparent", color: "var(--md-code-fg-color)", fontWeight: "700" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--md-code-fg-color)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground":
    { backgroundColor: "var(--md-accent-fg-color--transparent)" },
  "&.cm-focused .cm-matchingBracket": { backgroundColor: "var(--md-accent-fg-color--transparent)" },
});

// A task boundary: what follows runs after the browser has had a chance to paint and
// handle input.
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

// Python support, loaded (once per page) after the first editor is on screen.
let pythonChunk = null;

/**
 * Make `parent` an editor holding `doc`. Returns a small handle so the runner never
 * touches CodeMirror's API directly. The text is editable at once; highlighting and
 * bracket help follow a task or two later.
 *   onRun(): called on Ctrl/Cmd-Enter.  onChange(text): after each edit.
 */
export function createEditor(parent, doc, { onRun, onChange, label } = {}) {
  const language = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLineGutter(),
        materialTheme,
        Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (onRun?.(), true) }])),
        language.of([]), // before the default keymap: bracket keys take precedence
        keymap.of([...defaultKeymap, ...historyKeymap]),
        // tabindex: the scroller's only focusable content is this contenteditable, which
        // axe (and some assistive tech) do not count as focusable without it.
        EditorView.contentAttributes.of({ "aria-label": label || "Python code editor", tabindex: "0" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange?.(update.state.doc.toString());
        }),
      ],
    }),
  });
  let destroyed = false;
  pythonChunk ??= nextTask().then(() => import("./editor-python.js"));
  pythonChunk
    .then(async ({ pythonSupport }) => {
      await nextTask();
      if (!destroyed) view.dispatch({ effects: language.reconfigure(pythonSupport()) });
    })
    .catch((error) => console.warn("Python highlighting unavailable", error));
  return {
    getValue: () => view.state.doc.toString(),
    setValue(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
    destroy: () => {
      destroyed = true;
      view.destroy();
    },
  };
}
