import type { Evidence } from '@icd/contracts';
import type { DetectorDoc, DetectorMention, ResolvedCode } from '../detector-doc.js';
import type { EntrySource } from '../dictionary/term-dictionary.js';
import type { CodingModel } from './coding-model.js';

/** Everything a document says for one code, gathered from the mentions that support it. */
export interface CodeCandidate {
  code: string;
  /** Best resolution of the code among its mentions. */
  best: ResolvedCode;
  /** Probability that no supporting mention is right, if they were independent. */
  missed: number;
  mentions: number;
  /** Mentions where this code is the mention's first choice. */
  firstChoice: number;
  entries: Set<number>;
  sections: Set<string | null>;
  /** Offset of the first supporting mention, relative to the text length. */
  firstPosition: number;
  evidence: Evidence[];
  alternatives: Map<string, number>;
}

/** Section categories where a note states its conclusions. */
const DIAGNOSTIC_SECTIONS = new Set(['diagnoses', 'discharge_diagnoses', 'assessment', 'assessment_and_plan', 'impression', 'problem_list']);

/**
 * Gathers, for every code that a coded mention supports (as its first choice or an alternative),
 * what the document says for it. `include` decides which mentions count.
 */
export function collectCodeCandidates(doc: DetectorDoc, include: (mention: DetectorMention, index: number) => boolean): Map<string, CodeCandidate> {
  const candidates = new Map<string, CodeCandidate>();
  doc.mentions.forEach((mention, index) => {
    const resolution = doc.resolutions[index];
    if (!resolution.coded || !include(mention, index)) return;
    resolution.codes.forEach((resolved, rank) => {
      const candidate = candidateFor(candidates, resolved, mention, doc.text.length);
      candidate.mentions += 1;
      if (rank === 0) candidate.firstChoice += 1;
      candidate.missed *= 1 - resolved.score;
      if (resolved.score > candidate.best.score) candidate.best = resolved;
      for (const entry of resolved.entries) candidate.entries.add(entry);
      candidate.sections.add(mention.section);
      if (!candidate.evidence.some((evidence) => evidence.begin === mention.begin && evidence.end === mention.end)) {
        candidate.evidence.push({ begin: mention.begin, end: mention.end, text: mention.text, section: mention.section });
      }
      for (const other of resolution.codes) {
        if (other.code !== resolved.code) candidate.alternatives.set(other.code, Math.max(other.score, candidate.alternatives.get(other.code) ?? 0));
      }
    });
  });
  return candidates;
}

function candidateFor(candidates: Map<string, CodeCandidate>, resolved: ResolvedCode, mention: DetectorMention, length: number): CodeCandidate {
  let candidate = candidates.get(resolved.code);
  if (!candidate) {
    candidate = {
      code: resolved.code,
      best: resolved,
      missed: 1,
      mentions: 0,
      firstChoice: 0,
      entries: new Set(),
      sections: new Set(),
      firstPosition: length === 0 ? 0 : mention.begin / length,
      evidence: [],
      alternatives: new Map(),
    };
    candidates.set(resolved.code, candidate);
  }
  return candidate;
}

export const CANDIDATE_FEATURES = [
  'bestScore',
  'noisyOr',
  'logMentions',
  'firstChoiceShare',
  'logEntries',
  'fromIndex',
  'fromTitle',
  'fromInclusion',
  'fromNeoplasm',
  'fromLexicon',
  'codeGoldRate',
  'codePrecision',
  'inDiagnosticSection',
  'symptomChapter',
  'historyCode',
  'firstPosition',
] as const;

/** The numbers the ranker weighs, in {@link CANDIDATE_FEATURES} order. */
export function candidateFeatures(coding: CodingModel, candidate: CodeCandidate): number[] {
  const sources = new Set<EntrySource>();
  for (const entry of candidate.entries) sources.add(coding.dictionary.entries[entry].source);
  const goldRate = coding.calibration.goldFrequency[candidate.code] ?? 0;
  const [matched, hits] = coding.calibration.codes[candidate.code] ?? [0, 0];
  return [
    candidate.best.score,
    1 - candidate.missed,
    Math.log1p(candidate.mentions),
    candidate.firstChoice / candidate.mentions,
    Math.log1p(candidate.entries.size),
    sources.has('index') ? 1 : 0,
    sources.has('title') ? 1 : 0,
    sources.has('inclusion') ? 1 : 0,
    sources.has('neoplasm') ? 1 : 0,
    sources.has('lexicon') ? 1 : 0,
    Math.log((goldRate + 0.5) / (coding.calibration.documents + 1)),
    (hits + 1) / (matched + 2),
    inDiagnosticSection(candidate.sections) ? 1 : 0,
    candidate.code.startsWith('R') ? 1 : 0,
    coding.historyCodes.has(candidate.code) ? 1 : 0,
    candidate.firstPosition,
  ];
}

function inDiagnosticSection(sections: ReadonlySet<string | null>): boolean {
  for (const section of sections) if (section !== null && DIAGNOSTIC_SECTIONS.has(section)) return true;
  return false;
}
