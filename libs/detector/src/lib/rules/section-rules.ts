import { z } from 'zod';
import { CombinedPattern, describePatternProblem, literalSource } from '../text-patterns.js';
import { parseRuleFile, reportDuplicates } from './rule-file.js';

const PATTERN_FLAGS = 'iu';

/** One header: the category it opens and how it is written. */
export const SectionRuleSchema = z
  .strictObject({
    /** snake_case category, e.g. `past_medical_history`. */
    category: z.string().regex(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, 'category must be snake_case'),
    /** The header as written, matched case-insensitively, any whitespace matching any run of spaces. */
    literal: z.string().trim().min(1),
    /** Regex source used instead of `literal` (case-insensitive, no capturing groups). */
    pattern: z.string().min(1).optional(),
  })
  .superRefine((rule, ctx) => {
    const problem = rule.pattern === undefined ? null : describePatternProblem(rule.pattern, PATTERN_FLAGS);
    if (problem) ctx.addIssue({ code: 'custom', path: ['pattern'], message: problem });
  });

/** One header rule. */
export type SectionRule = z.infer<typeof SectionRuleSchema>;

/** The section rule file. */
export const SectionRulesFileSchema = z
  .strictObject({
    $comment: z.string().optional(),
    language: z.string().min(2),
    rules: z.array(SectionRuleSchema).min(1),
  })
  .superRefine((file, ctx) => reportDuplicates(file.rules, (rule) => rule.literal.toLowerCase(), ctx, 'rules'));

/** Section rules ready to match. */
export interface SectionRules {
  readonly rules: readonly SectionRule[];
  /** Matches any header at a given position; the value is the rule. */
  readonly headers: CombinedPattern<SectionRule>;
}

/** Validates a parsed section rule file and compiles its headers; errors name `file` and the rule. */
export function parseSectionRules(raw: unknown, file: string): SectionRules {
  const { rules } = parseRuleFile(SectionRulesFileSchema, raw, file);
  const alternatives = rules.map((rule) => ({
    source: rule.pattern ?? literalSource(rule.literal),
    literal: rule.literal,
    value: rule,
  }));
  return { rules, headers: new CombinedPattern(alternatives, PATTERN_FLAGS) };
}
