/**
 * Which of two readings of the same words an Excludes1 note settles for: the one that reads more
 * of them. "Chronic hepatitis B" is B18.1, and the learned "hepatitis" (K75.9) read inside it
 * gives way, however often coders gave K75.9 for "hepatitis" alone.
 */
import type { Evidence } from '@icd/contracts';

/** Whether every span of `inner` lies within a span of `outer`, and `outer` reads more text. */
export function coversWider(outer: readonly Evidence[], inner: readonly Evidence[]): boolean {
  if (inner.length === 0 || length(outer) <= length(inner)) return false;
  return inner.every((span) => outer.some((wide) => wide.begin <= span.begin && span.end <= wide.end));
}

function length(evidence: readonly Evidence[]): number {
  let total = 0;
  for (const span of evidence) total += span.end - span.begin;
  return total;
}

/**
 * `ranked` with each item moved ahead of the first better-ranked item it should stand before and
 * with which `conflict` says it cannot stand; otherwise in rank order. An Excludes1 pass over this
 * order keeps the item moved ahead. An item stands before one whose evidence it covers, wider,
 * reading no fewer words (`wordsRead`): a reading whose span is wider only because it skips words
 * reads less, so "Pain, acute" (R52) across "acute low back pain" reads two words and the low back
 * pain (M54.50) three. Where the two read as many words and the wider one's own note sends the
 * narrower one's condition elsewhere (`sendsAway`), the narrower one stands first instead:
 * "severe chest pain" is chest pain (R07.9), which the note of "Pain, unspecified" (R52), read as
 * "severe ... pain", names.
 */
export function widerReadingsFirst<T>(
  ranked: readonly T[],
  evidenceOf: (item: T) => readonly Evidence[],
  conflict: (a: T, b: T) => boolean,
  wordsRead: (item: T) => number = () => 0,
  sendsAway: (wider: T, narrower: T) => boolean = () => false,
): T[] {
  const order = [...ranked];
  for (let i = 1; i < order.length; i += 1) {
    const item = order[i];
    let ahead = -1;
    // Most pairs share no evidence: that answer is cheaper than the notes' (read by code).
    for (let at = 0; at < i && ahead < 0; at += 1) {
      if (standsBefore(item, order[at], evidenceOf, wordsRead, sendsAway) && conflict(item, order[at])) ahead = at;
    }
    if (ahead < 0) continue;
    order.splice(i, 1);
    order.splice(ahead, 0, item);
  }
  return order;
}

function standsBefore<T>(
  item: T,
  other: T,
  evidenceOf: (item: T) => readonly Evidence[],
  wordsRead: (item: T) => number,
  sendsAway: (wider: T, narrower: T) => boolean,
): boolean {
  if (coversWider(evidenceOf(item), evidenceOf(other))) {
    const more = wordsRead(item) - wordsRead(other);
    return more > 0 || (more === 0 && !sendsAway(item, other));
  }
  return coversWider(evidenceOf(other), evidenceOf(item)) && wordsRead(item) === wordsRead(other) && sendsAway(other, item);
}
