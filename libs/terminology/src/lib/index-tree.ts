import type { IndexTerm } from './sources/source-types.js';
import {
  isConnectorTitle,
  matchRank,
  normalizedKey,
  splitInstruction,
  splitLeadingConnector,
  titleForms,
  type MatchRank,
  type TitleForms,
} from './index-title-matching.js';

/** A modifier still to be placed below the current term. */
export interface Pending {
  /** As the caller (or a followed reference) wrote it. */
  text: string;
  /** Normalized, see `normalizedKey`. */
  key: string;
  /** `with`, `due to`...: placed only where it helps place another modifier or names a subterm itself. */
  connector: boolean;
  /** Position in the list it came from, so a walk can prefer the coder's (or the reference's) order. */
  order: number;
  /** `with heart failure` -> `with` + `heart failure`; absent when the modifier starts with no connector. */
  leading?: { connector: string; rest: string };
}

/** What a finished walk leaves: modifiers not placed, and how many were only satisfied loosely. */
export interface Leftovers {
  remaining: Pending[];
  /** Modifiers taken as satisfied without a subterm of their own: a nemod word, a bare connector. */
  absorbed: number;
}

/** One step down the tree: the terms entered (a subterm, or a connector then its subterm) and the modifiers used. */
export interface Step {
  ids: number[];
  used: number[];
}

/** A title prepared for matching, with any `- code to ...` instruction split off. */
export interface PreparedTitle extends TitleForms {
  instruction?: string;
  /** The title is a connector such as `with`. */
  connector: boolean;
}

/** The title or one of the variants it lists, nothing set aside. */
export const VARIANT_RANK: MatchRank = 1;
/** Strict ranks are tried everywhere before loose ones, so a loose match never hides a proper one. */
export const STRICT_RANK: MatchRank = 2;
/** Last-resort forms, see `TitleForms.loose`. */
export const LOOSE_RANK: MatchRank = 3;

/** Cached match answers (per cache) before the cache starts over. */
const MATCH_CACHE_SIZE = 100_000;

/** Connectors entered only when the coder names them: they negate. */
const NEGATING_CONNECTORS = new Set(['without']);

/** Builds a {@link Pending} from modifier text; a copied Index title loses its `- code to ...` instruction. */
export function toPending(text: string, order: number): Pending {
  const { title } = splitInstruction(text);
  const pending: Pending = { text, key: normalizedKey(title), connector: isConnectorTitle(title), order };
  const leading = splitLeadingConnector(title);
  if (leading) pending.leading = leading;
  return pending;
}

/**
 * The flattened Index seen as a tree, with the title matching the navigator needs. Titles are
 * prepared lazily: most of a 77,000-term Index is never looked at by one navigation.
 */
export class IndexTree {
  readonly mainIds: number[] = [];
  private readonly childIds: number[][];
  private readonly prepared: (PreparedTitle | undefined)[] = [];
  private mainByFirstWord?: Map<string, number[]>;
  /** Subterms matching a key, by `termId` and key: a walk asks the same question on every branch. */
  private readonly childMatchCache = new Map<string, { id: number; rank: MatchRank }[]>();
  private readonly mainMatchCache = new Map<string, [number, MatchRank][]>();

  constructor(readonly terms: IndexTerm[]) {
    // Positions, not `term.id`, so a merged array of both Indexes works as long as parents point by position.
    this.childIds = terms.map(() => []);
    terms.forEach((term, position) => {
      if (term.parent < 0) this.mainIds.push(position);
      else this.childIds[term.parent].push(position);
    });
  }

  /** The title of the term at `id`, prepared for matching on first use. */
  title(id: number): PreparedTitle {
    let prepared = this.prepared[id];
    if (!prepared) {
      const { title, instruction } = splitInstruction(this.terms[id].title);
      prepared = { ...titleForms(title, this.terms[id].nemod), instruction, connector: isConnectorTitle(title) };
      this.prepared[id] = prepared;
    }
    return prepared;
  }

