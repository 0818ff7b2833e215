/**
 * Coronary atherosclerosis with angina (ICD-10-CM guidelines I.C.9.b): the classification
 * presumes the angina is due to the atherosclerosis, so "coronary artery disease" and "unstable
 * angina" in one note are I25.110, not I25.10 ("... without angina pectoris") beside I20.0. The
 * codes that link and the combination each angina gives are data (`angina-links.en.json`).
 */
import { MAX_ALTERNATIVES, type CodeProposal, type ScoredCode } from '@icd/contracts';
import type { Terminology } from '@icd/terminology';
import { z } from 'zod';
import data from '../../data/angina-links.en.json' with { type: 'json' };
import { parseDataFile } from '../rules/parse-data-file.js';
import { DOTTED_CODE } from '../rules/code-schemas.js';
import { mergedEvidence } from './hypertension-links.js';

const AnginaLinksFile = z
  .object({
    $comment: z.string().optional(),
    atherosclerosisCodes: z.array(DOTTED_CODE).min(1),
    anginaCombinations: z.array(z.object({ angina: DOTTED_CODE, combination: DOTTED_CODE }).strict()).min(1),
  })
  .strict();

export interface AnginaLinks {
  readonly atherosclerosisCodes: ReadonlySet<string>;
  /** The combination of each angina code, in order of preference. */
  readonly combinations: readonly { readonly angina: string; readonly combination: string }[];
}

/** Validates the rules; a combination the loaded code set does not bill is left out, as the hypertension links' are. */
export function parseAnginaLinks(input: unknown, terminology: Pick<Terminology, 'isBillable'>): AnginaLinks {
  const parsed = parseDataFile(AnginaLinksFile, input, 'angina-links.en.json');
  return {
    atherosclerosisCodes: new Set(parsed.atherosclerosisCodes),
    combinations: parsed.anginaCombinations.filter((pair) => terminology.isBillable(pair.combination)),
  };
}

export function loadAnginaLinks(terminology: Pick<Terminology, 'isBillable'>): AnginaLinks {
  return parseAnginaLinks(data, terminology);
}

/** What replaced what: the combination code, and the codes it stands for. */
export interface LinkedAngina {
  readonly codes: CodeProposal[];
  /** Codes folded into the combination, which their mentions are coded as. */
  readonly folded: readonly string[];
}

/**
 * `proposals` with coronary atherosclerosis and angina, each scored at least `credibleScore`,
 * replaced by their combination: the better of their scores, the evidence of both, and a
 * rationale that names the link. A coder who rejects the link finds both among its alternatives.
 */
export function linkAngina(
  proposals: readonly CodeProposal[],
  links: AnginaLinks,
  credibleScore: number,
  titleOf: (code: string) => { title: string; billable: boolean },
): LinkedAngina {
  // Nearly every document has no coronary atherosclerosis: one pass over the codes says so.
  if (!proposals.some((proposal) => links.atherosclerosisCodes.has(proposal.code))) return { codes: [...proposals], folded: [] };
  const credible = proposals.filter((proposal) => proposal.score >= credibleScore);
  const atherosclerosis = credible.filter((proposal) => links.atherosclerosisCodes.has(proposal.code));
  const angina = credible.filter((proposal) => links.combinations.some((pair) => pair.angina === proposal.code));
  if (atherosclerosis.length === 0 || angina.length === 0) return { codes: [...proposals], folded: [] };
  const pair = links.combinations.find((candidate) => angina.some((proposal) => proposal.code === candidate.angina)) as AnginaLinks['combinations'][number];
  const parts = [...atherosclerosis, ...angina];
  const best = parts.reduce((top, proposal) => (proposal.score > top.score ? proposal : top));
  const { title, billable } = titleOf(pair.combination);
  const combination: CodeProposal = {
    code: pair.combination,
    title,
    billable,
    score: best.score,
    evidence: mergedEvidence(parts),
    rationale: `${atherosclerosis[0].rationale}; linked with ${angina.map((proposal) => proposal.code).join(', ')} as ICD-10-CM presumes (guidelines I.C.9.b)`,
    alternatives: parts.map((proposal): ScoredCode => ({ code: proposal.code, title: proposal.title, score: proposal.score })).slice(0, MAX_ALTERNATIVES),
  };
  const others = proposals.filter((proposal) => !parts.includes(proposal) && proposal.code !== pair.combination);
  const at = others.findIndex((proposal) => proposal.score < combination.score);
  return {
    codes: at < 0 ? [...others, combination] : [...others.slice(0, at), combination, ...others.slice(at)],
    folded: parts.map((proposal) => proposal.code),
  };
}
