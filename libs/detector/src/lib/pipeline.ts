import { type DetectorDoc, createDetectorDoc } from './detector-doc.js';
import { loadDefaultRules } from './rules/detector-rules.js';
import type { NamedStage, StageDeps } from './stage.js';
import { ASSERT_CONTEXT_STAGE, assertContext } from './stages/assert-context.js';
import { EXPAND_ABBREVIATIONS_STAGE, expandAbbreviations } from './stages/expand-abbreviations.js';
import { SECTIONIZE_STAGE, sectionize } from './stages/sectionize.js';
import { TOKENIZE_STAGE, tokenize } from './stages/tokenize.js';
import { MATCH_TERMS_STAGE, matchTerms } from './stages/match-terms.js';
import { RESOLVE_CODES_STAGE, resolveCodes } from './stages/resolve-codes.js';
import { LINK_SEQUELAE_STAGE, linkSequelae } from './stages/link-sequelae.js';

/**
 * The text stages, in order. A term-matching stage that adds mentions belongs between
 * expand-abbreviations and assert-context: it reads expansions, and ConText reads its mentions.
 */
export const TEXT_STAGES: readonly NamedStage[] = Object.freeze([
  { name: TOKENIZE_STAGE, run: tokenize },
  { name: SECTIONIZE_STAGE, run: sectionize },
  { name: EXPAND_ABBREVIATIONS_STAGE, run: expandAbbreviations },
  { name: ASSERT_CONTEXT_STAGE, run: assertContext },
]);

/** The whole detector: text stages, then finding, qualifying and resolving condition mentions. */
export const CODING_STAGES: readonly NamedStage[] = Object.freeze([
  { name: TOKENIZE_STAGE, run: tokenize },
  { name: SECTIONIZE_STAGE, run: sectionize },
  { name: EXPAND_ABBREVIATIONS_STAGE, run: expandAbbreviations },
  { name: MATCH_TERMS_STAGE, run: matchTerms },
  { name: ASSERT_CONTEXT_STAGE, run: assertContext },
  { name: RESOLVE_CODES_STAGE, run: resolveCodes },
  { name: LINK_SEQUELAE_STAGE, run: linkSequelae },
]);

/** Dependencies built from the shipped rules. */
export function defaultStageDeps(): StageDeps {
  return { rules: loadDefaultRules() };
}

/** Runs `stages` in order over `doc`. */
export function runStagesOnDoc(doc: DetectorDoc, stages: readonly NamedStage[], deps: StageDeps = defaultStageDeps()): DetectorDoc {
  return stages.reduce((current, stage) => stage.run(current, deps), doc);
}

/** Runs `stages` in order over a fresh doc of `text`. */
export function runStages(text: string, stages: readonly NamedStage[] = TEXT_STAGES, deps: StageDeps = defaultStageDeps()): DetectorDoc {
  return runStagesOnDoc(createDetectorDoc(text), stages, deps);
}

/**
 * The stages up to and including the one named `name`, for running part of the pipeline, e.g.
 * to add mentions before assert-context.
 */
export function stagesThrough(name: string, stages: readonly NamedStage[] = TEXT_STAGES): NamedStage[] {
  const index = stages.findIndex((stage) => stage.name === name);
  if (index < 0) throw new Error(`no stage named "${name}"`);
  return stages.slice(0, index + 1);
}
