import type { EncounterSetting, Evidence } from '@icd/contracts';
import type { DetectorDoc, DetectorMention, MentionResolution, ResolvedCode } from '../detector-doc.js';
import type { EntrySource } from '../dictionary/term-dictionary.js';
import type { CodingModel } from './coding-model.js';
import type { Calibration } from './learned-data.js';
import { contentStems } from '../dictionary/stems.js';
import { rememberedIn } from '../bounded-memo.js';

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
  /** Supporting mentions the note places in the past. */
  historical: number;
  /** Supporting mentions the note qualifies as uncertain (coded as established in an inpatient setting). */
  uncertain: number;
  /** Content stems of each supporting mention's words, shared with the other codes of the mention. */
  evidenceStems: (readonly string[])[];
}

/** Section categories where a note states its conclusions. */
const DIAGNOSTIC_SECTIONS = new Set(['diagnoses', 'discharge_diagnoses', 'assessment', 'assessment_and_plan', 'impression', 'problem_list']);

/** Whether a mention's codes are coded in `setting`: an uncertain diagnosis is only in an inpatient one. */
export function isCodedIn(resolution: MentionResolution, setting: EncounterSetting): boolean {
  return resolution.coded || (setting === 'inpatient' && resolution.uncertainOnly);
}

/**
 * Gathers, for every code that a mention coded in `setting` supports (as its first choice or an
 * alternative), what the document says for it. `include` decides which mentions count.
 */
export function collectCodeCandidates(
  doc: DetectorDoc,
  include: (mention: DetectorMention, index: number) => boolean,
  setting: EncounterSetting = 'outpatient',
): Map<string, CodeCandidate> {
  const candidates = new Map<string, CodeCandidate>();
  // Loops rather than forEach: tsx names each closure as it is made, once per mention and per code.
  for (let index = 0; index < doc.mentions.length; index += 1) {
    const mention = doc.mentions[index];
    const resolution = doc.resolutions[index];
    if (!isCodedIn(resolution, setting) || !include(mention, index)) continue;
    const { codes } = resolution;
    const stems = mentionStems(mention.text);
    for (let rank = 0; rank < codes.length; rank += 1) addSupport(candidateFor(candidates, codes[rank], mention, doc.text.length), codes, rank, mention, stems);
  }
  return candidates;
}

/**
 * Content stems of mention texts, remembered: notes name the same conditions in the same words
 * over and over, and splitting and stemming a mention's text costs more than the lookup. Bounded,
 * as the texts are as varied as the notes.
 */
const stemsByMentionText = new Map<string, readonly string[]>();
const MENTION_STEMS_LIMIT = 50_000;

function mentionStems(text: string): readonly string[] {
  return rememberedIn(stemsByMentionText, MENTION_STEMS_LIMIT, text, contentStems);
}

/** Adds to `candidate` what `mention` says for it: its code is `codes[rank]` of the mention's resolution. */
function addSupport(candidate: CodeCandidate, codes: readonly ResolvedCode[], rank: number, mention: DetectorMention, stems: readonly string[]): void {
  const resolved = codes[rank];
  candidate.mentions += 1;
  if (mention.assertion.historical) candidate.historical += 1;
  if (mention.assertion.uncertain) candidate.uncertain += 1;
  candidate.evidenceStems.push(stems);
  if (rank === 0) candidate.firstChoice += 1;
  candidate.missed *= 1 - resolved.score;
  if (resolved.score > candidate.best.score) candidate.best = resolved;
  for (const entry of resolved.entries) candidate.entries.add(entry);
  candidate.sections.add(mention.section);
  if (!hasEvidence(candidate.evidence, mention)) {
    candidate.evidence.push({ begin: mention.begin, end: mention.end, text: mention.text, section: mention.section });
  }
  for (const other of codes) {
    if (other.code !== resolved.code) candidate.alternatives.set(other.code, Math.max(other.score, candidate.alternatives.get(other.code) ?? 0));
  }
}

function hasEvidence(evidence: readonly Evidence[], mention: DetectorMention): boolean {
  for (const item of evidence) if (item.begin === mention.begin && item.end === mention.end) return true;
  return false;
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
      historical: 0,
      uncertain: 0,
      evidenceStems: [],
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
  'categoryGoldRate',
  'narrowed',
  'historicalShare',
  'titleCoverage',
  'uncertainShare',
] as const;

