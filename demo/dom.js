// The demo pages' one DOM helper: an element with attributes and children (text is never parsed as HTML).
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children.filter((c) => c !== undefined && c !== null));
  return node;
}
