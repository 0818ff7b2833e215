/**
 * Combination codes the classification presumes from two conditions in one note: coronary
 * atherosclerosis with angina (guidelines I.C.9.b), so "coronary artery disease" and "unstable
 * angina" are I25.110, not I25.10 ("... without angina pectoris") beside I20.0; diabetes with
 * chronic kidney disease (I.A.15, the Index's "with"), so "type 2 diabetes" and "CKD stage 4" are
 * E11.22 and N18.4, not E11.9 ("without complications") and N18.4. The rules are data
 * (`presumed-links.en.json`).
 */
import { MAX_ALTERNATIVES, type CodeProposal, type ScoredCode } from '@icd/contracts';
import type { Terminology } from '@icd/terminology';
import { z } from 'zod';
import data from '../../data/presumed-links.en.json' with { type: 'json' };
import { parseDataFile } from '../rules/parse-data-file.js';
import { CODE_PREFIX, DOTTED_CODE, hasCodePrefix } from '../rules/code-schemas.js';
import { mergedEvidence, type CodeTitleOf, type LinkedCodes } from './hypertension-links.js';

const PresumedLinksFile = z
  .object({
    $comment: z.string().optional(),
    rules: z
      .array(
        z
          .object({
            name: z.string().min(1),
            anchors: z.array(CODE_PREFIX).min(1),
            partners: z.array(z.object({ prefix: CODE_PREFIX, combination: DOTTED_CODE }).strict()).min(1),
            keepPartner: z.boolean(),
            replaces: z.array(DOTTED_CODE),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type PresumedLink = z.infer<typeof PresumedLinksFile>['rules'][number];

/** Validates the rules; a combination the loaded code set does not bill is left out, as the hypertension links' are. */
export function parsePresumedLinks(input: unknown, terminology: Pick<Terminology, 'isBillable'>): PresumedLink[] {
  const parsed = parseDataFile(PresumedLinksFile, input, 'presumed-links.en.json');
  return parsed.rules
    .map((rule) => ({ ...rule, partners: rule.partners.filter((partner) => terminology.isBillable(partner.combination)) }))
    .filter((rule) => rule.partners.length > 0);
}

export function loadPresumedLinks(terminology: Pick<Terminology, 'isBillable'>): PresumedLink[] {
  return parsePresumedLinks(data, terminology);
}

/**
 * `proposals` with each rule applied in turn where an anchor and a partner, each scored at least
 * `credibleScore`, are both proposed and the combination is not yet: the combination takes the
 * better of their scores and the evidence of both, in place of the codes it replaces (and of the
 * partner, unless the rule keeps it). A coder who rejects the link finds them among its alternatives.
 */
export function linkPresumed(
  proposals: readonly CodeProposal[],
  rules: readonly PresumedLink[],
  credibleScore: number,
  titleOf: CodeTitleOf,
): LinkedCodes {
  let codes = [...proposals];
  const folded: string[] = [];
  for (const rule of rules) {
    // Nearly every document has no anchor: one pass over its codes says so.
    if (!codes.some((proposal) => hasCodePrefix(proposal.code, rule.anchors))) continue;
    const linked = linkByRule(codes, rule, credibleScore, titleOf);
    if (!linked) continue;
    codes = linked.codes;
    folded.push(...linked.folded);
  }
  return { codes, folded };
}

function linkByRule(proposals: readonly CodeProposal[], rule: PresumedLink, credibleScore: number, titleOf: CodeTitleOf): LinkedCodes | null {
  const credible = proposals.filter((proposal) => proposal.score >= credibleScore);
  const anchors = credible.filter((proposal) => hasCodePrefix(proposal.code, rule.anchors));
  const pair = rule.partners.find((partner) => credible.some((proposal) => proposal.code.startsWith(partner.prefix)));
  if (anchors.length === 0 || !pair || proposals.some((proposal) => proposal.code === pair.combination)) return null;
  // Every partner the rule knows is part of the link: the combination codes the angina, whatever its kind.
  const partners = credible.filter((proposal) => rule.partners.some((partner) => proposal.code.startsWith(partner.prefix)));
  const parts = [...anchors, ...partners];
  const best = parts.reduce((top, proposal) => (proposal.score > top.score ? proposal : top));
  const replaced = parts.filter((proposal) => rule.replaces.includes(proposal.code) || (!rule.keepPartner && partners.includes(proposal)));
  const { title, billable } = titleOf(pair.combination);
  const combination: CodeProposal = {
    code: pair.combination,
    title,
    billable,
    score: best.score,
    evidence: mergedEvidence(parts),
    rationale: `${anchors[0].rationale}; linked with ${partners.map((proposal) => proposal.code).join(', ')}: ${rule.name}`,
    alternatives: parts.map((proposal): ScoredCode => ({ code: proposal.code, title: proposal.title, score: proposal.score })).slice(0, MAX_ALTERNATIVES),
  };
  const others = proposals.filter((proposal) => !replaced.includes(proposal));
  const at = others.findIndex((proposal) => proposal.score < combination.score);
  return {
    codes: at < 0 ? [...others, combination] : [...others.slice(0, at), combination, ...others.slice(at)],
    folded: replaced.map((proposal) => proposal.code),
  };
}
