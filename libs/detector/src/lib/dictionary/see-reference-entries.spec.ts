import type { CompiledTerminology } from '@icd/terminology';
import { describe, expect, it } from 'vitest';
import { seeReferenceEntries } from './see-reference-entries.js';
import { contentStems } from './stems.js';

interface TermSpec {
  parent: number;
  title: string;
  code?: string;
  see?: string;
}

/** The two fields of a compiled terminology the function reads, from a list of Index terms. */
function modelOf(terms: readonly TermSpec[]): CompiledTerminology {
  return {
    indexTerms: terms.map((term, id) => ({ id, parent: term.parent, level: 0, title: term.title, nemod: '', source: 'index', code: term.code, see: term.see })),
    indexTermCodes: terms.map((term) => term.code?.replace('.', '') ?? null),
  } as unknown as CompiledTerminology;
}

const BILE_DUCT: TermSpec[] = [
  { parent: -1, title: 'Choledocholithiasis', see: 'Calculus, bile duct' },
  { parent: -1, title: 'Calculus, calculi, calculous', code: 'N20.9' },
  { parent: 1, title: 'bile duct', code: 'K80.50' },
  { parent: 2, title: 'with' },
  { parent: 3, title: 'cholangitis', code: 'K80.30' },
  { parent: 4, title: 'acute', code: 'K80.32' },
  { parent: 2, title: 'cystic', code: 'K80.20' },
  { parent: -1, title: 'Hepatoma', see: 'Neoplasm, liver, by site' },
];

/** Each term's own path stems, as the Index entries work them out. */
function pathVariants(terms: readonly TermSpec[]): string[][][] {
  return terms.map((term) => [contentStems(term.title)]);
}

/** Each term's whole path's stems, its ancestors' titles included. */
function pathVariantsOfPaths(terms: readonly TermSpec[]): string[][][] {
  const stemsOf = (id: number): string[] => (id < 0 ? [] : [...new Set([...stemsOf(terms[id].parent), ...contentStems(terms[id].title)])]);
  return terms.map((_, id) => [stemsOf(id)]);
}

describe('seeReferenceEntries', () => {
  const drafts = seeReferenceEntries(modelOf(BILE_DUCT), pathVariants(BILE_DUCT), 0.5);

  it('names the target\'s "with" subterms with the referring term\'s words, as combinations', () => {
    expect(drafts.map((draft) => [draft.code, [...draft.stems].sort()])).toEqual([
      ['K8030', [...contentStems('choledocholithiasis cholangitis')].sort()],
      ['K8032', [...contentStems('choledocholithiasis cholangitis acute')].sort()],
    ]);
    expect(drafts.every((draft) => draft.combination === true && draft.source === 'index' && draft.prior === 0.5)).toBe(true);
    expect(drafts[1].display).toBe('Index: Choledocholithiasis (see Calculus, bile duct) > with > cholangitis > acute');
  });

  it('leaves out subterms that are no combination, and references that name no subterm', () => {
    expect(drafts.some((draft) => draft.code === 'K8020')).toBe(false);
    expect(drafts.some((draft) => draft.display.startsWith('Index: Hepatoma'))).toBe(false);
  });

  it('takes a referring subterm to the target\'s child of its name, with every variant there: "Ulcer, heel - see Ulcer, lower limb"', () => {
    const ulcer: TermSpec[] = [
      { parent: -1, title: 'Ulcer, ulcerated' },
      { parent: 0, title: 'heel', see: 'Ulcer, lower limb' },
      { parent: 0, title: 'lower limb', code: 'L97.909' },
      { parent: 2, title: 'heel', code: 'L97.409' },
      { parent: 3, title: 'left', code: 'L97.429' },
      { parent: 2, title: 'thigh', code: 'L97.109' },
    ];
    const found = seeReferenceEntries(modelOf(ulcer), pathVariantsOfPaths(ulcer), 0.5);
    expect(found.map((draft) => [draft.code, [...draft.stems].sort()])).toEqual([
      ['L97409', [...contentStems('ulcer heel')].sort()],
      ['L97429', [...contentStems('ulcer heel left')].sort()],
    ]);
    expect(found[1].display).toBe('Index: Ulcer, ulcerated > heel (see Ulcer, lower limb) > heel > left');
    expect(found.every((draft) => draft.combination === undefined)).toBe(true);
  });

  it('finds a reference under the referring term\'s own main term among those sharing its first word, and reads a target that names the referring term itself', () => {
    // "Fracture, traumatic > femur > neck - see Fracture, femur, upper end, neck": "Fracture, burst" comes first in the Index.
    const fracture: TermSpec[] = [
      { parent: -1, title: 'Fracture, burst', see: 'Fracture, traumatic, by site' },
      { parent: -1, title: 'Fracture, pathological' },
      { parent: 1, title: 'femur', code: 'M84.459' },
      { parent: -1, title: 'Fracture, traumatic' },
      { parent: 3, title: 'femur, femoral', code: 'S72.9-' },
      { parent: 4, title: 'neck', see: 'Fracture, femur, upper end, neck' },
      { parent: 4, title: 'upper end', code: 'S72.10-' },
      { parent: 6, title: 'neck', code: 'S72.00-' },
      { parent: 7, title: 'base', code: 'S72.04-' },
      { parent: 7, title: 'specified NEC', code: 'S72.09-' },
    ];
    const found = seeReferenceEntries(modelOf(fracture), pathVariantsOfPaths(fracture), 0.5);
    expect(found.map((draft) => [draft.code, [...draft.stems].sort()])).toEqual([
      ['S7200-', [...contentStems('fracture traumatic femur femoral neck')].sort()],
      ['S7204-', [...contentStems('fracture traumatic femur femoral neck base')].sort()],
    ]);
    expect(found[1].display).toBe('Index: Fracture, traumatic > femur, femoral > neck (see Fracture, femur, upper end, neck) > base');
  });

  it('leaves out a target too broad to be one condition\'s variants', () => {
    const broad: TermSpec[] = [
      { parent: -1, title: 'Nephropathy', see: 'Disease, kidney' },
      { parent: -1, title: 'Disease, diseased' },
      { parent: 1, title: 'kidney' },
      { parent: 2, title: 'with' },
      ...Array.from({ length: 70 }, (_, i) => ({ parent: 3, title: `condition ${i}`, code: 'N28.9' })),
    ];
    expect(seeReferenceEntries(modelOf(broad), pathVariants(broad), 0.5)).toEqual([]);
  });
});
