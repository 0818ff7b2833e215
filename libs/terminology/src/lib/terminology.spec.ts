import { describe, expect, it } from 'vitest';
import { createFixtureTerminology } from '../testing.js';

const terminology = createFixtureTerminology();

describe('lookup', () => {
  it('accepts any case, dots and spaces', () => {
    for (const written of ['E11.22', 'e1122', ' e11 22 ', 'E1122']) {
      expect(terminology.lookup(written)?.code).toBe('E11.22');
    }
    expect(terminology.lookup('i10')?.title).toBe('Essential (primary) hypertension');
  });

  it('answers null for unknown and malformed codes', () => {
    expect(terminology.lookup('E11.99')).toBeNull();
    expect(terminology.lookup('hello')).toBeNull();
    expect(terminology.lookup('')).toBeNull();
  });

  it('gives parent, children, chapter and section', () => {
    const record = terminology.lookup('E11.2');
    expect(record?.billable).toBe(false);
    expect(record?.parent?.code).toBe('E11');
    expect(record?.children.map((child) => child.code)).toEqual(['E11.21', 'E11.22', 'E11.29']);
    expect(record?.section).toEqual({ id: 'E08-E13', title: 'Diabetes mellitus (E08-E13)' });
    expect(record?.chapter?.number).toBe('4');
  });

  it('inherits category, section and chapter notes, nearest first, but not inclusion terms', () => {
    const record = terminology.lookup('E11.22');
    expect(record?.notes.useAdditionalCode).toEqual(['to identify stage of chronic kidney disease (N18.1-N18.6)']);
    expect(record?.inheritedNotes.map((entry) => entry.from)).toEqual(['E11', 'chapter 4']);
    expect(record?.inheritedNotes[0].notes.excludes1).toEqual(['diabetes mellitus due to underlying condition (E08.-)']);
    const hypertension = terminology.lookup('I11.0');
    expect(hypertension?.inheritedNotes.find((entry) => entry.from === 'I10-I16')?.notes.useAdditionalCode).toHaveLength(1);
    expect(hypertension?.notes.inclusionTerms).toEqual([]);
  });

  it('gives the notes alone as the record has them', () => {
    for (const code of ['e1122', 'I11.0', 'E11', 'S52.501A']) {
      const record = terminology.lookup(code);
      expect(terminology.notesOf(code)).toEqual({ notes: record?.notes, inheritedNotes: record?.inheritedNotes });
    }
    expect(terminology.notesOf('E11.99')).toBeNull();
    expect(terminology.notesOf('hello')).toBeNull();
  });

  it('gives seventh characters from the ancestor that defines them', () => {
    const record = terminology.lookup('S52.501A');
    expect(record?.seventhCharacters.map((entry) => entry.char)).toEqual(['A', 'D', 'S']);
    expect(record?.addedAfterTabular).toBe(false);
  });

  it('flags codes the Tabular edition does not know', () => {
    expect(terminology.lookup('E11.A')?.addedAfterTabular).toBe(true);
  });

  it('lists the Index entries that lead to a code', () => {
    const record = terminology.lookup('E11.22');
    expect(record?.indexEntries).toHaveLength(1);
    expect(record?.indexEntries[0].path.map((step) => step.title)).toEqual(['Diabetes, diabetic', 'type 2', 'with', 'chronic kidney disease']);
    expect(record?.indexEntries[0].path[0].nemod).toBe('(mellitus) (sugar)');
  });
});

describe('validate', () => {
  it('accepts billable codes', () => {
    expect(terminology.validate('e11.22')).toEqual({ valid: true, code: 'E11.22', title: 'Type 2 diabetes mellitus with diabetic chronic kidney disease' });
    expect(terminology.validate('S52.501A').valid).toBe(true);
  });

  it('explains why a code cannot be reported', () => {
    expect(terminology.validate('E11.2')).toMatchObject({ valid: false, reason: 'header', code: 'E11.2' });
    expect(terminology.validate('S52.501')).toMatchObject({ valid: false, reason: 'needs-seventh-character' });
    expect(terminology.validate('S52.501Z')).toMatchObject({ valid: false, reason: 'invalid-seventh-character' });
    expect(terminology.validate('E11.99')).toMatchObject({ valid: false, reason: 'unknown' });
    expect(terminology.validate('not a code')).toMatchObject({ valid: false, reason: 'malformed' });
  });

  it('suggests what to use instead', () => {
    const header = terminology.validate('E11.2');
    expect(header.valid ? [] : header.suggestions.map((s) => s.code)).toEqual(['E11.21', 'E11.22', 'E11.29']);
    const seventh = terminology.validate('S52.501');
    expect(seventh.valid ? [] : seventh.suggestions.map((s) => s.code)).toEqual(['S52.501A', 'S52.501D', 'S52.501S']);
    const placeholder = terminology.validate('T15.00A');
    expect(placeholder.valid ? [] : placeholder.suggestions.map((s) => s.code)).toEqual(['T15.00XA']);
  });
});

