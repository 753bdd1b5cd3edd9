// Names and roles Material's own markup lacks (found by axe-core, see
// tests/browser/test_accessibility.py). Material builds some of these in its bundle, so
// they are fixed here, after it mounted each (instant) page.

export function mount(root) {
  // The search overlay has role="dialog" but no name.
  const search = root.querySelector(".md-search[role='dialog']");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search the site");
  // Each code block's copy button sits in its own <nav>: a page with ten code blocks
  // had ten identical navigation landmarks. A button row is not navigation.
  for (const nav of root.querySelectorAll("nav.md-code__nav:not([role])")) nav.setAttribute("role", "none");
  return undefined;
}
