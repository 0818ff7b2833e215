import { describe, expect, it } from 'vitest';
import { fixtureTerminology } from '../__fixtures__/coding.js';
import { contentStems } from '../dictionary/stems.js';
import { createCodeNarrower, createEntryNarrower } from './narrow-code.js';

const narrow = createCodeNarrower(fixtureTerminology());

/** The stems of a sentence, as resolve-codes gives them to the narrower. */
const words = (sentence: string) => new Set(contentStems(sentence));

describe('narrowing a header by the words of the sentence', () => {
  it('returns a billable code as it is', () => {
    expect(narrow('I10', words(''))).toEqual({ code: 'I10', supported: true });
    expect(narrow('E11.22', words(''))).toEqual({ code: 'E11.22', supported: true });
  });

  it('reads the context only for a header, so that resolve-codes can work it out lazily', () => {
    const unread = { has: (): boolean => { throw new Error('context read'); } };
    expect(narrow('E11.22', unread)).toEqual({ code: 'E11.22', supported: true });
    const asked: string[] = [];
    const recording = { has: (stem: string) => (asked.push(stem), words('left radius fracture').has(stem)) };
    expect(narrow('S52', recording)?.code).toBe('S52.502A');
    expect(asked.length).toBeGreaterThan(0);
  });

  it('returns null for a code the code set lacks', () => {
    expect(narrow('Q99', words('anything'))).toBeNull();
  });

  it('takes, at each level, the child the sentence names: side, then encounter', () => {
    expect(narrow('S52', words('Fracture of the lower end of the left radius'))?.code).toBe('S52.502A');
    expect(narrow('S52', words('Fracture of the lower end of the right radius'))?.code).toBe('S52.501A');
  });

  it('reads a stage the sentence gives', () => {
    expect(narrow('N18.3', words('chronic kidney disease stage 3a'))).toEqual({ code: 'N18.31', supported: true });
    expect(narrow('N18.3', words('chronic kidney disease stage 3b'))).toEqual({ code: 'N18.32', supported: true });
  });

  it('falls back to the child that adds nothing to the header, and says it was not supported', () => {
    expect(narrow('N18.3', words('chronic kidney disease stage 3'))).toEqual({ code: 'N18.30', supported: false });
    expect(narrow('N18', words('chronic kidney disease'))).toEqual({ code: 'N18.9', supported: false });
    expect(narrow('R51', words('headache'))).toEqual({ code: 'R51.9', supported: false });
  });

  it('prefers the "unspecified" default to an "other" child that adds nothing either', () => {
    expect(narrow('M54.5', words('low back pain'))).toEqual({ code: 'M54.50', supported: false });
    expect(narrow('M54.5', words('vertebrogenic low back pain'))).toEqual({ code: 'M54.51', supported: true });
  });
});

describe('the seventh character from encounter words', () => {
  const leftRadius = 'fracture of the lower end of the left radius';

  it('is the initial encounter unless the sentence says otherwise', () => {
    expect(narrow('S52.502', words(leftRadius))?.code).toBe('S52.502A');
    expect(narrow('S52.502', words(`${leftRadius}, initial encounter`))?.code).toBe('S52.502A');
  });

  it('is the subsequent encounter for follow-up words', () => {
    expect(narrow('S52.502', words(`${leftRadius}, subsequent encounter`))).toEqual({ code: 'S52.502D', supported: true });
    expect(narrow('S52.502', words(`${leftRadius}, seen for follow-up`))?.code).toBe('S52.502D');
  });

  it('is the sequela for sequela words', () => {
    expect(narrow('S52.502', words(`sequela of ${leftRadius}`))).toEqual({ code: 'S52.502S', supported: true });
  });

  it('keeps an X placeholder before the seventh character', () => {
    expect(narrow('T15.00', words('foreign body in cornea'))?.code).toBe('T15.00XA');
    expect(narrow('T15', words('foreign body in cornea, subsequent encounter'))?.code).toBe('T15.00XD');
  });
});

describe('narrowing the code of a dictionary entry', () => {
  const terminology = fixtureTerminology();
  const entries = [{ code: 'E1122' }, { code: 'S52' }, { code: 'Q99' }];
  const narrowEntry = createEntryNarrower(entries, narrow, (code) => terminology.summary(code));

  it('answers as narrowing the entry\'s code does', () => {
    const context = words('Fracture of the lower end of the right radius');
    entries.forEach((entry, id) => expect(narrowEntry(id, context)).toEqual(narrow(entry.code, context)));
  });

  it('keeps the answer for a billable code, which no context changes, and asks again for a header', () => {
    expect(narrowEntry(0, words(''))).toBe(narrowEntry(0, words('anything')));
    expect(narrowEntry(1, words('left radius fracture'))?.code).toBe('S52.502A');
    expect(narrowEntry(1, words('right radius fracture'))?.code).toBe('S52.501A');
  });
});

describe('narrowing from a kept start', () => {
  it('narrows as narrowing the code does', () => {
    const context = new Set(['left', 'radius', 'subsequent']);
    for (const code of ['S52', 'I10', 'Q99']) expect(narrow.narrowFrom(narrow.narrowingStart(code), context)).toEqual(narrow(code, context));
  });
});
