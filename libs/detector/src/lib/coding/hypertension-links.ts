/**
 * Hypertension with heart or kidney involvement (ICD-10-CM guidelines I.C.9.a): the classification
 * presumes the link, so "hypertension" and "chronic kidney disease stage 3" in one note are I12.9
 * and N18.30, not I10 and N18.30. The categories, the conditions that count and the combination
 * each pair gives are data (`hypertension-links.en.json`), checked against the code set.
 */
import { MAX_ALTERNATIVES, type CodeProposal, type Evidence, type ScoredCode } from '@icd/contracts';
import type { Terminology } from '@icd/terminology';
import { z } from 'zod';
import data from '../../data/hypertension-links.en.json' with { type: 'json' };
import { parseDataFile } from '../rules/parse-data-file.js';
import { CODE_PREFIX, DOTTED_CODE, hasCodePrefix } from '../rules/code-schemas.js';

const HEART = z.enum(['none', 'disease', 'failure']);
const KIDNEY = z.enum(['none', 'stage1to4', 'endStage']);
const PREFIXES = z.array(CODE_PREFIX).min(1);

const HypertensionLinksFile = z
  .object({
    $comment: z.string().optional(),
    hypertensionPrefixes: PREFIXES,
    heartFailurePrefixes: PREFIXES,
    heartDiseasePrefixes: z.array(CODE_PREFIX),
    kidneyPrefixes: PREFIXES,
    endStageKidneyPrefixes: PREFIXES,
    impliedByHypertensionCode: z.record(DOTTED_CODE, z.object({ heart: HEART, kidney: KIDNEY }).strict()),
    combinations: z.array(z.object({ heart: HEART, kidney: KIDNEY, code: DOTTED_CODE }).strict()).min(1),
  })
  .strict();

type Heart = z.infer<typeof HEART>;
type Kidney = z.infer<typeof KIDNEY>;

export interface HypertensionLinks {
  readonly hypertensionPrefixes: readonly string[];
  readonly heartFailurePrefixes: readonly string[];
  readonly heartDiseasePrefixes: readonly string[];
  readonly kidneyPrefixes: readonly string[];
  readonly endStageKidneyPrefixes: readonly string[];
  /** What a hypertension code already says of the heart and kidneys (I12.9: kidneys, stage 1 to 4). */
  readonly implied: ReadonlyMap<string, { heart: Heart; kidney: Kidney }>;
  /** The combination code by `${heart} ${kidney}`. */
  readonly combinations: ReadonlyMap<string, string>;
}

/**
 * Validates the rules. A combination whose code the loaded code set does not bill is left out, as
 * the status rules' are: a small code set of tests has few of them.
 */
export function parseHypertensionLinks(input: unknown, terminology: Pick<Terminology, 'isBillable'>): HypertensionLinks {
  const parsed = parseDataFile(HypertensionLinksFile, input, 'hypertension-links.en.json');
  return {
    hypertensionPrefixes: parsed.hypertensionPrefixes,
    heartFailurePrefixes: parsed.heartFailurePrefixes,
    heartDiseasePrefixes: parsed.heartDiseasePrefixes,
    kidneyPrefixes: parsed.kidneyPrefixes,
    endStageKidneyPrefixes: parsed.endStageKidneyPrefixes,
    implied: new Map(Object.entries(parsed.impliedByHypertensionCode)),
    combinations: new Map(parsed.combinations.filter((combination) => terminology.isBillable(combination.code)).map((combination) => [`${combination.heart} ${combination.kidney}`, combination.code])),
  };
}

export function loadHypertensionLinks(terminology: Pick<Terminology, 'isBillable'>): HypertensionLinks {
  return parseHypertensionLinks(data, terminology);
}

/** What a linking rule replaced with what: the codes after it, and those folded into a combination. */
export interface LinkedCodes {
  readonly codes: CodeProposal[];
  /** Codes folded into a combination, which their mentions are coded as. */
  readonly folded: readonly string[];
}

/** A code's title and whether it is billable, for a combination a link proposes. */
export type CodeTitleOf = (code: string) => { title: string; billable: boolean };

/**
 * `proposals` with their hypertension codes replaced by the combination the linked conditions
 * call for. The combination takes the best hypertension score and the hypertension's evidence; the
 * linked conditions are proposed already, with theirs, and its rationale names them (a span that
 * is evidence for two codes would hide one of them in the review). Only a
 * condition scored at least `credibleScore` links: a faint candidate shown at a low `minScore`
 * does not recode the hypertension.
 */
