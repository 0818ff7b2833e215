import { PHI_TYPES, type PhiSpan, type PhiType } from '../lib/redaction/phi-types.js';

/** Counts for one identifier type. */
export interface TypeScore {
  /** Ground-truth identifiers. */
  readonly expected: number;
  /** Ground-truth identifiers whose every character was redacted (as any type). */
  readonly covered: number;
  /** Ground-truth identifiers wholly redacted by spans of their own type. */
  readonly coveredAsType: number;
  /** Spans the redactor reported with this type. */
  readonly found: number;
  /** Of those, how many overlap some ground-truth identifier. */
  readonly foundCorrect: number;
}

/** Recall counts the identifiers that no longer show; precision counts redactions that hit PHI. */
export interface RedactionScore {
  readonly byType: Record<PhiType, TypeScore>;
  readonly overall: TypeScore;
}

function emptyScore(): { -readonly [K in keyof TypeScore]: number } {
  return { expected: 0, covered: 0, coveredAsType: 0, found: 0, foundCorrect: 0 };
}

function isCovered(span: PhiSpan, found: readonly PhiSpan[], sameType: boolean): boolean {
  let cursor = span.begin;
  for (const other of found) {
    if (sameType && other.type !== span.type) continue;
    if (other.begin <= cursor && other.end > cursor) cursor = other.end;
    if (cursor >= span.end) return true;
  }
  return cursor >= span.end;
}

const overlaps = (a: PhiSpan, b: PhiSpan) => a.begin < b.end && b.begin < a.end;

/** Scores found spans against ground truth, document by document (both lists in text order). */
export function scoreRedaction(documents: readonly { expected: readonly PhiSpan[]; found: readonly PhiSpan[] }[]): RedactionScore {
  const byType = Object.fromEntries(PHI_TYPES.map((type) => [type, emptyScore()])) as Record<PhiType, ReturnType<typeof emptyScore>>;
  for (const { expected, found } of documents) {
    for (const span of expected) {
      const score = byType[span.type];
      score.expected += 1;
      if (isCovered(span, found, false)) score.covered += 1;
      if (isCovered(span, found, true)) score.coveredAsType += 1;
    }
    for (const span of found) {
      byType[span.type].found += 1;
      if (expected.some((truth) => overlaps(truth, span))) byType[span.type].foundCorrect += 1;
    }
  }
  const overall = emptyScore();
  for (const score of Object.values(byType)) {
    for (const key of Object.keys(overall) as (keyof TypeScore)[]) overall[key] += score[key];
  }
  return { byType, overall };
}

/** covered / expected (1 when nothing was expected). */
export function recallOf(score: TypeScore): number {
  return score.expected === 0 ? 1 : score.covered / score.expected;
}

/** foundCorrect / found (1 when nothing was found). */
export function precisionOf(score: TypeScore): number {
  return score.found === 0 ? 1 : score.foundCorrect / score.found;
}
