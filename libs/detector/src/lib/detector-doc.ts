import type { Assertion } from '@icd/contracts';

/**
 * A span of the submitted text. Offsets are JavaScript string indices (UTF-16 code units), `end`
 * exclusive: `doc.text.slice(begin, end)` is the covered text.
 */
export interface TextRange {
  readonly begin: number;
  readonly end: number;
}

/** Coarse token classes; finer wink-nlp types are folded into these. */
export type TokenKind = 'word' | 'number' | 'punctuation' | 'symbol' | 'emoji' | 'time' | 'other';

/** One token. Whitespace, tabs and line breaks are never tokens. */
export interface Token extends TextRange {
  /** Position in `doc.tokens`. */
  readonly index: number;
  /** Verbatim: `doc.text.slice(begin, end) === text`. */
  readonly text: string;
  /** Lower-cased, contractions expanded (`n't` -> `not`). */
  readonly normal: string;
  readonly kind: TokenKind;
  /** Position of the enclosing sentence in `doc.sentences`. */
  readonly sentence: number;
  /**
   * The tokenizer's number for `text`: tokens with the same number have the same text, kind and
   * normal, so a later stage may remember what it derives from a normal by number (checking the
   * normal: the tokenizer numbers afresh now and then). {@link NO_SPELLING_ID} when `normal` is
   * not the spelling's own (a piece of a contraction: "n't" -> "not").
   */
  readonly spellingId: number;
}

/** {@link Token.spellingId} of a token that shares its normal with no other token of its spelling. */
export const NO_SPELLING_ID = -1;

/** A sentence: ends where wink-nlp ends one, and at every line break. */
export interface Sentence extends TextRange {
  readonly index: number;
  /** First token, an index into `doc.tokens`. */
  readonly tokenBegin: number;
  /** One past the last token. */
  readonly tokenEnd: number;
}

/** A stretch of the note under one header. Sections tile the text without gaps. */
export interface Section extends TextRange {
  /** snake_case category such as `past_medical_history`; null before the first header. */
  readonly category: string | null;
  /** The header as written (without its colon), or null for the stretch before the first header. */
  readonly header: (TextRange & { readonly text: string }) | null;
}

/** An abbreviation found in the text with the sense chosen for it. `text` is never rewritten. */
export interface Expansion extends TextRange {
  /** The abbreviation as written: `doc.text.slice(begin, end) === text`. */
  readonly text: string;
  /** The dictionary entry it matched, e.g. `AFib` for `afib`. */
  readonly abbreviation: string;
  /** The chosen sense, e.g. `atrial fibrillation`. */
  readonly expansion: string;
  /** True when the entry has several senses, so the choice came from context. */
  readonly ambiguous: boolean;
}

/** ConText categories, as medspaCy names them. */
export type ContextCategory = 'NEGATED_EXISTENCE' | 'POSSIBLE_EXISTENCE' | 'HYPOTHETICAL' | 'HISTORICAL' | 'FAMILY';

/** Why a mention carries an assertion flag: a trigger phrase in its sentence, or its section. */
export type AssertionCue =
  | (TextRange & { readonly source: 'trigger'; readonly category: ContextCategory; readonly literal: string })
  | { readonly source: 'section'; readonly category: ContextCategory; readonly section: string };

/** A span that a later stage may code, with its assertion. */
export interface DetectorMention extends TextRange {
  readonly text: string;
  /** Section category at `begin`. */
  readonly section: string | null;
  readonly assertion: Assertion;
  /** What set each assertion flag; empty when the mention is affirmed. */
  readonly assertionCues: readonly AssertionCue[];
}

/** One dictionary entry matched inside a mention. */
export interface CandidateMatch {
  /** Entry id in the term dictionary. */
  readonly entry: number;
  /** Tokens that carried the entry's stems. */
  readonly tokens: readonly number[];
  /** How strongly this match suggests its code: 0..1. */
  readonly score: number;
  /** The match straddles a list separator, so its words may belong to two conditions. */
  readonly crossesList: boolean;
}

