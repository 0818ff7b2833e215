/**
 * Dominant and non-dominant sides (guidelines I.C.6.a): hemiplegia, monoplegia and their I69
 * sequelae are coded by the side affected and whether it is the dominant one. Where the note does
 * not say, the right side is the dominant one and the left the non-dominant one; a note that says
 * "non-dominant" gets it. Title words alone cannot choose here: "left hemiparesis" reads "left"
 * in both "left dominant side" and "left non-dominant side", and the shorter title would win.
 */
import type { CodeSummary } from '@icd/terminology';
import { contentStems } from '../dictionary/stems.js';
import type { StemContext } from './narrow-code.js';

/** Titles spell it both ways: "left nondominant side" (G81.94), "left non-dominant side" (I69.354). */
const SIDE_TITLE = /\b(left|right) (non-?)?dominant side$/i;
const [DOMINANT] = contentStems('dominant');
const [NONDOMINANT] = contentStems('nondominant');
const [NON] = contentStems('non');

/** For each child of a header, its sibling of the same side and the other dominance; -1 for a child that names no such side. */
export function dominanceSiblings(children: readonly CodeSummary[]): Int32Array | null {
  const keys = children.map(({ title }) => SIDE_TITLE.exec(title));
  if (!keys.some((key) => key !== null)) return null;
  const siblings = new Int32Array(children.length).fill(-1);
  const sideOf = (index: number) => {
    const key = keys[index] as RegExpExecArray;
    return `${children[index].title.slice(0, key.index)}${key[1]}`.toLowerCase();
  };
  keys.forEach((key, index) => {
    if (!key) return;
    siblings[index] = keys.findIndex((other, at) => other !== null && (other[2] === undefined) !== (key[2] === undefined) && sideOf(at) === sideOf(index));
  });
  return siblings;
}

/** `chosen`, or its sibling of the other dominance when that is the one the note says or the default gives. */
export function withSideDominance(children: readonly CodeSummary[], siblings: Int32Array | null, chosen: number, context: StemContext): number {
  const sibling = siblings?.[chosen] ?? -1;
  if (sibling < 0) return chosen;
  const key = SIDE_TITLE.exec(children[chosen].title) as RegExpExecArray;
  const nonDominant = context.has(NONDOMINANT) || (context.has(NON) && context.has(DOMINANT));
  const wantsNonDominant = nonDominant || (!context.has(DOMINANT) && key[1].toLowerCase() === 'left');
  return wantsNonDominant === (key[2] !== undefined) ? chosen : sibling;
}
