import { undotCode } from './code.js';
import type { BridgedCode } from './model-types.js';

/** What the bridge needs to know about the current code set. */
export interface CurrentCodeSet {
  has(code: string): boolean;
  longTitle(code: string): string | undefined;
  /** Undotted codes directly beneath `code`. */
  childrenOf(code: string): readonly string[];
}

/**
 * Carries codes written by an older Tabular, Index or table into the current code set.
 *
 * A code that still exists is kept (it may have become a header: resolving it to a billable
 * child needs the text, so that is left to {@link resolveBillable}). A code that no longer exists
 * goes to the code beneath its nearest surviving ancestor that carries the same title (a code that
 * moved when its category was expanded), else to that ancestor itself.
 */
export function createVersionBridge(current: CurrentCodeSet, oldTitles: ReadonlyMap<string, string>) {
  const cache = new Map<string, BridgedCode | null>();

  function bridge(written: string): BridgedCode | null {
    const code = undotCode(written);
    let result = cache.get(code);
    if (result === undefined) {
      result = bridgeUncached(code);
      cache.set(code, result);
    }
    return result;
  }

  function bridgeUncached(code: string): BridgedCode | null {
    if (current.has(code)) return { code, method: 'exact' };
    const ancestor = nearestAncestor(code);
    if (!ancestor) return null;
    const successor = findSameTitleBeneath(ancestor, oldTitles.get(code));
    return successor ? { code: successor, method: 'successor' } : { code: ancestor, method: 'ancestor' };
  }

  function nearestAncestor(code: string): string | null {
    for (let length = code.length - 1; length >= 3; length--) {
      const prefix = code.slice(0, length);
      if (current.has(prefix)) return prefix;
    }
    return null;
  }

  function findSameTitleBeneath(ancestor: string, title: string | undefined): string | null {
    if (!title) return null;
    const wanted = title.toLowerCase();
    const queue = [...current.childrenOf(ancestor)];
    while (queue.length > 0) {
      const next = queue.shift() as string;
      if (current.longTitle(next)?.toLowerCase() === wanted) return next;
      queue.push(...current.childrenOf(next));
    }
    return null;
  }

  return { bridge };
}

export type VersionBridge = ReturnType<typeof createVersionBridge>;

/** A step taken while resolving a header to a billable code. */
export interface ResolutionStep {
  from: string;
  to: string;
  why: 'unspecified child' | 'uncomplicated child' | 'only child' | 'initial encounter' | 'child without the complication' | 'first child';
}

export interface BillableResolution {
  code: string;
  steps: ResolutionStep[];
}

export interface BillableLookup extends CurrentCodeSet {
  isBillable(code: string): boolean;
}

/**
 * Walks from a header down to the billable code the classification uses when the documentation
 * says nothing more: the child titled "unspecified", else the only child, else the initial
 * encounter for seventh-character codes, else the first child (flagged in the steps so callers
 * can lower their confidence).
 */
export function resolveBillable(codeSet: BillableLookup, code: string, seventh = 'A'): BillableResolution | null {
  if (!codeSet.has(code)) return null;
  const steps: ResolutionStep[] = [];
  let current = code;
  while (!codeSet.isBillable(current)) {
    const step = chooseDefaultChild(codeSet, current, seventh);
    if (!step) return null;
    steps.push(step);
    current = step.to;
  }
  return { code: current, steps };
}

function chooseDefaultChild(codeSet: BillableLookup, code: string, seventh: string): ResolutionStep | null {
  const children = codeSet.childrenOf(code);
  if (children.length === 0) return null;
  if (children.length === 1) return { from: code, to: children[0], why: 'only child' };
  const isSeventh = children.every((child) => child.length === 7) && code.length <= 6;
  if (isSeventh) {
    const initial = children.find((child) => child.endsWith(seventh));
    if (initial) return { from: code, to: initial, why: 'initial encounter' };
  }
  const unspecified = withoutOtherConditions(
    codeSet,
    code,
    children,
    // "..., not specified as recurrent" (A04.72) is the unspecified child beside "..., recurrent".
    children.filter((child) => /\bunspecified\b|\bnot specified as\b/i.test(codeSet.longTitle(child) ?? '')),
  );
  const uncomplicated = uncomplicatedChild(codeSet, code, children, unspecified);
  if (uncomplicated) return { from: code, to: uncomplicated, why: 'uncomplicated child' };
  if (unspecified.length > 0) {
    // The default says nothing the parent does not: "Heart failure, unspecified", not "Left ventricular failure, unspecified".
    const parentWords = new Set(titleWords(codeSet.longTitle(code) ?? ''));
    const extraWords = (child: string) => titleWords(codeSet.longTitle(child) ?? '').filter((word) => !parentWords.has(word) && word !== 'unspecified').length;
    const best = [...unspecified].sort((a, b) => defaultOrder(codeSet, a, b) || extraWords(a) - extraWords(b))[0];
    return { from: code, to: best, why: 'unspecified child' };
  }
  const without = childWithout(codeSet, children);
  if (without) return { from: code, to: without, why: 'child without the complication' };
  return { from: code, to: children[0], why: 'first child' };
}

