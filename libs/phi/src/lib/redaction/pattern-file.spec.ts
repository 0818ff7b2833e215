import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PatternFileError, parsePhiPatterns, readPhiPatterns } from './pattern-file.js';
import { createRedactor, loadDefaultPhiPatterns } from './redact.js';

const base = {
  language: 'en',
  lists: { TITLES: ['Dr', 'Mr'] },
  fragments: { DIGITS: '\\d{4}', CUE_CONNECTOR: '[ \\t]{0,3}[:#]?[ \\t]{0,3}' },
  names: { notNames: ['Patient'], eponyms: ['Parkinson'], eponymHeads: ['disease'] },
};
const withRules = (...rules: object[]) => ({ ...base, rules });
const problemsOf = (raw: unknown): string[] => {
  try {
    parsePhiPatterns(raw, 'test.json');
  } catch (error) {
    if (error instanceof PatternFileError) return [...error.problems];
    throw error;
  }
  return [];
};

describe('the shipped pattern file', () => {
  it('is valid and covers every identifier type', () => {
    const patterns = loadDefaultPhiPatterns();
    const types = new Set(patterns.rules.map((rule) => rule.type));
    expect(types.size).toBe(17);
  });
});

describe('parsePhiPatterns', () => {
  it('accepts pattern rules and cue rules, with templates', () => {
    const patterns = parsePhiPatterns(
      withRules(
        { id: 'pin', type: 'ACCOUNT', cues: ['pin'], value: '{{DIGITS}}' },
        { id: 'title', type: 'NAME', pattern: '{{TITLES}}\\. (?<NAME>\\p{Lu}\\p{Ll}{1,20})' },
      ),
    );
    const redactor = createRedactor(patterns);
    expect(redactor.redact('PIN: 1234, seen by Dr. Kay').text).toBe('PIN: [ACCOUNT], seen by Dr. [NAME]');
  });

  it.each([
    [{ id: 'x', type: 'SSN', pattern: '(\\d{3})-\\d{2}' }, /unnamed capturing groups/],
    [{ id: 'x', type: 'SSN', pattern: '(?<nope>\\d{3})' }, /named groups must be/],
    [{ id: 'x', type: 'SSN', pattern: '\\d{3}(' }, /does not compile/],
    [{ id: 'x', type: 'SSN', pattern: '\\d*' }, /empty string/],
    [{ id: 'x', type: 'SSN', pattern: '(?:\\d+-)+' }, /repeated/],
    [{ id: 'x', type: 'SSN', pattern: '{{MISSING}}' }, /unknown template \{\{MISSING\}\}/],
    [{ id: 'x', type: 'SSN', cues: ['ssn'] }, /either `pattern`, or both `cues` and `value`/],
    [{ id: 'x', type: 'NOT_A_TYPE', pattern: 'a' }, /rules\.0\.type/],
    [{ id: 'Bad Id', type: 'SSN', pattern: 'a' }, /lower-case words/],
    [{ id: 'x', type: 'NAME', pattern: '\\p{Lu}\\p{Ll}{1,9}', caseInsensitive: true }, /rely on capitals/],
  ])('rejects %j', (rule, message) => {
    expect(problemsOf(withRules(rule)).join('\n')).toMatch(message);
  });

  it('rejects repeated rule ids and self-referencing fragments, naming the file', () => {
    const rule = { id: 'a', type: 'SSN', pattern: '\\d{3}' };
    expect(problemsOf(withRules(rule, rule)).join('\n')).toMatch(/repeats rule 0/);
    const looping = { ...withRules(rule), fragments: { LOOP: '{{LOOP}}' } };
    expect(problemsOf(looping).join('\n')).toMatch(/nest too deeply/);
    expect(() => parsePhiPatterns(withRules(rule, rule), 'custom.json')).toThrow(/invalid PHI pattern file custom\.json/);
  });

  it('reads a deployment-supplied file from disk, and reports unreadable JSON', () => {
    const folder = mkdtempSync(join(tmpdir(), 'phi-patterns-'));
    const good = join(folder, 'good.json');
    writeFileSync(good, JSON.stringify(withRules({ id: 'a', type: 'SSN', pattern: '\\d{3}-\\d{2}-\\d{4}' })));
    expect(readPhiPatterns(good).rules).toHaveLength(1);
    const bad = join(folder, 'bad.json');
    writeFileSync(bad, '{ not json');
    expect(() => readPhiPatterns(bad)).toThrow(/bad\.json: not readable as JSON/);
  });
});
