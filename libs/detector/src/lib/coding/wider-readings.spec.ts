import type { Evidence } from '@icd/contracts';
import { describe, expect, it } from 'vitest';
import { coversWider, widerReadingsFirst } from './wider-readings.js';

const span = (begin: number, end: number): Evidence => ({ begin, end, text: 'x'.repeat(end - begin), section: null });

describe('coversWider', () => {
  it('holds when every span of the inner reading lies in a span of the outer one and the outer reads more', () => {
    expect(coversWider([span(0, 19)], [span(8, 17)])).toBe(true);
    expect(coversWider([span(0, 19), span(40, 50)], [span(8, 17), span(42, 45)])).toBe(true);
  });

  it('does not hold for the same words, a partial overlap or nothing', () => {
    expect(coversWider([span(0, 9)], [span(0, 9)])).toBe(false);
    expect(coversWider([span(0, 9)], [span(5, 12)])).toBe(false);
    expect(coversWider([span(0, 9)], [])).toBe(false);
  });
});

describe('widerReadingsFirst', () => {
  interface Item {
    code: string;
    evidence: Evidence[];
  }
  const hepatitis: Item = { code: 'K75.9', evidence: [span(8, 17)] };
  const chronicB: Item = { code: 'B18.1', evidence: [span(0, 19)] };
  const cough: Item = { code: 'R05.9', evidence: [span(30, 35)] };
  const order = (ranked: Item[], conflicting: boolean) =>
    widerReadingsFirst(ranked, (item) => item.evidence, () => conflicting).map((item) => item.code);

  it('moves a wider reading ahead of the better-ranked narrower one it conflicts with', () => {
    expect(order([cough, hepatitis, chronicB], true)).toEqual(['R05.9', 'B18.1', 'K75.9']);
  });

  it('does not move a reading whose span is wider only because it skips words: it must read as many', () => {
    // "Acute low back pain": "Pain, acute" spans all four words but reads two; "low back pain" reads three.
    const acutePain: Item = { code: 'R52', evidence: [span(0, 19)] };
    const lowBackPain: Item = { code: 'M54.50', evidence: [span(6, 19)] };
    const reads = (item: Item) => (item.code === 'R52' ? 2 : 3);
    const settle = (ranked: Item[]) => widerReadingsFirst(ranked, (item) => item.evidence, () => true, reads).map((item) => item.code);
    expect(settle([lowBackPain, acutePain])).toEqual(['M54.50', 'R52']);
    expect(widerReadingsFirst([lowBackPain, acutePain], (item) => item.evidence, () => true).map((item) => item.code)).toEqual(['R52', 'M54.50']);
  });

  it('puts the narrower of two readings of as many words first where the wider one\'s own note sends it elsewhere', () => {
    // "Severe chest pain": the learned "severe ... pain" (R52) spans the three words but reads two,
    // as "chest pain" (R07.9) does; R52's Excludes1 note sends pain by site to R07.-.
    const severePain: Item = { code: 'R52', evidence: [span(0, 17)] };
    const chestPain: Item = { code: 'R07.9', evidence: [span(7, 17)] };
    const sendsAway = (wider: Item, narrower: Item) => wider.code === 'R52' && narrower.code === 'R07.9';
    const settle = (ranked: Item[], away = sendsAway) => widerReadingsFirst(ranked, (item) => item.evidence, () => true, () => 2, away).map((item) => item.code);
    expect(settle([severePain, chestPain])).toEqual(['R07.9', 'R52']);
    expect(settle([chestPain, severePain])).toEqual(['R07.9', 'R52']);
    expect(settle([chestPain, severePain], () => false)).toEqual(['R52', 'R07.9']);
  });

  it('keeps rank order where the readings do not conflict or neither covers the other', () => {
    expect(order([hepatitis, chronicB], false)).toEqual(['K75.9', 'B18.1']);
    expect(order([cough, hepatitis], true)).toEqual(['R05.9', 'K75.9']);
  });
});