/**
 * `unspecified` without the children that name another condition, where some child carries the
 * parent's own title on: under "Parkinson's disease" (G20), whose children go on "Parkinson's
 * disease without dyskinesia ...", "Parkinsonism, unspecified" (G20.C) is not the default.
 */
function withoutOtherConditions(codeSet: BillableLookup, code: string, children: readonly string[], unspecified: readonly string[]): string[] {
  const parentTitle = (codeSet.longTitle(code) ?? '').toLowerCase();
  if (parentTitle === '' || !children.some((child) => (codeSet.longTitle(child) ?? '').toLowerCase().startsWith(`${parentTitle} `))) return [...unspecified];
  const parentWords = new Set(titleWords(parentTitle));
  return unspecified.filter((child) => titleWords(codeSet.longTitle(child) ?? '').some((word) => word !== 'unspecified' && word.length > 2 && parentWords.has(word)));
}

/**
 * Of two unspecified children, the one that names no complication ("with ...") comes first, then
 * the one that leaves more unsaid: "Unspecified intestinal obstruction, unspecified as to partial
 * versus complete obstruction" (K56.609) before "Partial intestinal obstruction, unspecified as to
 * cause", "unspecified eye" before "bilateral". An "unspecified" after "with" is the kind of a
 * complication ("with unspecified alcohol-induced disorder"), not something left unsaid, and
 * "with unspecified severity" names no complication.
 */
function defaultOrder(codeSet: BillableLookup, a: string, b: string): number {
  const facts = (code: string) => {
    const words = titleWords(codeSet.longTitle(code) ?? '');
    const withAt = words.indexOf('with');
    const beforeWith = withAt < 0 ? words : words.slice(0, withAt);
    // "with unspecified severity" names no complication; "with loss of consciousness" does.
    const complicated = withAt >= 0 && words[withAt + 1] !== 'unspecified' ? 1 : 0;
    return { complicated, unsaid: beforeWith.filter((word) => word === 'unspecified').length };
  };
  const [first, second] = [facts(a), facts(b)];
  return first.complicated - second.complicated || second.unsaid - first.unsaid;
}

/**
 * Where the children split on a complication ("... with hypoglycemia with coma" and "... without
 * coma", E11.641 and E11.649) and none is unspecified, the text that names no complication names
 * the child without it, as the Index does ("Diabetes, type 2, with, hypoglycemia" is E11.649).
 */
function childWithout(codeSet: BillableLookup, children: readonly string[]): string | null {
  const without = children.filter((child) => /\bwithout\b/i.test(codeSet.longTitle(child) ?? ''));
  return without.length === 1 ? without[0] : null;
}

/**
 * "With unspecified complications" (E11.8) and "with unspecified alcohol-induced disorder" (F10.19)
 * add a complication of an unspecified kind. Under a parent that names no complication the
 * classification's default is the child without one, as the Index gives it: "Diabetes, type 2"
 * is E11.9 (without complications), "Abuse, alcohol" F10.10 (uncomplicated). Under one that does
 * ("... with angina pectoris"), "with unspecified angina pectoris" is the default.
 */
function uncomplicatedChild(codeSet: BillableLookup, code: string, children: readonly string[], unspecified: readonly string[]): string | null {
  if (unspecified.length === 0 || /\bwith\b/i.test(codeSet.longTitle(code) ?? '')) return null;
  if (!unspecified.every((child) => /\bwith\b.*\bunspecified\b/i.test(codeSet.longTitle(child) ?? ''))) return null;
  return children.find((child) => /\b(uncomplicated|without complications?)\b/i.test(codeSet.longTitle(child) ?? '')) ?? null;
}

function titleWords(title: string): string[] {
  return title.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 0);
}