  /** Position of the main term above the term at `id`. */
  mainTermOf(id: number): number {
    let current = id;
    while (this.terms[current].parent >= 0) current = this.terms[current].parent;
    return current;
  }

  /** Main terms matching a normalized key, best rank first, then in Index order. */
  mainTermsMatching(key: string, maxRank: MatchRank): [number, MatchRank][] {
    let ranked = this.mainMatchCache.get(key);
    if (!ranked) {
      ranked = [];
      // Any query word may be the first essential one (the others being nonessential modifiers).
      const candidates = new Set(key.split(' ').flatMap((word) => this.mainTermsStartingWith(word)));
      for (const id of candidates) {
        const rank = matchRank(key, this.title(id));
        if (rank !== undefined) ranked.push([id, rank]);
      }
      ranked.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
      if (this.mainMatchCache.size >= MATCH_CACHE_SIZE) this.mainMatchCache.clear();
      this.mainMatchCache.set(key, ranked);
    }
    return ranked.filter(([, rank]) => rank <= maxRank);
  }

  /** Every form of a title starts with one of its words, so bucketing by first word finds all candidates. */
  private mainTermsStartingWith(word: string): number[] {
    if (!this.mainByFirstWord) {
      this.mainByFirstWord = new Map();
      for (const id of this.mainIds) {
        const { full, variants, loose } = this.title(id);
        const firstWords = new Set([full, ...variants, ...loose].map((form) => form.split(' ')[0]));
        for (const first of firstWords) {
          const bucket = this.mainByFirstWord.get(first) ?? [];
          bucket.push(id);
          this.mainByFirstWord.set(first, bucket);
        }
      }
    }
    return this.mainByFirstWord.get(word) ?? [];
  }

  /**
   * The modifiers a finished walk really leaves unplaced. A modifier that is part of the title of a
   * term taken is used (`abnormal` in `Findings, abnormal, inconclusive`). A nonessential modifier
   * of a term taken (`acute` on `Infarct, myocardium (acute)`), and a bare connector other than
   * `without` (`Pneumonia, due to, Streptococcus pneumoniae` is indexed `Pneumonia, Streptococcus
   * pneumoniae`), are absorbed: satisfied, but counted so that a walk placing them wins.
   */
  leftovers(path: number[], remaining: Pending[]): Leftovers {
    const parts = new Set(path.flatMap((id) => this.title(id).parts));
    const nemodWords = new Set(path.flatMap((id) => [...this.title(id).nemodWords]));
    let absorbed = 0;
    const unplaced = remaining.filter((modifier) => {
      if (parts.has(modifier.key)) return false;
      const isAbsorbed = modifier.connector
        ? !NEGATING_CONNECTORS.has(modifier.key)
        : modifier.key.split(' ').every((word) => nemodWords.has(word));
      if (isAbsorbed) absorbed++;
      return !isAbsorbed;
    });
    return { remaining: unplaced, absorbed };
  }

  /**
   * Best-ranked subterm matching the key. Among equals, a title written exactly as the modifier
   * wins (`Fanconi's` over `Fanconi`, which normalize alike), then Index order.
   */
  matchChild(termId: number, key: string, maxRank: MatchRank, written?: string): number | undefined {
    const literal = written?.trim().toLowerCase();
    let best: { id: number; score: number } | undefined;
    for (const { id, rank } of this.childMatches(termId, key)) {
      if (rank > maxRank) continue;
      // Half a rank for not being written alike keeps the ranks themselves in charge.
      const score = rank + (this.terms[id].title.toLowerCase() === literal ? 0 : 0.5);
      if (!best || score < best.score) best = { id, score };
    }
    return best?.id;
  }

