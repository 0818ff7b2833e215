import { describe, expect, it } from 'vitest';
import shipped from '../../data/history-rules.en.json' with { type: 'json' };
import { fixtureTerminology } from '../__fixtures__/coding.js';
import { historyCodeFor, loadHistoryRules, parseHistoryRules, type HistoryRule } from './history-rules.js';

/** A code set that bills every code: the shipped rules parse against it without the full CDC files. */
const billsEverything = { isBillable: () => true, version: fixtureTerminology().version };
const rules: HistoryRule[] = parseHistoryRules(shipped, billsEverything);

describe('historyCodeFor, with the shipped rules', () => {
  it('codes a past breast cancer as Z85.3', () => {
    expect(historyCodeFor(rules, 'historical', 'C50.919')).toBe('Z85.3');
    expect(historyCodeFor(rules, 'historical', 'C50911')).toBe('Z85.3');
  });

  it('codes a relative\'s colon cancer as Z80.0, and the patient\'s past one as Z85.038', () => {
    expect(historyCodeFor(rules, 'family', 'C18.9')).toBe('Z80.0');
    expect(historyCodeFor(rules, 'historical', 'C18.9')).toBe('Z85.038');
  });

  it('takes the first rule in file order: a specific site before the catch-all', () => {
    expect(historyCodeFor(rules, 'family', 'C50.919')).toBe('Z80.3');
    expect(historyCodeFor(rules, 'family', 'C44.90')).toBe('Z80.8');
    expect(historyCodeFor(rules, 'historical', 'C44.90')).toBe('Z85.828');
    expect(historyCodeFor(rules, 'historical', 'C45.9')).toBe('Z85.831');
    // A relative's smoking is a family history of tobacco use, not of a mental disorder.
    expect(historyCodeFor(rules, 'family', 'F17.210')).toBe('Z81.2');
    expect(historyCodeFor(rules, 'family', 'F32.9')).toBe('Z81.8');
  });

  it('codes a past in-situ or benign neoplasm by its site where the code set has one (Z86.000 for the breast)', () => {
    expect(historyCodeFor(rules, 'historical', 'D05.12')).toBe('Z86.000');
    expect(historyCodeFor(rules, 'historical', 'D06.9')).toBe('Z86.001');
    expect(historyCodeFor(rules, 'historical', 'D03.9')).toBe('Z86.006');
    expect(historyCodeFor(rules, 'historical', 'D09.0')).toBe('Z86.008');
    expect(historyCodeFor(rules, 'historical', 'K63.5')).toBe('Z86.0100');
    expect(historyCodeFor(rules, 'historical', 'D12.6')).toBe('Z86.0101');
    expect(historyCodeFor(rules, 'historical', 'D12.8')).toBe('Z86.018');
    expect(historyCodeFor(rules, 'historical', 'D33.2')).toBe('Z86.011');
    expect(historyCodeFor(rules, 'historical', 'D32.9')).toBe('Z86.018');
    expect(historyCodeFor(rules, 'historical', 'D48.5')).toBe('Z86.03');
  });

  it('matches dotted prefixes', () => {
    expect(historyCodeFor(rules, 'historical', 'N39.0')).toBe('Z87.440');
    expect(historyCodeFor(rules, 'historical', 'N39.3')).toBeNull();
  });

  it('has no history code for a condition no rule names', () => {
    expect(historyCodeFor(rules, 'historical', 'R51.9')).toBeNull();
    expect(historyCodeFor(rules, 'family', 'S52.502A')).toBeNull();
    expect(historyCodeFor([], 'historical', 'C50.919')).toBeNull();
  });
});

describe('parseHistoryRules', () => {
  const terminology = fixtureTerminology();
  const rule = (fields: Record<string, unknown>) => ({ historyRules: [{ assertion: 'historical', prefixes: ['C50'], code: 'Z85.3', ...fields }] });

  it('accepts rules whose codes are billable in the loaded code set', () => {
    expect(parseHistoryRules(rule({}), terminology)).toEqual([{ assertion: 'historical', prefixes: ['C50'], code: 'Z85.3' }]);
  });

  it('names the rule at fault when a code is not billable in the loaded code set', () => {
    expect(() => parseHistoryRules(rule({ code: 'Z85' }), terminology)).toThrow('history-rules.en.json: historyRules.0.code: Z85 is not a billable FY2026 code');
    expect(() => parseHistoryRules(rule({ code: 'Z80.0' }), terminology)).toThrow(/Z80\.0 is not a billable FY2026 code/);
  });

  it('rejects a malformed rule, naming the field', () => {
    expect(() => parseHistoryRules(rule({ assertion: 'negated' }), terminology)).toThrow(/historyRules\.0\.assertion/);
    expect(() => parseHistoryRules(rule({ prefixes: [] }), terminology)).toThrow(/historyRules\.0\.prefixes/);
    expect(() => parseHistoryRules(rule({ prefixes: ['c50'] }), terminology)).toThrow(/historyRules\.0\.prefixes\.0/);
    expect(() => parseHistoryRules(rule({ code: 'Z853' }), terminology)).toThrow(/historyRules\.0\.code/);
    expect(() => parseHistoryRules(rule({ note: 'x' }), terminology)).toThrow(/history-rules\.en\.json/);
  });

  it('refuses the shipped file on a code set without its codes, so a mismatch fails at start-up', () => {
    expect(() => loadHistoryRules(terminology)).toThrow(/is not a billable FY2026 code/);
  });
});
