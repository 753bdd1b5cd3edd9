// The one small DOM helper the runner's views share.

/** A new element: `props` are assigned as properties, `children` appended. */
export function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** A type="button" button; `title` (the tooltip) only when given. */
export function button(className, textContent, title) {
  const node = el("button", { type: "button", className, textContent });
  if (title) node.title = title;
  return node;
}
