import {
  DETECTION_SCHEMA_VERSION,
  MAX_ALTERNATIVES,
  type CodeProposal,
  type DetectionOptions,
  type DetectionResult,
  type Evidence,
  type Mention,
  type ScoredCode,
} from '@icd/contracts';
import type { DetectorDoc, DetectorMention } from '../detector-doc.js';
import { candidateFeatures, collectCodeCandidates, isCodedIn, type CodeCandidate } from './code-candidates.js';
import type { CodeFacts } from './code-facts.js';
import type { CodingModel } from './coding-model.js';
import { rankerProbability } from './logistic-ranker.js';
import { bmiProposal } from './bmi-status.js';
import { withCodeFirstDefaults } from './code-first-defaults.js';
import { keepSupportedStatusCodes } from './status-rules.js';
import { linkHypertension } from './hypertension-links.js';
import { linkPresumed } from './presumed-links.js';
import { widerReadingsFirst } from './wider-readings.js';
import { dropAlternativeSiblings } from './default-siblings.js';
import { rangesOverlap } from '../doc-queries.js';

/** A single mention never makes a code certain. */
const MAX_SCORE = 0.99;

/** The result contract from a doc that went through every stage. */
export function buildDetectionResult(doc: DetectorDoc, coding: CodingModel, options: DetectionOptions = {}): DetectionResult {
  const setting = options.setting ?? 'outpatient';
  const candidates = collectCodeCandidates(doc, (mention) => inSelectedSections(mention, options), setting);
  // Of two codes an Excludes1 note keeps apart that read the same words, the one that reads more
  // of them stays, else the better-supported one. Read from separate mentions they are separately
  // documented conditions, which the guidelines' exception for unrelated conditions lets a coder
  // report together (dyspnea and tachypnea); a coder who finds them related drops one.
  // Below-threshold codes are left out first: a code the ranker rejects settles no conflict.
  const scored = rankCodes(coding, candidates, options.minScore ?? coding.calibration.threshold);
  const settlingOrder = widerReadingsFirst(
    scored,
    (code) => code.proposal.evidence,
    (a, b) => coding.excludes1.conflict(a.proposal.code, b.proposal.code),
    (code) => wordsRead(coding, candidates.get(code.proposal.code)),
    (wider, narrower) => coding.excludes1.names(wider.proposal.code, narrower.proposal.code),
  );
  const compatible = new Set(
    coding.excludes1.keepCompatible(
      settlingOrder,
      (code) => code.facts.excludes1,
      (kept, item) => evidenceOverlaps(kept.proposal.evidence, item.proposal.evidence),
    ),
  );
  // Asked of every pair of proposals: worked out once per code.
  const combinations = combinationCodes(coding, candidates);
  const ranked = dropAlternativeSiblings(
    scored.filter((code) => compatible.has(code)).map((code) => code.proposal),
    (code) => (candidates.get(code)?.firstChoice ?? 0) > 0,
    (combination, component) => namesComponent(combinations, combination, component),
  );
  const impliedOnly = (code: string) => [...(candidates.get(code)?.entries ?? [])].every((entry) => coding.dictionary.entries[entry].source === 'status');
  const diagnosed = keepSupportedStatusCodes(dropContradictedWithoutComplications(ranked, coding.calibration.threshold), coding.statusRules, impliedOnly);
  const linked = linkHypertension(diagnosed, coding.hypertensionLinks, coding.calibration.threshold, (code) => summaryOf(coding, code));
  const presumed = linkPresumed(linked.codes, coding.presumedLinks, coding.calibration.threshold, (code) => summaryOf(coding, code));
  const codes = withBmiStatus(doc, coding, withCodeFirstDefaults(presumed.codes, coding.codeFirstDefaults), options);
  // A mention whose code was folded into a combination code is coded, as that code.
  const kept = new Set([...codes.map((proposal) => proposal.code), ...linked.folded, ...presumed.folded]);
  return {
    schemaVersion: DETECTION_SCHEMA_VERSION,
    terminology: { system: 'ICD-10-CM', version: coding.terminology.version.version },
    documentLength: doc.text.length,
    codes,
    mentions: options.includeMentions ? doc.mentions.map((mention, index) => describeMention(doc, coding, mention, index, kept, options)) : [],
  };
}

