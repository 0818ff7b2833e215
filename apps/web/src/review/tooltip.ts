/** One floating description box, shown next to the highlight under the pointer or with focus. */
import { el, replaceChildren, type Child } from '../dom.js';

export interface Tooltip {
  element: HTMLElement;
  show(anchor: Element, ...content: Child[]): void;
  hide(): void;
  /** The highlight it is shown for, if any. */
  readonly anchor: Element | null;
}

const GAP = 6;

export function createTooltip(id: string): Tooltip {
  const element = el('div', { class: 'tooltip', attrs: { id, role: 'tooltip', hidden: true } });
  let anchor: Element | null = null;
  return {
    element,
    get anchor() {
      return anchor;
    },
    show(target, ...content) {
      anchor?.removeAttribute('aria-describedby');
      anchor = target;
      replaceChildren(element, ...content);
      element.hidden = false;
      target.setAttribute('aria-describedby', id);
      place(element, target);
    },
    hide() {
      anchor?.removeAttribute('aria-describedby');
      anchor = null;
      element.hidden = true;
    },
  };
}

/** Below the first line of the highlight, or above it when there is no room; kept inside the window. */
function place(tooltip: HTMLElement, target: Element): void {
  const rect = target.getClientRects()[0] ?? target.getBoundingClientRect();
  tooltip.style.setProperty('left', '0px');
  tooltip.style.setProperty('top', '0px');
  const { width, height } = tooltip.getBoundingClientRect();
  const left = Math.max(GAP, Math.min(rect.left, window.innerWidth - width - GAP));
  const below = rect.bottom + GAP;
  const top = below + height <= window.innerHeight - GAP ? below : Math.max(GAP, rect.top - height - GAP);
  tooltip.style.setProperty('left', `${Math.round(left)}px`);
  tooltip.style.setProperty('top', `${Math.round(top)}px`);
}
