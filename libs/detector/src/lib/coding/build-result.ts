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
import type { DetectorDoc, DetectorMention, ResolvedCode } from '../detector-doc.js';
import type { CodingModel } from './coding-model.js';

/** A single mention never makes a code certain; more mentions of it raise the score (noisy-or). */
const MAX_SCORE = 0.99;

interface CodeAccumulator {
  code: string;
  missed: number;
  best: ResolvedCode;
  evidence: Evidence[];
  alternatives: Map<string, number>;
}

/** The result contract from a doc that went through every stage. */
export function buildDetectionResult(doc: DetectorDoc, coding: CodingModel, options: DetectionOptions = {}): DetectionResult {
  const accumulators = new Map<string, CodeAccumulator>();
  const mentionCoded = doc.mentions.map((mention, index) => {
    const resolution = doc.resolutions[index];
    if (!resolution.coded || !inSelectedSections(mention, options)) return false;
    addMention(accumulators, mention, resolution.codes);
    return true;
  });
  const codes = settleExcludes1(coding, rankCodes(coding, accumulators)).filter((proposal) => proposal.score >= (options.minScore ?? coding.calibration.threshold));
  const kept = new Set(codes.map((proposal) => proposal.code));
  return {
    schemaVersion: DETECTION_SCHEMA_VERSION,
    terminology: { system: 'ICD-10-CM', version: coding.terminology.version.version },
    documentLength: doc.text.length,
    codes,
    mentions: options.includeMentions ? doc.mentions.map((mention, index) => describeMention(doc, coding, mention, index, mentionCoded[index], kept)) : [],
  };
}

function inSelectedSections(mention: DetectorMention, options: DetectionOptions): boolean {
  return !options.sections || (mention.section !== null && options.sections.includes(mention.section));
}

function addMention(accumulators: Map<string, CodeAccumulator>, mention: DetectorMention, codes: readonly ResolvedCode[]): void {
  const [best, ...others] = codes;
  let accumulator = accumulators.get(best.code);
  if (!accumulator) {
    accumulator = { code: best.code, missed: 1, best, evidence: [], alternatives: new Map() };
    accumulators.set(best.code, accumulator);
  }
  accumulator.missed *= 1 - best.score;
  if (best.score > accumulator.best.score) accumulator.best = best;
  if (!accumulator.evidence.some((evidence) => evidence.begin === mention.begin && evidence.end === mention.end)) {
    accumulator.evidence.push({ begin: mention.begin, end: mention.end, text: mention.text, section: mention.section });
  }
  for (const other of others) accumulator.alternatives.set(other.code, Math.max(other.score, accumulator.alternatives.get(other.code) ?? 0));
}

function rankCodes(coding: CodingModel, accumulators: Map<string, CodeAccumulator>): CodeProposal[] {
  const proposals: CodeProposal[] = [];
  for (const accumulator of accumulators.values()) {
    const summary = coding.terminology.summary(accumulator.code);
    if (!summary) continue;
    proposals.push({
      code: summary.code,
      title: summary.title,
      billable: summary.billable,
      score: round(Math.min(MAX_SCORE, 1 - accumulator.missed)),
      evidence: accumulator.evidence.sort((a, b) => a.begin - b.begin),
      rationale: accumulator.best.rationale,
      alternatives: scoredCodes(coding, accumulator.alternatives, accumulator.code),
    });
  }
  return proposals.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
}

function scoredCodes(coding: CodingModel, scores: ReadonlyMap<string, number>, exclude?: string): ScoredCode[] {
  return [...scores.entries()]
    .filter(([code]) => code !== exclude)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_ALTERNATIVES)
    .map(([code, score]) => ({ code, title: coding.terminology.summary(code)?.title ?? code, score: round(score) }));
}

/** Of two codes an Excludes1 note keeps apart, the better-supported one stays. */
function settleExcludes1(coding: CodingModel, ranked: CodeProposal[]): CodeProposal[] {
  const kept: CodeProposal[] = [];
  for (const proposal of ranked) {
    if (!kept.some((other) => coding.excludes1(other.code, proposal.code))) kept.push(proposal);
  }
  return kept;
}

function describeMention(doc: DetectorDoc, coding: CodingModel, mention: DetectorMention, index: number, coded: boolean, kept: ReadonlySet<string>): Mention {
  const resolution = doc.resolutions[index];
  const candidates = new Map(resolution.codes.map((code) => [code.code, code.score]));
  const best = resolution.codes[0]?.code;
  const reason = coded && best && !kept.has(best) ? 'excluded by an Excludes1 note or below minScore' : resolution.reason;
  return {
    begin: mention.begin,
    end: mention.end,
    text: mention.text,
    section: mention.section,
    assertion: mention.assertion,
    candidates: scoredCodes(coding, candidates),
    coded: coded && best !== undefined && kept.has(best),
    reason,
  };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