/** What the ranker knows of a code before reading a document, as the features say it. */
export interface CodePriors {
  readonly codeGoldRate: number;
  readonly codePrecision: number;
  readonly symptomChapter: number;
  readonly historyCode: number;
  /** As `codeGoldRate`, for all the codes of the code's category: a code new to training borrows its kin's. */
  readonly categoryGoldRate: number;
  /** Content stems of the code's title. */
  readonly titleStems: readonly string[];
}

/**
 * {@link CodePriors} of each code, worked out once: each takes several lookups keyed by the code,
 * and a document asks about the same codes as the documents before it.
 */
export function createCodePriors(
  calibration: Calibration,
  historyCodes: ReadonlySet<string>,
  titleOf: (code: string) => string | undefined = () => undefined,
): (code: string) => CodePriors {
  const priors = new Map<string, CodePriors>();
  const categoryGold = new Map<string, number>();
  for (const [code, count] of Object.entries(calibration.goldFrequency)) categoryGold.set(code.slice(0, 3), (categoryGold.get(code.slice(0, 3)) ?? 0) + count);
  const goldRate = (count: number) => Math.log((count + 0.5) / (calibration.documents + 1));
  return (code) => {
    let known = priors.get(code);
    if (!known) {
      const [matched, hits] = calibration.codes[code] ?? [0, 0];
      known = {
        codeGoldRate: goldRate(calibration.goldFrequency[code] ?? 0),
        codePrecision: (hits + 1) / (matched + 2),
        symptomChapter: code.startsWith('R') ? 1 : 0,
        historyCode: historyCodes.has(code) ? 1 : 0,
        categoryGoldRate: goldRate(categoryGold.get(code.slice(0, 3)) ?? 0),
        titleStems: contentStems(titleOf(code) ?? ''),
      };
      // Bounded by the code set: only codes the resolutions name are asked about.
      priors.set(code, known);
    }
    return known;
  };
}

/** The sources a feature tells apart, each a bit of {@link sourceBits}. */
const FEATURE_SOURCES: readonly EntrySource[] = ['index', 'title', 'inclusion', 'neoplasm', 'lexicon'];

function sourceBits(coding: CodingModel, entries: ReadonlySet<number>): number {
  let bits = 0;
  for (const entry of entries) {
    // A status entry sets no bit: the ranker tells it apart by its code's priors.
    const at = FEATURE_SOURCES.indexOf(coding.dictionary.entries[entry].source);
    if (at >= 0) bits |= 1 << at;
  }
  return bits;
}

/** 1 when `bits` (from {@link sourceBits}) has `source`, else 0. */
function fromSource(bits: number, source: EntrySource): number {
  return (bits >> FEATURE_SOURCES.indexOf(source)) & 1;
}

/** The numbers the ranker weighs, in {@link CANDIDATE_FEATURES} order; `priors` are the candidate code's. */
export function candidateFeatures(coding: CodingModel, candidate: CodeCandidate, priors = coding.codePriors(candidate.code)): number[] {
  const sources = sourceBits(coding, candidate.entries);
  return [
    candidate.best.score,
    1 - candidate.missed,
    Math.log1p(candidate.mentions),
    candidate.firstChoice / candidate.mentions,
    Math.log1p(candidate.entries.size),
    fromSource(sources, 'index'),
    fromSource(sources, 'title'),
    fromSource(sources, 'inclusion'),
    fromSource(sources, 'neoplasm'),
    fromSource(sources, 'lexicon'),
    priors.codeGoldRate,
    priors.codePrecision,
    inDiagnosticSection(candidate.sections) ? 1 : 0,
    priors.symptomChapter,
    priors.historyCode,
    candidate.firstPosition,
    priors.categoryGoldRate,
    candidate.best.code === candidate.best.matchedCode ? 0 : 1,
    candidate.historical / candidate.mentions,
    coverage(priors.titleStems, candidate.evidenceStems),
    candidate.uncertain / candidate.mentions,
  ];
}

/** Share of `stems` that one of `found` holds; 0 for none. */
function coverage(stems: readonly string[], found: readonly (readonly string[])[]): number {
  if (stems.length === 0) return 0;
  let covered = 0;
  for (const stem of stems) if (found.some((words) => words.includes(stem))) covered += 1;
  return covered / stems.length;
}

function inDiagnosticSection(sections: ReadonlySet<string | null>): boolean {
  for (const section of sections) if (section !== null && DIAGNOSTIC_SECTIONS.has(section)) return true;
  return false;
}
