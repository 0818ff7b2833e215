import { describe, expect, it } from 'vitest';
import { fixtureTerminology } from '../__fixtures__/coding.js';
import { createAdditionalCodeRule, createExcludes1Checker } from './excludes-conflicts.js';

const terminology = fixtureTerminology();

describe('Excludes1 notes', () => {
  // E11 carries: Excludes1 "diabetes mellitus due to underlying condition (E08.-)".
  const { conflict: excludes1, keepCompatible, notesOf, names } = createExcludes1Checker(terminology);

  it('keeps apart a code and the range its note names, dotted or not', () => {
    expect(excludes1('E11', 'E08')).toBe(true);
    expect(excludes1('E11', 'E08.22')).toBe(true);
    expect(excludes1('E11', 'E0822')).toBe(true);
  });

  it('applies a note to the descendants of the code that carries it', () => {
    expect(excludes1('E11.9', 'E08.9')).toBe(true);
    expect(excludes1('E11.22', 'E08.22')).toBe(true);
  });

  it('answers the same whichever code comes first', () => {
    expect(excludes1('E08.9', 'E11.9')).toBe(true);
  });

  it('tells which code\'s own note names the other: E11\'s names E08, not the other way round', () => {
    expect(names('E11.9', 'E08.9')).toBe(true);
    expect(names('E08.9', 'E11.9')).toBe(false);
    expect(names('E11.9', 'I10')).toBe(false);
  });

  it('keeps, of a ranked list, each code that no code ranked above it excludes', () => {
    const ranked = ['E11.9', 'I10', 'E08.9', 'E11.22', 'E08.22'].map((code) => ({ code }));
    expect(keepCompatible(ranked, (item) => notesOf(item.code)).map(({ code }) => code)).toEqual(['E11.9', 'I10', 'E11.22']);
    expect(keepCompatible([], notesOf)).toEqual([]);
  });

  it('counts a conflict only between items the caller relates', () => {
    const ranked = [{ code: 'E11.9', mention: 1 }, { code: 'E08.9', mention: 2 }, { code: 'E08.65', mention: 1 }];
    const sameMention = (a: { mention: number }, b: { mention: number }) => a.mention === b.mention;
    expect(keepCompatible(ranked, (item) => notesOf(item.code), sameMention).map(({ code }) => code)).toEqual(['E11.9', 'E08.9']);
  });

  it('lets codes no note names stand together', () => {
    expect(excludes1('E11.9', 'I10')).toBe(false);
    expect(excludes1('E11.9', 'E11.22')).toBe(false);
    expect(excludes1('I10', 'N18.30')).toBe(false);
    expect(excludes1('Q99.9', 'E08.9')).toBe(false);
  });
});

describe('"use additional code" notes', () => {
  const asksFor = createAdditionalCodeRule(terminology);

  it('reads a range: E11.22 asks for the stage of chronic kidney disease (N18.1-N18.6)', () => {
    expect(asksFor('E1122', 'N1830')).toBe(true);
    expect(asksFor('E11.22', 'N18.30')).toBe(true);
    expect(asksFor('E11.22', 'N18.6')).toBe(true);
    expect(asksFor('E11.22', 'N18.9')).toBe(false);
    expect(asksFor('E11.22', 'N17.9')).toBe(false);
    // A code shorter than the range's bounds sorts before the first: the category holds more than the range.
    expect(asksFor('E11.22', 'N18')).toBe(false);
  });

  it('inherits a note from an ancestor: every E11 code asks for insulin use (Z79.4)', () => {
    expect(asksFor('E11.9', 'Z79.4')).toBe(true);
    expect(asksFor('E11.22', 'Z79.4')).toBe(true);
  });

  it('is one-way and ignores notes that name no code', () => {
    expect(asksFor('N18.30', 'E11.22')).toBe(false);
    // The I10-I16 section asks "to identify exposure to tobacco smoke", naming no code.
    expect(asksFor('I11.0', 'I50.9')).toBe(false);
    expect(asksFor('I10', 'Z77.22')).toBe(false);
  });
});

describe('ranges that span letters', () => {
  // A stub code set: S00 excludes "(A00-C99)", and every other code has no notes.
  const stub = {
    notesOf: (code: string) => (code === 'S00' ? { notes: { excludes1: ['infections (A00-C99)'] }, inheritedNotes: [] } : { notes: {}, inheritedNotes: [] }),
  } as unknown as Parameters<typeof createExcludes1Checker>[0];
  const excludes1 = createExcludes1Checker(stub).conflict;

  it('holds every code from the first bound to the last, whatever its letter, and nothing outside', () => {
    expect(excludes1('S00', 'A01.1')).toBe(true);
    expect(excludes1('B20', 'S00')).toBe(true);
    expect(excludes1('S00', 'C99.9')).toBe(true);
    expect(excludes1('S00', 'D00')).toBe(false);
    expect(excludes1('S00', 'a01')).toBe(false);
    expect(excludes1('S00', '')).toBe(false);
  });
});