/** `codes` with the BMI status code its stated BMI and an associated diagnosis call for, when there is one and it is not there yet. */
function withBmiStatus(doc: DetectorDoc, coding: CodingModel, codes: CodeProposal[], options: DetectionOptions): CodeProposal[] {
  const bmi = bmiProposal(doc, coding.bmiRules, codes, (code) => coding.summary(code)?.title ?? code);
  if (!bmi || codes.some((proposal) => proposal.code === bmi.code) || !inSelectedSections(bmi.evidence[0], options)) return codes;
  // Best first, as every code list is: after the codes scored as high, before the first scored lower.
  const at = codes.findIndex((proposal) => proposal.score < bmi.score);
  return at < 0 ? [...codes, bmi] : [...codes.slice(0, at), bmi, ...codes.slice(at)];
}

function inSelectedSections(mention: Pick<DetectorMention, 'section'>, options: DetectionOptions): boolean {
  return !options.sections || (mention.section !== null && options.sections.includes(mention.section));
}

/**
 * With a fitted ranker every supported code is weighed on all the document says for it; without
 * one, only mentions' first choices count, scored by their best match and combined as a noisy-or.
 */
function candidateScore(coding: CodingModel, candidate: CodeCandidate, facts: CodeFacts): number | null {
  const ranker = coding.calibration.ranker;
  if (ranker) return rankerProbability(ranker, candidateFeatures(coding, candidate, facts.priors));
  return candidate.firstChoice > 0 ? 1 - candidate.missed : null;
}

/** A proposal with the facts of its code, which the Excludes1 check reads again. */
interface RankedCode {
  readonly proposal: CodeProposal;
  readonly facts: CodeFacts;
}

function rankCodes(coding: CodingModel, candidates: ReadonlyMap<string, CodeCandidate>, minScore: number): RankedCode[] {
  // Alternatives are candidates too (from the same mentions): their titles are read from here, not the large cache.
  const factsByCode = new Map<string, CodeFacts>();
  for (const candidate of candidates.values()) factsByCode.set(candidate.code, coding.codeFacts(candidate.code));
  const ranked: RankedCode[] = [];
  for (const candidate of candidates.values()) {
    const facts = factsByCode.get(candidate.code) as CodeFacts;
    const raw = candidateScore(coding, candidate, facts);
    if (raw === null) continue;
    const score = round(Math.min(MAX_SCORE, raw));
    const summary = score >= minScore ? facts.summary : null;
    if (!summary) continue;
    const proposal: CodeProposal = {
      code: summary.code,
      title: summary.title,
      billable: summary.billable,
      score,
      evidence: inTextOrder(candidate.evidence),
      rationale: candidate.best.rationale,
      alternatives: scoredCodes((code) => titleOf(factsByCode.get(code) ?? coding.codeFacts(code), code), candidate.alternatives, candidate.code),
    };
    ranked.push({ proposal, facts });
  }
  return ranked.sort((a, b) => b.proposal.score - a.proposal.score || a.proposal.code.localeCompare(b.proposal.code));
}

/** The codes an Index "with" combination entry led to, each with the stems of those entries. */
function combinationCodes(coding: CodingModel, candidates: ReadonlyMap<string, CodeCandidate>): Map<string, (readonly string[])[]> {
  const codes = new Map<string, (readonly string[])[]>();
  for (const [code, candidate] of candidates) {
    for (const entry of candidate.entries) {
      const { combination, stems } = coding.dictionary.entries[entry];
      if (combination !== true) continue;
      const readings = codes.get(code);
      if (readings) readings.push(stems);
      else codes.set(code, [stems]);
    }
  }
  return codes;
}

/**
 * Whether the combination `combination` names the condition `component` codes: any condition
 * that is no combination itself, and a combination whose every reading is part of one of the
 * wider combination's ("acute respiratory failure with hypoxia" within "acute and chronic
 * respiratory failure with hypoxia").
 */
function namesComponent(combinations: ReadonlyMap<string, (readonly string[])[]>, combination: string, component: string): boolean {
  const wider = combinations.get(combination);
  if (!wider) return false;
  const readings = combinations.get(component);
  return !readings || readings.every((stems) => wider.some((widerStems) => widerStems.length > stems.length && stems.every((stem) => widerStems.includes(stem))));
}