export function linkHypertension(
  proposals: readonly CodeProposal[],
  links: HypertensionLinks,
  credibleScore: number,
  titleOf: CodeTitleOf,
): LinkedCodes {
  const hypertension = proposals.filter((proposal) => hasCodePrefix(proposal.code, links.hypertensionPrefixes) && proposal.score >= credibleScore);
  if (hypertension.length === 0) return { codes: [...proposals], folded: [] };
  const linked = proposals.filter((proposal) => !hypertension.includes(proposal) && proposal.score >= credibleScore && linkedCondition(proposal.code, links) !== null);
  const heart = strongest(HEART_ORDER, [...hypertension.map((proposal) => links.implied.get(proposal.code)?.heart ?? 'none'), ...linked.map((proposal) => heartOf(proposal.code, links))]);
  const kidney = strongest(KIDNEY_ORDER, [...hypertension.map((proposal) => links.implied.get(proposal.code)?.kidney ?? 'none'), ...linked.map((proposal) => kidneyOf(proposal.code, links))]);
  const code = links.combinations.get(`${heart} ${kidney}`);
  if (code === undefined || (hypertension.length === 1 && hypertension[0].code === code)) return { codes: [...proposals], folded: [] };
  const best = hypertension.reduce((top, proposal) => (proposal.score > top.score ? proposal : top));
  const { title, billable } = titleOf(code);
  const combination: CodeProposal = {
    code,
    title,
    billable,
    score: best.score,
    evidence: mergedEvidence(hypertension),
    rationale: `${best.rationale}; linked with ${linked.map((proposal) => proposal.code).join(', ') || 'what its code says'} as ICD-10-CM presumes (guidelines I.C.9.a)`,
    alternatives: foldedAlternatives(code, hypertension, best),
  };
  // Fainter readings of the hypertension (shown only at a low minScore) give way to the combination too.
  const others = proposals.filter((proposal) => !hasCodePrefix(proposal.code, links.hypertensionPrefixes));
  const at = others.findIndex((proposal) => proposal.score < combination.score);
  return {
    codes: at < 0 ? [...others, combination] : [...others.slice(0, at), combination, ...others.slice(at)],
    folded: hypertension.map((proposal) => proposal.code).filter((folded) => folded !== code),
  };
}

const HEART_ORDER: readonly Heart[] = ['none', 'disease', 'failure'];
const KIDNEY_ORDER: readonly Kidney[] = ['none', 'stage1to4', 'endStage'];

/** The most that any of `values` says, by `order`: heart failure over heart disease, end stage over stages 1 to 4. */
function strongest<T>(order: readonly T[], values: readonly T[]): T {
  return values.reduce((top, value) => (order.indexOf(value) > order.indexOf(top) ? value : top), order[0]);
}

function linkedCondition(code: string, links: HypertensionLinks): 'heart' | 'kidney' | null {
  if (heartOf(code, links) !== 'none') return 'heart';
  return kidneyOf(code, links) !== 'none' ? 'kidney' : null;
}

function heartOf(code: string, links: HypertensionLinks): Heart {
  if (hasCodePrefix(code, links.heartFailurePrefixes)) return 'failure';
  return hasCodePrefix(code, links.heartDiseasePrefixes) ? 'disease' : 'none';
}

function kidneyOf(code: string, links: HypertensionLinks): Kidney {
  if (hasCodePrefix(code, links.endStageKidneyPrefixes)) return 'endStage';
  return hasCodePrefix(code, links.kidneyPrefixes) ? 'stage1to4' : 'none';
}

/** The hypertension codes the combination replaces, then the best one's own alternatives: a coder who rejects the link finds them there. */
function foldedAlternatives(code: string, hypertension: readonly CodeProposal[], best: CodeProposal): ScoredCode[] {
  const alternatives = new Map<string, ScoredCode>();
  for (const proposal of hypertension) if (proposal.code !== code) alternatives.set(proposal.code, { code: proposal.code, title: proposal.title, score: proposal.score });
  for (const alternative of best.alternatives) if (alternative.code !== code && !alternatives.has(alternative.code)) alternatives.set(alternative.code, alternative);
  return [...alternatives.values()].slice(0, MAX_ALTERNATIVES);
}

/** Every distinct span of `proposals`, in text order. */
export function mergedEvidence(proposals: readonly CodeProposal[]): Evidence[] {
  const byRange = new Map<string, Evidence>();
  for (const proposal of proposals) for (const span of proposal.evidence) byRange.set(`${span.begin}:${span.end}`, span);
  return [...byRange.values()].sort((a, b) => a.begin - b.begin || a.end - b.end);
}
