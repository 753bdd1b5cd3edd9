// ESLint (flat config) for the site's JavaScript: the page and worker modules under
// overrides/, the editor bundle's entry, and the tests' JavaScript. `make lint` runs it.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["site/", "node_modules/", ".venv/"] },
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: "module",
      globals: { ...globals.browser },
    },
    rules: {
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "prefer-const": "error",
      "no-var": "error",
      // Functions stay short: the next person changes one small piece at a time.
      "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
      "max-lines": ["error", { max: 200, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Workers: no DOM, but self/importScripts and friends.
    files: ["overrides/assets/js/runner/worker.js", "tests/browser/threads_harness/worker.js"],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ["overrides/isolation_sw.js"],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: { globals: { ...globals.node } },
  },
];
