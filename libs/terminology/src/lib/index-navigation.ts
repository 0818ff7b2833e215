import type { IndexSource, IndexTerm } from './sources/source-types.js';
import {
  normalizedKey,
  parseInstruction,
  parseReference,
  type IndexReference,
  type MatchRank,
  type ReferenceKind,
} from './index-title-matching.js';
import { IndexTree, LOOSE_RANK, STRICT_RANK, VARIANT_RANK, toPending, type Pending } from './index-tree.js';

/**
 * Why a walk stopped at a cross-reference: what it points at (`condition`, `neoplasm-table`,
 * `drug-table`, `category`, `instruction` such as `omit code`), or why following failed
 * (`not-found`: no such Index entry; `loop`: a reference cycle or a chain too long).
 */
export type StopReason = Exclude<ReferenceKind, 'index'> | 'not-found' | 'loop';

/** Where a walk through the Alphabetic Index ended. */
export interface NavigationResult {
  /** Code as written in the Index (possibly an older code, or ending in `-`); absent when none applies. */
  code?: string;
  /** Manifestation code paired with `code`. */
  manif?: string;
  /** Position of the deepest term reached. */
  termId?: number;
  /** Titles of the terms taken, main term first, including connectors and terms reached through `see`. */
  path: string[];
  /** `see` references (and title instructions such as `code to ...`) followed, as written. */
  followed: string[];
  /** Modifiers not found, including parts of a followed reference that the Index did not have. */
  unmatched: string[];
  /** Whether every modifier was used. */
  complete: boolean;
  /**
   * Set when the walk stopped at a cross-reference it cannot follow, as written: `condition`,
   * `Neoplasm, malignant, by site`, `category M01`... `code` is then absent.
   */
  stoppedAt?: string;
  /** Why the walk stopped at `stoppedAt`. */
  stopReason?: StopReason;
}

/** Navigates one Alphabetic Index (Diseases and Injuries, External Causes, or both in one array). */
export interface IndexNavigator {
  /** Walks from a main term through the given modifiers, following `see` references as a coder would. */
  navigate(mainTerm: string, modifiers: string[]): NavigationResult;
  /** Positions of the main terms matching the text, best match first. */
  findMainTerms(text: string): number[];
}

/** A walk in progress or finished. */
interface Walk {
  path: number[];
  /** Where in `path` the tree of the last followed reference starts: default codes come only from there. */
  treeStart: number;
  followed: string[];
  remaining: Pending[];
  /** Modifiers satisfied only loosely, see `IndexTree.leftovers`. */
  absorbed: number;
  /** Pairs of modifiers placed in the opposite of the given order: a tie-breaker for the coder's order. */
  inversions: number;
  unfollowed?: { reference: string; reason: StopReason };
}

/** Shared by one navigation: how many more walk nodes may branch before the walk turns greedy. */
interface Budget {
  branches: number;
}

/** A reference chain longer than this is treated like a loop. */
const MAX_REFERENCE_DEPTH = 8;
/** Main-term candidates tried when a query names several (`Fracture` -> `Fracture, burst`, `Fracture, traumatic`...). */
const MAX_CANDIDATES = 12;
/** Branch points explored per navigation; plenty for a handful of modifiers, a bound for pathological input. */
const MAX_BRANCHES = 400;

/** Pairs placed in the opposite of their given order (`order` values in placement sequence). */
function countInversions(placed: number[]): number {
  return placed.reduce((count, order, i) => count + placed.slice(i + 1).filter((later) => later < order).length, 0);
}

class IndexTreeNavigator implements IndexNavigator {
  private readonly tree: IndexTree;

  constructor(terms: IndexTerm[]) {
    this.tree = new IndexTree(terms);
  }

  findMainTerms(text: string): number[] {
    return this.tree.mainTermsMatching(normalizedKey(text), LOOSE_RANK).map(([id]) => id);
  }

  navigate(mainTerm: string, modifiers: string[]): NavigationResult {
    // Every strictly matching main term competes (with both Indexes in one array, `Failure` is exact
    // in the External Cause Index but `Failure, failed` is the one with `heart`); loose ones only
    // when nothing matches strictly. Ties go to the better-ranked, then the earlier term.
    const ranked = this.tree.mainTermsMatching(normalizedKey(mainTerm), LOOSE_RANK);
    const strict = ranked.filter(([, rank]) => rank <= STRICT_RANK);
    const candidates = (strict.length > 0 ? strict : ranked).map(([id]) => id);
    if (candidates.length === 0) return { path: [], followed: [], unmatched: [...modifiers], complete: false };
    const pending = modifiers.map((text, order) => toPending(text, order));
    const walk = this.bestWalk(candidates, pending, new Set(), -1, { branches: MAX_BRANCHES });
    return this.toResult(walk);
  }

