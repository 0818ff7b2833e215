/**
 * Status codes a note implies by naming what the patient is on: long-term (current) drug therapy
 * (Z79.-, "on warfarin", "insulin") and dependence on renal dialysis (Z99.2). Each phrase is a
 * dictionary entry of its own source, so its mentions are asserted and ranked like any other;
 * what the guidelines tie to a diagnosis (Z79.4 beside type 2 diabetes, not type 1) is settled
 * once the document's codes are known.
 */
import type { CodeProposal } from '@icd/contracts';
import type { Terminology } from '@icd/terminology';
import { z } from 'zod';
import data from '../../data/status-rules.en.json' with { type: 'json' };
import { contentStems, stemSetKey } from '../dictionary/stems.js';
import type { EntryDraft } from '../dictionary/term-dictionary.js';
import { parseDataFile } from '../rules/parse-data-file.js';
import { CODE_PREFIX, DOTTED_CODE } from '../rules/code-schemas.js';


const StatusRulesFile = z
  .object({
    $comment: z.string().optional(),
    rules: z.array(
      z
        .object({
          code: DOTTED_CODE,
          label: z.string().min(1),
          phrases: z.array(z.string().min(1)).min(1),
          requiresCodePrefixes: z.array(CODE_PREFIX).min(1).optional(),
          excludesCodePrefixes: z.array(CODE_PREFIX).min(1).optional(),
        })
        .strict(),
    ),
  })
  .strict();

export interface StatusRule {
  /** Dotted code. */
  readonly code: string;
  /** What kind of status, for the rationale: "Long-term drug therapy". */
  readonly label: string;
  readonly phrases: readonly string[];
  /** Undotted prefixes, one of which a proposed code must have; empty when the status stands alone. */
  readonly requires: readonly string[];
  /** Undotted prefixes no proposed code may have. */
  readonly excludes: readonly string[];
}

/** A priori share of status mentions a coder codes, before calibration on train: many treatments are brief. */
const STATUS_PRIOR = 0.3;

const undotted = (code: string) => code.replace('.', '');

/**
 * Validates the status rules. A rule whose code the loaded code set does not bill is left out:
 * status codes come and go between years (Z79.85 is new in FY2024), and a small code set of
 * tests has none.
 */
export function parseStatusRules(input: unknown, terminology: Pick<Terminology, 'isBillable'>): StatusRule[] {
  const parsed = parseDataFile(StatusRulesFile, input, 'status-rules.en.json');
  return parsed.rules
    .filter((rule) => terminology.isBillable(rule.code))
    .map((rule) => ({
      code: rule.code,
      label: rule.label,
      phrases: rule.phrases,
      requires: (rule.requiresCodePrefixes ?? []).map(undotted),
      excludes: (rule.excludesCodePrefixes ?? []).map(undotted),
    }));
}

export function loadStatusRules(terminology: Terminology): StatusRule[] {
  return parseStatusRules(data, terminology);
}

/** One dictionary draft per phrase of every rule. */
export function statusEntryDrafts(rules: readonly StatusRule[]): EntryDraft[] {
  return rules.flatMap((rule) =>
    rule.phrases.map((phrase) => ({ stems: contentStems(phrase), code: undotted(rule.code), source: 'status' as const, display: `${rule.label}: ${phrase}`, prior: STATUS_PRIOR })),
  );
}

/**
 * The lexicon without phrases that are a drug's name alone and code a diagnosis: coded cases
 * teach "insulin" for type 2 diabetes, as most patients on it have it, but a drug names a
 * treatment, and "fasting insulin" or a type 1 diabetic's insulin is no E11.9. The status rules
 * say what a drug implies.
 */
export function withoutDrugDiagnoses(lexicon: readonly EntryDraft[], statusDrafts: readonly EntryDraft[]): EntryDraft[] {
  const drugs = new Set(statusDrafts.map((draft) => stemSetKey(draft.stems)));
  const statuses = new Set(statusDrafts.map((draft) => `${stemSetKey(draft.stems)}|${draft.code}`));
  return lexicon.filter((draft) => !drugs.has(stemSetKey(draft.stems)) || statuses.has(`${stemSetKey(draft.stems)}|${draft.code}`));
}

/**
 * `codes` without the status codes whose rule asks for a diagnosis the codes lack, or forbids one
 * they have. Only a status the note implies by naming a drug is held to its rule: one the note
 * states in the classification's words ("long-term use of insulin") stands as written.
 */
export function keepSupportedStatusCodes(codes: CodeProposal[], rules: readonly StatusRule[], impliedOnly: (code: string) => boolean = () => true): CodeProposal[] {
  const conditional = rules.filter((rule) => rule.requires.length > 0 || rule.excludes.length > 0);
  if (conditional.length === 0) return codes;
  const compact = codes.map((proposal) => undotted(proposal.code));
  const hasPrefix = (prefixes: readonly string[]) => compact.some((code) => prefixes.some((prefix) => code.startsWith(prefix)));
  const unsupported = new Set(
    conditional.filter((rule) => (rule.requires.length > 0 && !hasPrefix(rule.requires)) || hasPrefix(rule.excludes)).map((rule) => rule.code),
  );
  return unsupported.size === 0 ? codes : codes.filter((proposal) => !unsupported.has(proposal.code) || !impliedOnly(proposal.code));
}