describe('hierarchy', () => {
  it('walks children and ancestors', () => {
    expect(terminology.ancestors('S52.501A').map((a) => a.code)).toEqual(['S52.501', 'S52.50', 'S52.5', 'S52']);
    expect(terminology.children('T15.00').map((c) => c.code)).toEqual(['T15.00XA', 'T15.00XD']);
    expect(terminology.ancestors('I10')).toEqual([]);
  });

  it('names the chapter of any code, header or billable, and null for an unknown one', () => {
    expect(terminology.chapterOf('S52.501A')).toBe('19');
    expect(terminology.chapterOf('E11')).toBe('4');
    expect(terminology.chapterOf('e119')).toBe('4');
    expect(terminology.chapterOf('I10')).toBe('9');
    expect(terminology.chapterOf('X99.9')).toBeNull();
  });
});

describe('version bridge', () => {
  it('resolves a header to the child the classification calls unspecified', () => {
    expect(terminology.resolveBillable('M54.5')?.code).toBe('M54.50');
    expect(terminology.resolveBillable('R51')?.code).toBe('R51.9');
    expect(terminology.resolveBillable('S52.501')).toMatchObject({ code: 'S52.501A', steps: [{ why: 'initial encounter' }] });
    expect(terminology.resolveBillable('I10')).toEqual({ code: 'I10', steps: [] });
  });

  it('carries a moved code to its same-titled successor, and reports codes it cannot place', () => {
    expect(terminology.bridge('N18.39')).toBe('N18.30');
    expect(terminology.compiled.bridged.N1839).toEqual({ code: 'N1830', method: 'successor' });
    expect(terminology.compiled.unplaced).toContainEqual({ code: 'R52', source: 'index' });
    expect(terminology.bridge('R52')).toBeNull();
  });

  it('never hands out a code missing from the code set', () => {
    for (const code of terminology.compiled.indexTermCodes) {
      if (code) expect(terminology.has(code)).toBe(true);
    }
    for (const code of Object.keys(terminology.compiled.notes)) expect(terminology.has(code)).toBe(true);
  });
});

describe('search', () => {
  it('finds codes by title words in any order, plural or misspelt', () => {
    expect(terminology.search('diabetes type 2 kidney chronic')[0].code).toBe('E11.22');
    expect(terminology.search('hypertensive heart failures')[0].code).toBe('I11.0');
    expect(terminology.search('diabetis type 2 withot complications')[0].code).toBe('E11.9');
  });

  it('finds codes through inclusion terms, Index paths and everyday words', () => {
    expect(terminology.search('lumbago').map((hit) => hit.code)).toContain('M54.5');
    expect(terminology.search('high blood pressure')[0].code).toBe('I10');
    expect(terminology.search('heart attack', { limit: 3 }).map((hit) => hit.code)).toContain('I21.9');
    expect(terminology.search('sugar diabetes', { limit: 3 }).map((hit) => hit.code)).toContain('E11.9');
  });

  it('explains each match and scores the best hit 1', () => {
    const hits = terminology.search('type 2 diabetes kidney', { limit: 5 });
    expect(hits[0].score).toBe(1);
    expect(hits.every((hit) => hit.score > 0 && hit.score <= 1)).toBe(true);
    expect(hits[0].matched.source).toMatch(/title|index|inclusion/);
    expect(hits.length).toBeLessThanOrEqual(5);
  });

  it('returns nothing for nonsense and empty queries', () => {
    expect(terminology.search('')).toEqual([]);
    expect(terminology.search('qqqq zzzz')).toEqual([]);
  });
});
