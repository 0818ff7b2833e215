import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_FILES, loadDefaultRules, loadRulesFromFiles } from './detector-rules.js';
import { RuleFileError } from './rule-file.js';

describe('loadDefaultRules', () => {
  it('validates the shipped files once and shares the result', () => {
    expect(loadDefaultRules()).toBe(loadDefaultRules());
  });

  it('ships rule sets of a useful size', () => {
    const rules = loadDefaultRules();
    expect(rules.sections.rules.length).toBeGreaterThanOrEqual(100);
    expect(rules.context.rules.length).toBeGreaterThanOrEqual(200);
    expect(rules.abbreviations.entries.length).toBeGreaterThanOrEqual(300);
    expect(rules.abbreviations.entries.filter((entry) => entry.senses.length > 1).length).toBeGreaterThanOrEqual(20);
  });

  it('writes no expansion with a hyphenated "anti-": its words would name the condition ("anti-inflammatory" an inflammation)', () => {
    const expansions = loadDefaultRules().abbreviations.entries.flatMap((entry) => entry.senses.map((sense) => sense.expansion));
    expect(expansions).toContain('nonsteroidal antiinflammatory drug');
    expect(expansions.filter((expansion) => /\banti-/i.test(expansion))).toEqual([]);
  });

  it('covers every ConText category and direction', () => {
    const rules = loadDefaultRules().context.rules;
    expect(new Set(rules.map((rule) => rule.category).filter(Boolean))).toEqual(
      new Set(['NEGATED_EXISTENCE', 'POSSIBLE_EXISTENCE', 'HYPOTHETICAL', 'HISTORICAL', 'FAMILY']),
    );
    expect(new Set(rules.map((rule) => rule.direction))).toEqual(
      new Set(['FORWARD', 'BACKWARD', 'BIDIRECTIONAL', 'TERMINATE', 'PSEUDO']),
    );
  });
});

describe('loadRulesFromFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'icd-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces only the rule sets it is given', () => {
    const path = join(dir, 'sections.json');
    writeFileSync(path, JSON.stringify({ language: 'en', rules: [{ category: 'plan', literal: 'plan' }] }));
    const rules = loadRulesFromFiles({ sections: path });
    expect(rules.sections.rules).toHaveLength(1);
    expect(rules.context).toBe(loadDefaultRules().context);
  });

  it('names the bad file and rule', () => {
    const path = join(dir, 'my-context.json');
    const bad = { language: 'en', defaultMaxScope: 5, sectionDefaults: [], rules: [{ literal: 'no', direction: 'FORWARD' }] };
    writeFileSync(path, JSON.stringify(bad));
    expect(() => loadRulesFromFiles({ context: path })).toThrow(RuleFileError);
    expect(() => loadRulesFromFiles({ context: path })).toThrow(/my-context\.json: rule 0 \(rules\[0]\.category\)/);
  });

  it('names the shipped files', () => {
    expect(Object.values(DEFAULT_RULE_FILES)).toEqual(['section-rules.en.json', 'context-rules.en.json', 'abbreviations.en.json']);
  });
});
