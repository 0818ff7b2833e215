import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RuleFileError, describeIssuePath, parseRuleFile, readRuleFile } from './rule-file.js';

const schema = z.strictObject({ rules: z.array(z.strictObject({ literal: z.string().min(1) })) });

describe('describeIssuePath', () => {
  it('names the rule index of an issue inside the rule array', () => {
    expect(describeIssuePath(['rules', 12, 'direction'])).toBe('rule 12 (rules[12].direction)');
    expect(describeIssuePath(['entries', 3])).toBe('rule 3 (entries[3])');
    expect(describeIssuePath(['language'])).toBe('language');
    expect(describeIssuePath([])).toBe('(file)');
  });
});

describe('parseRuleFile', () => {
  it('returns the parsed data when valid', () => {
    expect(parseRuleFile(schema, { rules: [{ literal: 'no' }] }, 'x.json')).toEqual({ rules: [{ literal: 'no' }] });
  });

  it('throws a RuleFileError that names the file and each failing rule', () => {
    try {
      parseRuleFile(schema, { rules: [{ literal: 'no' }, { literal: '' }, { literal: 'x', extra: 1 }] }, 'bad.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleFileError);
      const { file, problems, message } = error as RuleFileError;
      expect(file).toBe('bad.json');
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^rule 1 \(rules\[1]\.literal\)/);
      expect(problems[1]).toMatch(/^rule 2 \(rules\[2]\)/);
      expect(message).toMatch(/bad\.json/);
    }
  });
});

describe('readRuleFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'icd-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads and validates a file from disk', () => {
    const path = join(dir, 'good.json');
    writeFileSync(path, JSON.stringify({ rules: [{ literal: 'denies' }] }));
    expect(readRuleFile(path, (raw, file) => parseRuleFile(schema, raw, file))).toEqual({ rules: [{ literal: 'denies' }] });
  });

  it('names the file when it is not JSON', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ "rules": [ ');
    expect(() => readRuleFile(path, (raw, file) => parseRuleFile(schema, raw, file))).toThrow(/broken\.json: not readable as JSON/);
  });

  it('names the file when it is missing', () => {
    expect(() => readRuleFile(join(dir, 'missing.json'), () => null)).toThrow(RuleFileError);
  });
});