export interface MentionCandidates {
  readonly matches: readonly CandidateMatch[];
}

/** A code a mention supports, after narrowing headers and applying history/family conventions. */
export interface ResolvedCode {
  /** Dotted, billable FY code. */
  readonly code: string;
  readonly score: number;
  readonly rationale: string;
  /** The code the dictionary matched before narrowing, dotted. */
  readonly matchedCode: string;
  /** Dictionary entries that led to this code. */
  readonly entries: readonly number[];
}

export interface MentionResolution {
  /** Best first. */
  readonly codes: readonly ResolvedCode[];
  /** Whether the mention's best code belongs in `codes` of the result, and why or why not. */
  readonly coded: boolean;
  readonly reason: string;
  /**
   * Left out only because the mention is uncertain ("probable pneumonia"): the inpatient
   * guidelines code it as if established, so it is coded in that setting, with `reasonIfEstablished`.
   */
  readonly uncertainOnly: boolean;
  readonly reasonIfEstablished: string;
}

/** Something a stage wants the caller to know. Never holds document text: it is PHI. */
export interface StageDiagnostic {
  readonly stage: string;
  readonly message: string;
}

/**
 * The document as it moves through the stages. Every layer is read-only: a stage returns a new
 * doc with its layers replaced, never mutating the one it was given. A later layer (candidates,
 * codes) is added as a new readonly field with an empty default in {@link createDetectorDoc}.
 */
export interface DetectorDoc {
  /** The text as submitted; every offset in every layer indexes it. */
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly sections: readonly Section[];
  readonly expansions: readonly Expansion[];
  readonly mentions: readonly DetectorMention[];
  /** Dictionary matches behind each mention, parallel to `mentions` (match-terms writes both). */
  readonly candidates: readonly MentionCandidates[];
  /** Codes decided for each mention, parallel to `mentions` (resolve-codes). */
  readonly resolutions: readonly MentionResolution[];
  /** Names of the stages that have run, in order. */
  readonly completedStages: readonly string[];
  readonly diagnostics: readonly StageDiagnostic[];
}

/** A doc with no layers yet. */
export function createDetectorDoc(text: string): DetectorDoc {
  return {
    text,
    tokens: [],
    sentences: [],
    sections: [],
    expansions: [],
    candidates: [],
    resolutions: [],
    mentions: [],
    completedStages: [],
    diagnostics: [],
  };
}

/** The layers a stage may replace. */
export type DocLayers = Partial<Omit<DetectorDoc, 'text' | 'completedStages'>>;

/**
 * A new doc with `layers` replaced and `stage` recorded as completed. Written out field by field
 * in the order of {@link createDetectorDoc}, not spread: every doc then has the one shape, and a
 * stage reading a layer reads it from an object V8 already knows.
 */
export function withLayers(doc: DetectorDoc, stage: string, layers: DocLayers): DetectorDoc {
  return {
    text: doc.text,
    tokens: layers.tokens ?? doc.tokens,
    sentences: layers.sentences ?? doc.sentences,
    sections: layers.sections ?? doc.sections,
    expansions: layers.expansions ?? doc.expansions,
    candidates: layers.candidates ?? doc.candidates,
    resolutions: layers.resolutions ?? doc.resolutions,
    mentions: layers.mentions ?? doc.mentions,
    completedStages: [...doc.completedStages, stage],
    diagnostics: layers.diagnostics ?? doc.diagnostics,
  };
}

/** Thrown when a stage runs before a stage whose layers it reads. */
export class StageOrderError extends Error {
  constructor(stage: string, missing: readonly string[]) {
    super(`stage "${stage}" needs ${missing.map((name) => `"${name}"`).join(', ')} to run first`);
    this.name = 'StageOrderError';
  }
}

/** Throws {@link StageOrderError} unless every stage in `required` has run on `doc`. */
export function requireStages(doc: DetectorDoc, stage: string, required: readonly string[]): void {
  const missing = required.filter((name) => !doc.completedStages.includes(name));
  if (missing.length > 0) throw new StageOrderError(stage, missing);
}
