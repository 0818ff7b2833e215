import { z } from 'zod';
import type { ContextCategory } from '../detector-doc.js';
import { CombinedPattern, describePatternProblem, literalSource } from '../text-patterns.js';
import { parseRuleFile, reportDuplicates } from './rule-file.js';

const PATTERN_FLAGS = 'iu';

/** ConText categories, each setting one assertion flag. */
export const CONTEXT_CATEGORIES = [
  'NEGATED_EXISTENCE',
  'POSSIBLE_EXISTENCE',
  'HYPOTHETICAL',
  'HISTORICAL',
  'FAMILY',
] as const satisfies readonly ContextCategory[];

/**
 * Which way a trigger reaches: FORWARD over what follows it, BACKWARD over what precedes it,
 * BIDIRECTIONAL both; TERMINATE ends the scope of triggers that reach across it; PSEUDO matches a
 * phrase only so that the shorter triggers inside it do not ("no increase", "not only").
 */
export const CONTEXT_DIRECTIONS = ['FORWARD', 'BACKWARD', 'BIDIRECTIONAL', 'TERMINATE', 'PSEUDO'] as const;

/** A direction from {@link CONTEXT_DIRECTIONS}. */
export type ContextDirection = (typeof CONTEXT_DIRECTIONS)[number];

/** One ConText trigger rule, as medspaCy writes them. */
export const ContextRuleSchema = z
  .strictObject({
    /** Required for triggers that reach; optional (informative) for TERMINATE and PSEUDO. */
    category: z.enum(CONTEXT_CATEGORIES).optional(),
    literal: z.string().trim().min(1),
    /** Regex source used instead of `literal` (case-insensitive, no capturing groups). */
    pattern: z.string().min(1).optional(),
    direction: z.enum(CONTEXT_DIRECTIONS),
    /** Most tokens (punctuation excluded) the trigger reaches; defaults to the file's `defaultMaxScope`. */
    maxScope: z.number().int().min(1).max(200).optional(),
  })
  .superRefine((rule, ctx) => {
    const reaches = rule.direction !== 'TERMINATE' && rule.direction !== 'PSEUDO';
    if (reaches && rule.category === undefined) {
      ctx.addIssue({ code: 'custom', path: ['category'], message: `a ${rule.direction} rule needs a category` });
    }
    const problem = rule.pattern === undefined ? null : describePatternProblem(rule.pattern, PATTERN_FLAGS);
    if (problem) ctx.addIssue({ code: 'custom', path: ['pattern'], message: problem });
  });

/** One ConText trigger rule. */
export type ContextRule = z.infer<typeof ContextRuleSchema>;

/** A category every mention in a section gets, e.g. FAMILY in `family_history`. */
export const SectionDefaultSchema = z.strictObject({
  section: z.string().min(1),
  category: z.enum(CONTEXT_CATEGORIES),
});

/** The ConText rule file. */
export const ContextRulesFileSchema = z
  .strictObject({
    $comment: z.string().optional(),
    language: z.string().min(2),
    defaultMaxScope: z.number().int().min(1).max(200),
    rules: z.array(ContextRuleSchema).min(1),
    sectionDefaults: z.array(SectionDefaultSchema),
  })
  .superRefine((file, ctx) => reportDuplicates(file.rules, (rule) => rule.literal.toLowerCase(), ctx, 'rules'));

/** A rule with its scope limit resolved. */
export interface CompiledContextRule extends ContextRule {
  readonly maxScope: number;
}

/** ConText rules ready to match. */
export interface ContextRules {
  readonly rules: readonly CompiledContextRule[];
  readonly triggers: CombinedPattern<CompiledContextRule>;
  /** Categories each section category implies. */
  readonly sectionDefaults: ReadonlyMap<string, readonly ContextCategory[]>;
}

/** Validates a parsed ConText rule file and compiles its triggers; errors name `file` and the rule. */
export function parseContextRules(raw: unknown, file: string): ContextRules {
  const parsed = parseRuleFile(ContextRulesFileSchema, raw, file);
  const rules = parsed.rules.map((rule) => ({ ...rule, maxScope: rule.maxScope ?? parsed.defaultMaxScope }));
  const alternatives = rules.map((rule) => ({
    source: rule.pattern ?? literalSource(rule.literal),
    literal: rule.literal,
    value: rule,
  }));
  const sectionDefaults = new Map<string, ContextCategory[]>();
  for (const { section, category } of parsed.sectionDefaults) {
    sectionDefaults.set(section, [...(sectionDefaults.get(section) ?? []), category]);
  }
  return { rules, triggers: new CombinedPattern(alternatives, PATTERN_FLAGS), sectionDefaults };
}