  /**
   * Lower is better, compared in order: modifiers left unplaced, modifiers only absorbed, stopped at
   * a reference, no code, modifiers placed out of the given order, references followed, path length.
   */
  private score(walk: Walk): number[] {
    const noCode = this.codeTerm(walk) ? 0 : 1;
    const stopped = walk.unfollowed ? 1 : 0;
    return [walk.remaining.length, walk.absorbed, stopped, noCode, walk.inversions, walk.followed.length, walk.path.length];
  }

  private isBetter(walk: Walk, than: Walk): boolean {
    const [a, b] = [this.score(walk), this.score(than)];
    const differs = a.findIndex((value, i) => value !== b[i]);
    return differs >= 0 && a[differs] < b[differs];
  }

  /** A walk only a shorter path could beat, so the search may stop. */
  private isPerfect(walk: Walk): boolean {
    return this.score(walk).slice(0, -1).every((value) => value === 0);
  }

  /** Walks from each candidate main term (the preferred one first) and keeps the best walk. */
  private bestWalk(candidates: number[], pending: Pending[], visited: ReadonlySet<number>, preferred: number, budget: Budget): Walk {
    const ordered = [...candidates].sort((a, b) => Number(b === preferred) - Number(a === preferred));
    let best: Walk | undefined;
    for (const id of ordered.slice(0, MAX_CANDIDATES)) {
      const walk = this.walkBelow([id], pending, [], visited, budget);
      if (!best || this.isBetter(walk, best)) best = walk;
      if (this.isPerfect(best)) break;
    }
    return best as Walk;
  }

  /**
   * Places the remaining modifiers below the last term of `path`, trying each modifier that fits
   * (a coder's order is not the Index's: `Diabetes, type 1, poorly controlled` must first take
   * `poorly controlled`, whose instruction leads back to `type 1`). The first perfect walk wins.
   */
  private walkBelow(path: number[], remaining: Pending[], placed: number[], visited: ReadonlySet<number>, budget: Budget): Walk {
    const steps = this.tree.candidateSteps(path[path.length - 1], remaining);
    if (steps.length === 0) {
      return this.finishWalk(path, remaining, placed, visited, budget);
    }
    budget.branches -= 1;
    let best: Walk | undefined;
    for (const step of budget.branches > 0 ? steps : steps.slice(0, 1)) {
      const used = new Set(step.used);
      const rest = remaining.filter((_, i) => !used.has(i));
      const order = [...placed, ...step.used.map((i) => remaining[i].order)];
      const walk = this.walkBelow([...path, ...step.ids], rest, order, visited, budget);
      if (!best || this.isBetter(walk, best)) best = walk;
      if (this.isPerfect(best)) break;
    }
    return best as Walk;
  }

  /** The term whose code the walk ends with: the deepest in the last tree that has one (the Index default). */
  private codeTerm(walk: Walk): IndexTerm | undefined {
    if (walk.unfollowed) return undefined;
    for (let i = walk.path.length - 1; i >= walk.treeStart; i--) {
      const term = this.tree.terms[walk.path[i]];
      if (term.code || term.subcat) return term;
    }
    return undefined;
  }

  /**
   * The cross-reference of a codeless term: its `see`, `seecat` or title instruction; failing those,
   * a `see also` into a table, which the navigator cannot follow but should report.
   */
  private referenceOf(position: number): IndexReference | undefined {
    const term = this.tree.terms[position];
    if (term.see) return parseReference(term.see);
    if (term.seeCategory) return { written: `category ${term.seeCategory}`, kind: 'category', parts: [], insertAt: 0 };
    const { instruction } = this.tree.title(position);
    if (instruction) return parseInstruction(instruction);
    const seeAlso = term.seeAlso ? parseReference(term.seeAlso) : undefined;
    return seeAlso?.kind === 'neoplasm-table' || seeAlso?.kind === 'drug-table' ? seeAlso : undefined;
  }

  /**
   * A codeless term's `see also` to another Index entry (`Arthralgia, see also Pain, joint`): with no
   * code of its own the coder has to go there. Unlike `see`, it is optional: a target that cannot be
   * found leaves the walk as it was rather than unfinished.
   */
  private seeAlsoIndexReference(position: number): IndexReference | undefined {
    const { seeAlso } = this.tree.terms[position];
    const reference = seeAlso ? parseReference(seeAlso) : undefined;
    return reference?.kind === 'index' ? reference : undefined;
  }

