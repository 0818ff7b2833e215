import patternsJson from '../../data/phi-patterns.en.json' with { type: 'json' };
import { compileRules, type CompiledRule } from './compile-rules.js';
import { findPhiSpans } from './find-spans.js';
import { indexNameLexicon, type NameLexiconIndex } from './names.js';
import { parsePhiPatterns, type PhiPatternFile } from './pattern-file.js';
import { placeholderFor, type PhiSpan, type PhiType, type RedactedSpan } from './phi-types.js';

/** File name of the shipped pattern file under `src/data/`, as errors name it. */
export const DEFAULT_PATTERN_FILE = 'phi-patterns.en.json';

/** How to redact. */
export interface RedactOptions {
  /** Only redact these identifier types (default: all). */
  readonly types?: readonly PhiType[];
  /**
   * Keep the year of a date (default true), as Safe Harbor allows: "March 3, 2021" becomes
   * "[DATE], 2021", "03/15/2021" becomes "[DATE]/2021", "2021-03-15" becomes "2021-[DATE]".
   * A year 90 or more years before `referenceYear` reveals an age over 89 and goes with the rest
   * of its date ("DOB: [DATE]"). False redacts every date whole.
   */
  readonly keepYear?: boolean;
  /** The year ages are counted to (default: the current UTC year). */
  readonly referenceYear?: number;
  /** Also redact other mentions of a word found in a name (default true). */
  readonly propagateNames?: boolean;
}

/** A redacted text and, in text order, what was replaced. */
export interface RedactionResult {
  readonly text: string;
  readonly spans: RedactedSpan[];
}

/** A redactor built once from a pattern file (compiling the rules takes a few milliseconds). */
export interface Redactor {
  /** Replaces every identifier in `text` by its placeholder. */
  redact(text: string, options?: RedactOptions): RedactionResult;
  /** The identifiers in `text`, in text order, without redacting. */
  findPhi(text: string, options?: RedactOptions): PhiSpan[];
}

/** The shipped pattern file, validated. */
export function loadDefaultPhiPatterns(): PhiPatternFile {
  return parsePhiPatterns(patternsJson, DEFAULT_PATTERN_FILE);
}

/** Writes each span's placeholder in its place; `spans` must be in text order and not overlap. */
export function applyRedactions(text: string, spans: readonly PhiSpan[]): RedactionResult {
  const parts: string[] = [];
  const redacted: RedactedSpan[] = [];
  let cursor = 0;
  let length = 0;
  for (const span of spans) {
    if (span.begin < cursor || span.end < span.begin || span.end > text.length) {
      throw new RangeError('redaction spans must be in text order, inside the text, and not overlap');
    }
    const placeholder = placeholderFor(span.type);
    parts.push(text.slice(cursor, span.begin), placeholder);
    length += span.begin - cursor;
    redacted.push({ ...span, redactedBegin: length, redactedEnd: length + placeholder.length });
    length += placeholder.length;
    cursor = span.end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), spans: redacted };
}

/** Builds a redactor from a validated pattern file (default: the shipped one). */
export function createRedactor(patterns: PhiPatternFile = loadDefaultPhiPatterns()): Redactor {
  const rules: readonly CompiledRule[] = compileRules(patterns, patterns.rules);
  const names: NameLexiconIndex = indexNameLexicon(patterns.names);
  const findPhi = (text: string, options: RedactOptions = {}): PhiSpan[] =>
    findPhiSpans(text, {
      rules,
      names,
      types: options.types ? new Set(options.types) : undefined,
      keepYear: options.keepYear ?? true,
      referenceYear: options.referenceYear ?? new Date().getUTCFullYear(),
      propagateNames: options.propagateNames ?? true,
    });
  return {
    findPhi,
    redact: (text, options) => applyRedactions(text, findPhi(text, options)),
  };
}

let defaultRedactor: Redactor | undefined;

/**
 * Replaces the HIPAA Safe Harbor identifiers in `text` by typed placeholders (`[NAME]`, `[DATE]`...)
 * using the shipped rules. Each span gives the identifier's offsets in `text` and its placeholder's
 * offsets in the result; {@link mapOffset} and {@link mapSpan} carry other offsets across.
 * Nothing is logged, and errors never contain the text.
 */
export function redactPhi(text: string, options?: RedactOptions): RedactionResult {
  defaultRedactor ??= createRedactor();
  return defaultRedactor.redact(text, options);
}
