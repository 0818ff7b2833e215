/** Checkboxes that show or set aside the mentions of each assertion kind (negated, family, …). */
import type { DetectionResult } from '@icd/contracts';
import { el } from '../dom.js';
import { ASSERTION_FLAGS, flagsOf, setApartMentions, type AssertionFlag } from '../highlight/highlight-spans.js';
import { FLAG_BADGES, FLAG_LABELS } from './highlight-details.js';

export function buildAssertionToggles(result: DetectionResult, onChange: (hidden: ReadonlySet<AssertionFlag>) => void): HTMLElement {
  const mentions = setApartMentions(result);
  const hidden = new Set<AssertionFlag>();
  const count = (flag: AssertionFlag) => mentions.filter((mention) => flagsOf(mention.assertion).includes(flag)).length;
  const toggles = ASSERTION_FLAGS.map((flag) => {
    const input = el('input', { attrs: { type: 'checkbox', checked: true, 'data-flag': flag, disabled: count(flag) === 0 } });
    input.addEventListener('change', () => {
      if (input.checked) hidden.delete(flag);
      else hidden.add(flag);
      onChange(hidden);
    });
    return el('label', { class: 'toggle' }, input, el('span', { class: 'badge-sample', attrs: { 'aria-hidden': 'true' } }, FLAG_BADGES[flag]), ` ${FLAG_LABELS[flag]} (${count(flag)})`);
  });
  return el(
    'fieldset',
    { class: 'doc-toolbar' },
    el('legend', {}, 'Mentions not coded, shown apart'),
    ...toggles,
  );
}