  /**
   * Ends a walk on its last term. A codeless term's reference is followed with every modifier not yet
   * placed; otherwise (or when it cannot be followed) the leftovers are settled here.
   */
  private finishWalk(path: number[], remaining: Pending[], placed: number[], visited: ReadonlySet<number>, budget: Budget): Walk {
    const endId = path[path.length - 1];
    const end = this.tree.terms[endId];
    const codeless = !end.code && !end.subcat;
    const required = codeless ? this.referenceOf(endId) : undefined;
    const optional = codeless && !required ? this.seeAlsoIndexReference(endId) : undefined;
    const reference = required ?? optional;
    const settle = (reason?: StopReason): Walk => ({
      path,
      treeStart: 0,
      followed: [],
      inversions: countInversions(placed),
      ...this.tree.leftovers(path, remaining),
      unfollowed: required && reason ? { reference: required.written, reason } : undefined,
    });
    if (!reference) return settle();
    if (reference.kind !== 'index') return settle(reference.kind);
    if (visited.has(endId) || visited.size >= MAX_REFERENCE_DEPTH) return settle('loop');
    const start = this.referenceStart(reference, remaining, end.source);
    if (!start) return settle('not-found');
    const seen = new Set([...visited, endId]);
    const next = this.bestWalk(start.mainIds, start.pending, seen, this.tree.mainTermOf(endId), budget);
    if (optional && !this.codeTerm(next)) return settle();
    return {
      ...next,
      path: [...path, ...next.path],
      treeStart: path.length + next.treeStart,
      followed: [reference.written, ...next.followed],
      inversions: countInversions(placed) + next.inversions,
    };
  }

  /**
   * Where a reference starts: the longest run of its leading parts naming a main term
   * (`Fracture, traumatic, radius`), else the leading words of its first part
   * (`Abortion complicated by embolism`); exact names and listed variants before names that need
   * nonessential words set aside (`Fever, paratyphoid` must not land on `Paratyphoid (fever)`, which
   * refers back); else any loose main-term match (`Fracture, by site`). The carried modifiers go
   * where the reference has its `by site`/`by type` placeholder, else last.
   */
  private referenceStart(reference: IndexReference, carried: Pending[], source: IndexSource) {
    const { parts, insertAt } = reference;
    const start = (ranked: [number, MatchRank][], rest: string[], at: number) => {
      // With both Indexes in one array, a reference stays in its own Index (or the one it names) when it can.
      const ids = ranked.map(([id]) => id);
      const own = ids.filter((id) => this.tree.terms[id].source === (reference.targetSource ?? source));
      const restPending = rest.map((text) => toPending(text, 0));
      const position = Math.max(0, Math.min(at, restPending.length));
      const ordered = [...restPending.slice(0, position), ...carried, ...restPending.slice(position)];
      return { mainIds: own.length > 0 ? own : ids, pending: ordered.map((p, order) => ({ ...p, order })) };
    };
    const words = (parts[0] ?? '').split(' ');
    for (const maxRank of [VARIANT_RANK, STRICT_RANK]) {
      for (let taken = parts.length; taken >= 1; taken--) {
        const ranked = this.tree.mainTermsMatching(normalizedKey(parts.slice(0, taken).join(', ')), maxRank);
        if (ranked.length > 0) return start(ranked, parts.slice(taken), insertAt - taken);
      }
      for (let taken = words.length - 1; taken >= 1; taken--) {
        const ranked = this.tree.mainTermsMatching(normalizedKey(words.slice(0, taken).join(' ')), maxRank);
        if (ranked.length > 0) return start(ranked, [words.slice(taken).join(' '), ...parts.slice(1)], insertAt - 1);
      }
    }
    const loose = this.tree.mainTermsMatching(normalizedKey(parts[0] ?? ''), LOOSE_RANK);
    return loose.length > 0 ? start(loose, parts.slice(1), insertAt - 1) : undefined;
  }

  private toResult(walk: Walk): NavigationResult {
    const codeTerm = this.codeTerm(walk);
    const result: NavigationResult = {
      termId: walk.path[walk.path.length - 1],
      path: walk.path.map((id) => this.tree.terms[id].title),
      followed: walk.followed,
      unmatched: walk.remaining.map((p) => p.text),
      complete: walk.remaining.length === 0,
    };
    if (codeTerm) result.code = codeTerm.code ?? codeTerm.subcat;
    if (codeTerm?.manif) result.manif = codeTerm.manif;
    if (walk.unfollowed) {
      result.stoppedAt = walk.unfollowed.reference;
      result.stopReason = walk.unfollowed.reason;
    }
    return result;
  }
}

/**
 * Builds a navigator over a flattened Alphabetic Index (see `readIndexXml`). Matching is
 * case-insensitive and tolerant of plurals, possessives, nonessential modifiers and listed variants;
 * modifiers are placed among subterms in any order, looking through connectors such as `with`;
 * `see` references and `code to` instructions on codeless terms are followed; a codeless end term
 * takes its nearest ancestor's code.
 */
export function createIndexNavigator(terms: IndexTerm[]): IndexNavigator {
  return new IndexTreeNavigator(terms);
}
