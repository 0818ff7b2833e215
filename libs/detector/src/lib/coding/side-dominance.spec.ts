import { describe, expect, it } from 'vitest';
import { contentStems } from '../dictionary/stems.js';
import { dominanceSiblings, withSideDominance } from './side-dominance.js';

// G81.9's children, titled as FY2026 titles them ("nondominant"); I69.35-'s write "non-dominant".
const HEMIPLEGIA = [
  { code: 'G81.90', title: 'Hemiplegia, unspecified affecting unspecified side', billable: true },
  { code: 'G81.91', title: 'Hemiplegia, unspecified affecting right dominant side', billable: true },
  { code: 'G81.92', title: 'Hemiplegia, unspecified affecting left dominant side', billable: true },
  { code: 'G81.93', title: 'Hemiplegia, unspecified affecting right nondominant side', billable: true },
  { code: 'G81.94', title: 'Hemiplegia, unspecified affecting left nondominant side', billable: true },
];
const SEQUELA = [
  { code: 'I69.352', title: 'Hemiplegia and hemiparesis following cerebral infarction affecting left dominant side', billable: true },
  { code: 'I69.354', title: 'Hemiplegia and hemiparesis following cerebral infarction affecting left non-dominant side', billable: true },
];

const contextOf = (text: string) => {
  const stems = new Set(contentStems(text));
  return { has: (stem: string) => stems.has(stem) };
};
const chosen = (children: typeof HEMIPLEGIA, picked: string, text: string) =>
  children[withSideDominance(children, dominanceSiblings(children), children.findIndex((child) => child.code === picked), contextOf(text))].code;

describe('side dominance', () => {
  it('pairs each side with its other dominance, however the title spells "non-dominant"', () => {
    expect([...(dominanceSiblings(HEMIPLEGIA) ?? [])]).toEqual([-1, 3, 4, 1, 2]);
    expect([...(dominanceSiblings(SEQUELA) ?? [])]).toEqual([1, 0]);
    expect(dominanceSiblings([{ code: 'I10', title: 'Essential (primary) hypertension', billable: true }])).toBeNull();
  });

  it('takes the left side as non-dominant and the right as dominant where the note does not say', () => {
    expect(chosen(HEMIPLEGIA, 'G81.92', 'left hemiparesis')).toBe('G81.94');
    expect(chosen(HEMIPLEGIA, 'G81.93', 'right hemiparesis')).toBe('G81.91');
    expect(chosen(SEQUELA, 'I69.352', 'left hemiparesis after a stroke')).toBe('I69.354');
  });

  it('follows the note where it says which side is dominant', () => {
    expect(chosen(HEMIPLEGIA, 'G81.94', 'hemiparesis of the left dominant side')).toBe('G81.92');
    expect(chosen(HEMIPLEGIA, 'G81.91', 'right non-dominant hemiparesis')).toBe('G81.93');
    expect(chosen(HEMIPLEGIA, 'G81.91', 'right nondominant hemiparesis')).toBe('G81.93');
    expect(chosen(HEMIPLEGIA, 'G81.90', 'left hemiparesis')).toBe('G81.90');
  });
});
