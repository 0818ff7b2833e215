import type { Terminology } from '@icd/terminology';
import { z } from 'zod';
import data from '../../data/history-rules.en.json' with { type: 'json' };
import { parseDataFile } from '../rules/parse-data-file.js';
import { CODE_PREFIX, DOTTED_CODE } from '../rules/code-schemas.js';

const HistoryRulesFile = z.object({
  historyRules: z.array(
    z
      .object({
        assertion: z.enum(['historical', 'family']),
        prefixes: z.array(CODE_PREFIX).min(1),
        code: DOTTED_CODE,
      })
      .strict(),
  ),
});

export type HistoryRule = z.infer<typeof HistoryRulesFile>['historyRules'][number];

/**
 * Validates the history rules and checks that every code they hand out is billable in the loaded
 * code set, so that a rule file written for another year fails at start-up, not mid-job.
 */
export function parseHistoryRules(input: unknown, terminology: Pick<Terminology, 'isBillable' | 'version'>): HistoryRule[] {
  const parsed = parseDataFile(HistoryRulesFile, input, 'history-rules.en.json');
  parsed.historyRules.forEach((rule, index) => {
    if (!terminology.isBillable(rule.code)) {
      throw new Error(`detector: history-rules.en.json: historyRules.${index}.code: ${rule.code} is not a billable ${terminology.version.version} code`);
    }
  });
  return parsed.historyRules;
}

export function loadHistoryRules(terminology: Terminology): HistoryRule[] {
  return parseHistoryRules(data, terminology);
}

/**
 * The history code for a condition that is the patient's past (Z85.3 for breast cancer) or a
 * relative's (Z80.0 for colon cancer): the first rule, in file order, whose prefix the code has.
 * Remembered per rule set and code: a note repeats its conditions.
 */
export function historyCodeFor(rules: readonly HistoryRule[], assertion: 'historical' | 'family', code: string): string | null {
  let answers = answersByRules.get(rules);
  if (!answers) {
    answers = { historical: new Map(), family: new Map() };
    answersByRules.set(rules, answers);
  }
  let answer = answers[assertion].get(code);
  if (answer === undefined) {
    const compact = code.replace('.', '');
    const rule = rules.find((candidate) => candidate.assertion === assertion && candidate.prefixes.some((prefix) => compact.startsWith(prefix.replace('.', ''))));
    answer = rule?.code ?? null;
    // Bounded by the code set: only billable codes are asked about.
    answers[assertion].set(code, answer);
  }
  return answer;
}

const answersByRules = new WeakMap<readonly HistoryRule[], Record<'historical' | 'family', Map<string, string | null>>>();