/** The most words one dictionary entry behind `candidate` reads. */
function wordsRead(coding: CodingModel, candidate: CodeCandidate | undefined): number {
  let most = 0;
  for (const entry of candidate?.entries ?? []) most = Math.max(most, coding.dictionary.entries[entry].stems.length);
  return most;
}

/** Whether a span of `a` and a span of `b` share a character. */
function evidenceOverlaps(a: readonly Evidence[], b: readonly Evidence[]): boolean {
  return a.some((x) => b.some((y) => rangesOverlap(x, y)));
}

/** `evidence` sorted by where it begins; mentions come in text order, so it nearly always is already. */
function inTextOrder(evidence: Evidence[]): Evidence[] {
  for (let i = 1; i < evidence.length; i += 1) {
    if (evidence[i].begin < evidence[i - 1].begin) return [...evidence].sort((a, b) => a.begin - b.begin);
  }
  return evidence;
}

function summaryOf(coding: CodingModel, code: string): { title: string; billable: boolean } {
  const summary = coding.summary(code);
  return { title: summary?.title ?? code, billable: summary?.billable ?? false };
}

function titleOf(facts: CodeFacts, code: string): string {
  return facts.summary?.title ?? code;
}

/**
 * The `MAX_ALTERNATIVES` best of `scores` but `exclude`, best first, ties in map order: what a
 * stable sort of all of them and a slice would give, kept by insertion into the few best so far,
 * since ranking asks this of every proposal and copying and sorting each map made most of its garbage.
 */
function scoredCodes(titleOf: (code: string) => string, scores: ReadonlyMap<string, number>, exclude?: string): ScoredCode[] {
  const codes: string[] = [];
  const best: number[] = [];
  for (const [code, score] of scores) {
    if (code === exclude) continue;
    let at = best.length;
    // Strictly lower only: an equal score came first in the map and stays before.
    while (at > 0 && best[at - 1] < score) at -= 1;
    if (at >= MAX_ALTERNATIVES) continue;
    codes.splice(at, 0, code);
    best.splice(at, 0, score);
    if (best.length > MAX_ALTERNATIVES) {
      codes.pop();
      best.pop();
    }
  }
  return codes.map((code, index) => ({ code, title: titleOf(code), score: round(best[index]) }));
}

const WITHOUT_COMPLICATIONS = /\bwithout complications?\b/i;

/**
 * A "without complications" code (E11.9) says the category has nothing more to report: once
 * another code of the same category credibly reports a complication (E11.22, scored at least
 * `credibleScore`), it cannot stand. A faint candidate shown only at a low `minScore` does not count.
 */
export function dropContradictedWithoutComplications(proposals: CodeProposal[], credibleScore: number): CodeProposal[] {
  return proposals.filter(
    (proposal) =>
      !WITHOUT_COMPLICATIONS.test(proposal.title) ||
      !proposals.some(
        (other) =>
          other !== proposal &&
          other.score >= credibleScore &&
          other.code.slice(0, 3) === proposal.code.slice(0, 3) &&
          !WITHOUT_COMPLICATIONS.test(other.title),
      ),
  );
}

function describeMention(doc: DetectorDoc, coding: CodingModel, mention: DetectorMention, index: number, kept: ReadonlySet<string>, options: DetectionOptions): Mention {
  const resolution = doc.resolutions[index];
  const candidates = new Map(resolution.codes.map((code) => [code.code, code.score]));
  const best = resolution.codes.find((code) => kept.has(code.code))?.code;
  const codable = isCodedIn(resolution, options.setting ?? 'outpatient');
  const codableReason = resolution.coded ? resolution.reason : resolution.reasonIfEstablished;
  const coded = codable && inSelectedSections(mention, options) && best !== undefined;
  const reason = coded ? codableReason : codable ? (inSelectedSections(mention, options) ? 'below the score threshold, excluded by an Excludes1 note, named by a wider code of its category, or a status whose diagnosis is not coded' : 'outside the selected sections') : resolution.reason;
  return {
    begin: mention.begin,
    end: mention.end,
    text: mention.text,
    section: mention.section,
    assertion: mention.assertion,
    candidates: scoredCodes((code) => titleOf(coding.codeFacts(code), code), candidates),
    coded,
    reason,
  };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
