/**
 * The underlying condition a "code first" note asks for, when the note names none: severe sepsis
 * (R65.2-) never stands alone on a claim, and "septic shock" with no infection named is coded
 * A41.9 first (see code-first-defaults.en.json).
 */
import type { CodeProposal } from '@icd/contracts';
import type { Terminology } from '@icd/terminology';
import { z } from 'zod';
import data from '../../data/code-first-defaults.en.json' with { type: 'json' };
import { CODE_PREFIX, DOTTED_CODE, hasCodePrefix } from '../rules/code-schemas.js';
import { parseDataFile } from '../rules/parse-data-file.js';

const CodeFirstDefaultsFile = z
  .object({
    $comment: z.string().optional(),
    rules: z.array(
      z
        .object({
          codePrefixes: z.array(CODE_PREFIX).min(1),
          satisfiedBy: z.array(CODE_PREFIX).min(1),
          defaultCode: DOTTED_CODE,
        })
        .strict(),
    ),
  })
  .strict();

export interface CodeFirstDefault {
  /** Codes (dotted prefixes) whose note asks for an underlying condition. */
  readonly codePrefixes: readonly string[];
  /** Codes (dotted prefixes) that are such an underlying condition. */
  readonly satisfiedBy: readonly string[];
  /** The condition's code when the note names it no further. */
  readonly defaultCode: string;
  readonly defaultTitle: string;
}

export function loadCodeFirstDefaults(terminology: Pick<Terminology, 'summary'>): CodeFirstDefault[] {
  return parseCodeFirstDefaults(data, terminology);
}

/** Validates the file; every default must be a billable code of `terminology`. */
export function parseCodeFirstDefaults(input: unknown, terminology: Pick<Terminology, 'summary'>): CodeFirstDefault[] {
  const parsed = parseDataFile(CodeFirstDefaultsFile, input, 'code-first-defaults.en.json');
  return parsed.rules.map((rule, index) => {
    const summary = terminology.summary(rule.defaultCode);
    if (!summary?.billable) throw new Error(`detector: code-first-defaults.en.json: rules.${index}.defaultCode: ${rule.defaultCode} is not a billable code of this code set`);
    return { ...rule, defaultTitle: summary.title };
  });
}

/**
 * `codes` with each rule's default proposed right before the first code that asks for it, on
 * that code's evidence and score, unless a code that satisfies the rule is already there.
 */
export function withCodeFirstDefaults(codes: readonly CodeProposal[], rules: readonly CodeFirstDefault[]): CodeProposal[] {
  let result = [...codes];
  for (const rule of rules) {
    const asking = result.findIndex((proposal) => hasCodePrefix(proposal.code, rule.codePrefixes));
    if (asking < 0 || result.some((proposal) => hasCodePrefix(proposal.code, rule.satisfiedBy))) continue;
    const trigger = result[asking];
    const underlying: CodeProposal = {
      code: rule.defaultCode,
      title: rule.defaultTitle,
      billable: true,
      score: trigger.score,
      evidence: trigger.evidence,
      rationale: `Code first note of ${trigger.code}: its underlying condition, read from the same words`,
      alternatives: [],
    };
    result = [...result.slice(0, asking), underlying, ...result.slice(asking)];
  }
  return result;
}

