/** Keyboard shortcuts of the review page; ignored while the coder types in a field. */
import { isTyping } from '../dom.js';
import type { DecisionChange } from './review-state.js';

export interface ReviewKeyActions {
  move(step: 1 | -1): void;
  decide(change: DecisionChange): void;
  openReplace(): void;
}

export function listenForReviewKeys(actions: ReviewKeyActions): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event)) return;
    const inList = (event.target as Element | null)?.closest?.('.code-list') !== null;
    const handled = handle(event.key, inList, actions);
    if (handled) event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}

function handle(key: string, inList: boolean, actions: ReviewKeyActions): boolean {
  switch (key) {
    case 'j':
      actions.move(1);
      return true;
    case 'k':
      actions.move(-1);
      return true;
    // Arrows only inside the list: elsewhere they scroll the page.
    case 'ArrowDown':
    case 'ArrowUp':
      if (!inList) return false;
      actions.move(key === 'ArrowDown' ? 1 : -1);
      return true;
    case 'a':
      actions.decide({ kind: 'accept' });
      return true;
    case 'r':
      actions.decide({ kind: 'reject' });
      return true;
    case 'u':
      actions.decide({ kind: 'clear' });
      return true;
    case 'e':
      actions.openReplace();
      return true;
    default:
      return false;
  }
}
