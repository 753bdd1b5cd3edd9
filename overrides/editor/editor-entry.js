// Entry of the CodeMirror bundle (esbuild -> site/assets/runner/editor.js, built by
// sitebuild/assets.py; never committed). Loaded only when a reader shows intent.
//
// Colours come from Material's CSS variables, so the editor follows the light/dark
// palette switch without any code. Tab is left to move focus (no indentWithTab), so
// keyboard users are never trapped in the editor.

import { EditorView, keymap, lineNumbers, highlightActiveLineGutter, drawSelection } from "@codemirror/view";
import { EditorState, Prec } from "@codemirror/state";
import {
  HighlightStyle,
  syntaxHighlighting,
  indentOnInput,
  bracketMatching,
  indentUnit,
} from "@codemirror/language";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { python } from "@codemirror/lang-python";
import { tags as t } from "@lezer/highlight";

const v = (name) => `var(--md-code-hl-${name}-color)`;

const materialHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: v("keyword") },
  { tag: [t.string, t.special(t.string)], color: v("string") },
  { tag: [t.number, t.bool, t.null], color: v("number") },
  { tag: [t.comment, t.lineComment], color: v("comment"), fontStyle: "italic" },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.definition(t.function(t.variableName))], color: v("function") },
  { tag: [t.className, t.definition(t.className)], color: v("constant") },
  { tag: [t.self, t.standard(t.variableName)], color: v("special") },
  { tag: [t.operator, t.punctuation, t.bracket], color: v("punctuation") },
  { tag: t.variableName, color: v("name") },
  { tag: t.invalid, color: v("special"), textDecoration: "underline wavy" },
]);

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

/**
 * Make `parent` an editor holding `doc`. Returns a small handle so the runner never
 * touches CodeMirror's API directly.
 *   onRun(): called on Ctrl/Cmd-Enter.  onChange(text): after each edit.
 */
export function createEditor(parent, doc, { onRun, onChange, label } = {}) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        indentUnit.of("    "),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLineGutter(),
        python(),
        syntaxHighlighting(materialHighlight),
        materialTheme,
        Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (onRun?.(), true) }])),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap]),
        // tabindex: the scroller's only focusable content is this contenteditable, which
        // axe (and some assistive tech) do not count as focusable without it.
        EditorView.contentAttributes.of({ "aria-label": label || "Python code editor", tabindex: "0" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange?.(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    getValue: () => view.state.doc.toString(),
    setValue(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
