import { describe, expect, it } from 'vitest';
import { loadSequelaLinks, parseSequelaLinks, sequelaCategoryOf, sequelaCodeFor } from './sequela-links.js';

const links = loadSequelaLinks({ isBillable: () => true });

describe('sequela links', () => {
  it('names the I69 category of each kind of event, and none for other codes', () => {
    expect(sequelaCategoryOf(links, 'I63.9')).toBe('I69.3');
    expect(sequelaCategoryOf(links, 'I61.9')).toBe('I69.1');
    expect(sequelaCategoryOf(links, 'G45.9')).toBeNull();
  });

  it('builds the I69 code from the event and the deficit, side and dominance included', () => {
    expect(sequelaCodeFor(links, 'I69.3', 'G81.94')).toBe('I69.354');
    expect(sequelaCodeFor(links, 'I69.1', 'R47.01')).toBe('I69.120');
    expect(sequelaCodeFor(links, 'I69.3', 'R13.12')).toBe('I69.391');
    expect(sequelaCodeFor(links, 'I69.3', 'J18.9')).toBeNull();
  });

  it('proposes no code the loaded code set does not bill', () => {
    const small = loadSequelaLinks({ isBillable: (code) => code !== 'I69.354' });
    expect(sequelaCodeFor(small, 'I69.3', 'G81.94')).toBeNull();
    expect(sequelaCodeFor(small, 'I69.3', 'G81.91')).toBe('I69.351');
  });

  it('refuses a rule file with a malformed entry, naming the file and the entry', () => {
    const valid = { events: [{ prefixes: ['I63'], sequelaCategory: 'I69.3' }], combinedWords: {}, sequelaCues: ['residual'], causeCues: ['from'], blockingWords: ['new'], deficits: { 'G81.91': '51' }, keepDeficitCode: [] };
    expect(() => parseSequelaLinks(valid, { isBillable: () => true })).not.toThrow();
    expect(() => parseSequelaLinks({ ...valid, deficits: { 'G81.91': '5' } }, { isBillable: () => true })).toThrow(/sequela-links\.en\.json: deficits\.G81\.91: /);
    expect(() => parseSequelaLinks({ ...valid, sequelaCues: ['Residual'] }, { isBillable: () => true })).toThrow(/sequela-links\.en\.json: sequelaCues\.0: lower-case words/);
  });
});
