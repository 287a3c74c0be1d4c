/** Small DOM helpers for the page. */

/** Creates an element with properties and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Wraps chart markup we generated from numbers and fixed labels (no user or scenario text). */
export function chart(svg: string): HTMLElement {
  const box = el('div', { className: 'chart-box' });
  box.innerHTML = svg;
  return box;
}
