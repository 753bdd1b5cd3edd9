// The Python half of the editor (see editor-entry.js): a chunk of its own, evaluated in
// a later task than the view, so neither is one long task.

import { HighlightStyle, syntaxHighlighting, indentOnInput, bracketMatching, indentUnit } from "@codemirror/language";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { keymap } from "@codemirror/view";
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

/** Extensions that make the editor a Python editor. */
export function pythonSupport() {
  return [
    indentUnit.of("    "),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    python(),
    syntaxHighlighting(materialHighlight),
    keymap.of(closeBracketsKeymap),
  ];
}
