/**
 * Offset mapping between an original text and its redacted form, so that evidence found on one
 * can be shown on the other. Outside placeholders, text is unchanged and offsets shift by the
 * length differences of the placeholders before them. An offset strictly inside a redacted span
 * has no exact image: `bias` chooses the placeholder's start or end, and spans map outwards so
 * that a span touching an identifier covers its whole placeholder.
 */
import type { RedactedSpan, TextSpan } from './phi-types.js';

/** Which end of a placeholder (or identifier) an offset inside it maps to. */
export type OffsetBias = 'start' | 'end';

type Side = 'original' | 'redacted';

function beginOf(span: RedactedSpan, side: Side): number {
  return side === 'original' ? span.begin : span.redactedBegin;
}

function endOf(span: RedactedSpan, side: Side): number {
  return side === 'original' ? span.end : span.redactedEnd;
}

/** Index of the last span beginning strictly before `offset` on `side`, or -1. */
function lastSpanBefore(spans: readonly RedactedSpan[], offset: number, side: Side): number {
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (beginOf(spans[middle], side) < offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

function checkOffset(offset: number): void {
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`offset must be a non-negative integer, got ${offset}`);
}

function mapBetween(spans: readonly RedactedSpan[], offset: number, bias: OffsetBias, from: Side): number {
  checkOffset(offset);
  const to: Side = from === 'original' ? 'redacted' : 'original';
  const index = lastSpanBefore(spans, offset, from);
  if (index < 0) return offset;
  const span = spans[index];
  if (offset < endOf(span, from)) return bias === 'start' ? beginOf(span, to) : endOf(span, to);
  return endOf(span, to) + (offset - endOf(span, from));
}

/**
 * Maps an offset of the original text into the redacted text. `spans` are a redaction's spans, in
 * text order (as `redactPhi` returns them).
 */
export function mapOffset(spans: readonly RedactedSpan[], originalOffset: number, bias: OffsetBias = 'start'): number {
  return mapBetween(spans, originalOffset, bias, 'original');
}

/** Maps an offset of the redacted text back into the original text. */
export function mapRedactedOffset(spans: readonly RedactedSpan[], redactedOffset: number, bias: OffsetBias = 'start'): number {
  return mapBetween(spans, redactedOffset, bias, 'redacted');
}

/** Maps a span of the original text into the redacted text, widening it over any placeholder it touches. */
export function mapSpan<S extends TextSpan>(spans: readonly RedactedSpan[], span: S): S {
  return { ...span, begin: mapOffset(spans, span.begin, 'start'), end: mapOffset(spans, span.end, 'end') };
}

/** Maps a span of the redacted text (say, evidence detected there) back into the original text. */
export function mapRedactedSpan<S extends TextSpan>(spans: readonly RedactedSpan[], span: S): S {
  return {
    ...span,
    begin: mapRedactedOffset(spans, span.begin, 'start'),
    end: mapRedactedOffset(spans, span.end, 'end'),
  };
}