  private childMatches(termId: number, key: string): { id: number; rank: MatchRank }[] {
    const cacheKey = `${termId} ${key}`;
    let matches = this.childMatchCache.get(cacheKey);
    if (!matches) {
      matches = [];
      for (const id of this.childIds[termId]) {
        const rank = matchRank(key, this.title(id));
        if (rank !== undefined) matches.push({ id, rank });
      }
      // Bounded: a long-lived navigator answering many queries must not grow without limit.
      if (this.childMatchCache.size >= MATCH_CACHE_SIZE) this.childMatchCache.clear();
      this.childMatchCache.set(cacheKey, matches);
    }
    return matches;
  }

  /**
   * Every way to place one more modifier below `termId`, most natural first: strict matches before
   * loose ones; within each, a subterm before a subterm under a connector before a named connector.
   * Each modifier appears once, at its most natural placement.
   */
  candidateSteps(termId: number, remaining: Pending[]): Step[] {
    const steps: Step[] = [];
    const placed = new Set<number>();
    for (const maxRank of [STRICT_RANK, LOOSE_RANK]) {
      for (const find of [this.directStep, this.connectorStep, this.namedConnectorStep]) {
        remaining.forEach((_, i) => {
          if (placed.has(i)) return;
          const step = find.call(this, termId, remaining, i, maxRank);
          if (step) {
            placed.add(i);
            steps.push(step);
          }
        });
      }
    }
    return steps;
  }

  /** The modifier is a subterm, or names its connector as well (`with heart failure`). */
  private directStep(termId: number, remaining: Pending[], i: number, maxRank: MatchRank): Step | undefined {
    const modifier = remaining[i];
    if (modifier.connector) return undefined;
    const child = this.matchChild(termId, modifier.key, maxRank, modifier.text);
    if (child !== undefined) return { ids: [child], used: [i] };
    const { leading } = modifier;
    const connector = leading && this.matchChild(termId, leading.connector, maxRank);
    const grandchild = leading && connector !== undefined ? this.matchChild(connector, leading.rest, maxRank) : undefined;
    return connector !== undefined && grandchild !== undefined ? { ids: [connector, grandchild], used: [i] } : undefined;
  }

  /**
   * The modifier is a subterm of a connector subterm (`with`, `due to`...). A connector the coder
   * named is preferred and used up with it; `without` is entered only when named.
   */
  private connectorStep(termId: number, remaining: Pending[], i: number, maxRank: MatchRank): Step | undefined {
    if (remaining[i].connector) return undefined;
    const namedAt = (id: number): number =>
      remaining.findIndex((p) => p.connector && matchRank(p.key, this.title(id)) !== undefined);
    const connectors = this.childIds[termId]
      .filter((id) => this.title(id).connector)
      .map((id) => ({ id, namedAt: namedAt(id) }))
      .filter(({ id, namedAt: at }) => at >= 0 || !NEGATING_CONNECTORS.has(this.title(id).full))
      .sort((a, b) => Number(b.namedAt >= 0) - Number(a.namedAt >= 0));
    for (const { id, namedAt: at } of connectors) {
      const child = this.matchChild(id, remaining[i].key, maxRank, remaining[i].text);
      if (child !== undefined) return { ids: [id, child], used: at >= 0 ? [at, i] : [i] };
    }
    return undefined;
  }

  /** The coder named a connector: with the next modifier it may be one title (`with heart failure`), or a subterm alone. */
  private namedConnectorStep(termId: number, remaining: Pending[], i: number, maxRank: MatchRank): Step | undefined {
    const modifier = remaining[i];
    if (!modifier.connector) return undefined;
    const next = remaining[i + 1];
    const combined = next && this.matchChild(termId, `${modifier.key} ${next.key}`, maxRank);
    if (next && combined !== undefined) return { ids: [combined], used: [i, i + 1] };
    const alone = this.matchChild(termId, modifier.key, maxRank);
    return alone !== undefined ? { ids: [alone], used: [i] } : undefined;
  }
}
