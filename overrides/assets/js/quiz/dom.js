// The quiz's DOM helpers. Only fields the build rendered from Markdown (with raw HTML
// escaped) are inserted as HTML, through the `trustedHtml` attribute; the rest is text.

// Element ids must be unique across every quiz on the page: one counter per page load.
let nextId = 0;
export const uniqueId = (prefix) => `${prefix}-${++nextId}`;

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (name === "text") node.textContent = value;
    else if (name === "trustedHtml") {
      node.innerHTML = value; // build-rendered, escaped HTML only
      // Code that may scroll sideways must be reachable by keyboard (Material does this
      // for the page's own code blocks, not for ones added later).
      for (const code of node.querySelectorAll("pre > code")) code.tabIndex = 0;
    }
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter(Boolean));
  return node;
}
