/**
 * The one way this UI makes elements. Children that are strings become text nodes and attributes are
 * set one by one, so nothing here ever parses markup: note text, labels from the server and titles
 * from the terminology are all untrusted and stay text.
 */

export type Child = Node | string | number | null | undefined | false;

export interface ElementOptions {
  class?: string;
  /** Attributes by name; `false`, null and undefined leave an attribute out, `true` sets it empty. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  /** Event listeners by event name. */
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.class) element.className = options.class;
  for (const [name, value] of Object.entries(options.attrs ?? {})) setAttr(element, name, value);
  for (const [type, listener] of Object.entries(options.on ?? {})) element.addEventListener(type, listener as EventListener);
  append(element, ...children);
  return element;
}

export function setAttr(element: Element, name: string, value: string | number | boolean | null | undefined): void {
  // Event handler attributes would be code: listeners go through `on`, never through markup.
  if (/^on/i.test(name)) throw new Error(`refusing to set the event attribute ${name}`);
  if (value === false || value === null || value === undefined) element.removeAttribute(name);
  else element.setAttribute(name, value === true ? '' : String(value));
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces all of `parent`'s children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A link within the app; the router turns its clicks into navigation without a page load. */
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return el('a', { attrs: { href } }, ...children);
}

/** Whether a key press belongs to a text field rather than to the page's shortcuts. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function formatScore(score: number): string {
  return `${Math.round(score * 100)}%`;
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
