// The only way the trace viewer builds DOM: elements by name, attributes by setAttribute, text by
// textContent. Trace text is attacker-controlled (a peer's certificate names, a log line) and is
// never parsed as HTML: there is no innerHTML anywhere in the viewer.

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(
  tag: string,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): SVGElement {
  const e = document.createElementNS(SVG_NS, tag) as SVGElement;
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

function setAttrs(e: Element, attrs: Record<string, string | number | boolean | undefined>): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) {
      continue;
    }
    e.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(e: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) {
      continue;
    }
    e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** A codicon (the font comes from @vscode/codicons through the viewer's stylesheet). */
export function icon(name: string, label?: string): HTMLSpanElement {
  const s = el('span', { class: `codicon codicon-${name}` });
  if (label) {
    s.setAttribute('role', 'img');
    s.setAttribute('aria-label', label);
  } else {
    s.setAttribute('aria-hidden', 'true');
  }
  return s;
}

export function clear(e: Element): void {
  e.replaceChildren();
}

/**
 * Markdown of a code's explanation as plain text for a tooltip: emphasis and code marks dropped,
 * links shown as "text (url)". The markdown is never rendered, so nothing in it can become markup.
 */
export function markdownToText(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\n{3,}/g, '\n\n');
}
