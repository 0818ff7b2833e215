import type { DetectorDoc, Section, Sentence, TextRange } from './detector-doc.js';

/** Index of the last range in `ranges` (sorted, non-overlapping) that begins at or before `offset`, or -1. */
export function lastRangeStartingAtOrBefore(ranges: readonly TextRange[], offset: number): number {
  let low = 0;
  let high = ranges.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (ranges[middle].begin <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** The section that contains `offset`, or null when the doc has not been sectionized. */
export function sectionAt(doc: Pick<DetectorDoc, 'sections'>, offset: number): Section | null {
  const index = lastRangeStartingAtOrBefore(doc.sections, offset);
  return index < 0 ? null : doc.sections[index];
}

/** Section category at `offset`: null before the first header or in an unsectionized doc. */
export function sectionCategoryAt(doc: Pick<DetectorDoc, 'sections'>, offset: number): string | null {
  return sectionAt(doc, offset)?.category ?? null;
}

/** The sentence that contains `offset`, or null when it falls between sentences. */
export function sentenceAt(doc: Pick<DetectorDoc, 'sentences'>, offset: number): Sentence | null {
  const index = lastRangeStartingAtOrBefore(doc.sentences, offset);
  if (index < 0) return null;
  const sentence = doc.sentences[index];
  return offset < sentence.end ? sentence : null;
}

/** True when the two ranges share at least one character. */
export function rangesOverlap(a: TextRange, b: TextRange): boolean {
  return a.begin < b.end && b.begin < a.end;
}
