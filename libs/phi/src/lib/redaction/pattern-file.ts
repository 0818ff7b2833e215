import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { PHI_TYPES } from './phi-types.js';
import { describeRuleProblem, describeTemplateProblem } from './compile-rules.js';

/** Thrown when a pattern file is not valid. The message names the file and each problem, never any clinical text. */
export class PatternFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid PHI pattern file ${file}: ${problems.join('; ')}`);
    this.name = 'PatternFileError';
  }
}

const TEMPLATE_NAME = /^[A-Z][A-Z0-9_]*$/;

/** One redaction rule: a standalone `pattern`, or `cues` followed by a `value`. */
export const PhiRuleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case words joined by dashes'),
    type: z.enum(PHI_TYPES),
    $comment: z.string().optional(),
    /** Regex template; the `phi` group or typed named groups mark what to redact. */
    pattern: z.string().min(1).optional(),
    /** Literal cue phrases that must precede the value. */
    cues: z.array(z.string().trim().min(1)).min(1).optional(),
    /** Whether cues match in any letter case (the default) or exactly as written (titles: `Ms` but not `MS`). */
    cueCase: z.enum(['insensitive', 'sensitive']).default('insensitive'),
    /** Regex template between cue and value; defaults to `{{CUE_CONNECTOR}}`, which the file must then define. */
    connector: z.string().optional(),
    /** Regex template for the redacted value after a cue. */
    value: z.string().min(1).optional(),
    /** Adds the i flag. Never on name rules: under iu, \p{Lu} matches lower case letters too. */
    caseInsensitive: z.boolean().default(false),
    /** Higher wins where candidates overlap; defaults to 2 for cue rules, 1 for patterns. */
    priority: z.number().int().min(0).max(9).optional(),
    /** NAME rules: fewest name tokens (initials count) a candidate keeps after refinement. */
    minNameTokens: z.number().int().min(1).max(4).default(1),
  })
  .superRefine((rule, ctx) => {
    const isPattern = rule.pattern !== undefined;
    const isCue = rule.cues !== undefined && rule.value !== undefined;
    if (isPattern === isCue || (!isCue && (rule.cues !== undefined || rule.value !== undefined))) {
      ctx.addIssue({ code: 'custom', message: 'a rule has either `pattern`, or both `cues` and `value`' });
    }
    if (rule.type === 'NAME' && rule.caseInsensitive) {
      ctx.addIssue({ code: 'custom', path: ['caseInsensitive'], message: 'name rules rely on capitals; use cueCase instead' });
    }
  });

/** One redaction rule. */
export type PhiRule = z.infer<typeof PhiRuleSchema>;

/** Word lists that steer name detection. */
export const NameLexiconSchema = z.strictObject({
  /** Capitalised words that are never part of a name (headers, departments, months, pronouns...). */
  notNames: z.array(z.string().min(1)),
  /** Clinical eponyms (Parkinson, Crohn): not names where an eponym head follows or "of" precedes. */
  eponyms: z.array(z.string().min(1)),
  /** Nouns that make a preceding eponym a clinical term: disease, syndrome, sign... */
  eponymHeads: z.array(z.string().min(1)),
});

/** Word lists that steer name detection. */
export type NameLexicon = z.infer<typeof NameLexiconSchema>;

/** The PHI pattern file (`src/data/phi-patterns.en.json`). */
export const PhiPatternFileSchema = z
  .strictObject({
    $comment: z.string().optional(),
    language: z.string().min(2),
    lists: z.record(z.string().regex(TEMPLATE_NAME), z.array(z.string().min(1)).min(1)),
    fragments: z.record(z.string().regex(TEMPLATE_NAME), z.string().min(1)),
    rules: z.array(PhiRuleSchema).min(1),
    names: NameLexiconSchema,
  })
  .superRefine((file, ctx) => {
    for (const name of Object.keys(file.fragments)) {
      if (name in file.lists) ctx.addIssue({ code: 'custom', path: ['fragments', name], message: 'also a list' });
      const problem = describeTemplateProblem(file, file.fragments[name]);
      if (problem) ctx.addIssue({ code: 'custom', path: ['fragments', name], message: problem });
    }
    const firstIndex = new Map<string, number>();
    file.rules.forEach((rule, i) => {
      const first = firstIndex.get(rule.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `repeats rule ${first}` });
      firstIndex.set(rule.id, i);
      const problem = describeRuleProblem(file, rule);
      if (problem) ctx.addIssue({ code: 'custom', path: ['rules', i], message: `${rule.id}: ${problem}` });
    });
  });

/** The PHI pattern file, validated. */
export type PhiPatternFile = z.infer<typeof PhiPatternFileSchema>;

/** Validates parsed JSON as a pattern file; throws {@link PatternFileError} naming `file` and each problem. */
export function parsePhiPatterns(raw: unknown, file = 'phi-patterns'): PhiPatternFile {
  const parsed = PhiPatternFileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
  throw new PatternFileError(file, problems);
}

/** Reads and validates a pattern file from disk, so that a deployment can ship its own rules. */
export function readPhiPatterns(path: string): PhiPatternFile {
  const file = basename(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PatternFileError(file, [`not readable as JSON: ${(error as Error).message}`]);
  }
  return parsePhiPatterns(raw, file);
}
