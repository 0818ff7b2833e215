/**
 * Index paths reached through a "see" reference, named with the referring term's words. The
 * Index writes "Choledocholithiasis - see Calculus, bile duct", so a coder reading
 * "choledocholithiasis with acute cholangitis" follows "Calculus, bile duct, with, cholangitis,
 * acute" to K80.32, and "Ulcer, heel - see Ulcer, lower limb" takes "ulcer of left heel" to
 * "Ulcer, lower limb, heel, left" (L97.429); the dictionary gives those paths the note's words.
 */
import type { CompiledTerminology } from '@icd/terminology';
import { contentStems } from './stems.js';
import type { EntryDraft } from './term-dictionary.js';

/** A target with more coded subterms than this is a broad chapter of the Index ("see Disease, by site"), not one condition's variants. */
const MAX_TARGET_SUBTERMS = 60;

/** How far below the target a subterm may lie: deeper ones add more words than a note puts beside the referring term. */
const MAX_SUBTERM_DEPTH = 3;

/** A subterm that starts with "with": the Index's way of linking two conditions in one code. */
export const WITH_SUBTERM = /^with\b/i;

interface Subterm {
  readonly id: number;
  /** Titles from just below the target down to this subterm. */
  readonly titles: readonly string[];
}

/**
 * Drafts for the coded subterms under each "see" target, with the referring path's stems in
 * place of the target's: its "with" subterms, or, where the referring subterm's own title names a
 * child of the target, every coded subterm of that child. `pathVariants[id]` are the stem sets
 * of Index term `id`'s own path.
 */
export function seeReferenceEntries(
  model: CompiledTerminology,
  pathVariants: readonly (readonly string[][] | undefined)[],
  prior: number,
  historyOnlyTerms: readonly boolean[] = [],
): EntryDraft[] {
  const terms = model.indexTerms;
  const children = childrenOf(model);
  const parts = new TitleParts(model);
  const mainTerms = mainTermsByWord(model, parts);
  const subtermsOf = new Map<number, Subterm[] | null>();
  const drafts: EntryDraft[] = [];
  terms.forEach((term, termId) => {
    if (term.source !== 'index' || term.code || !term.see) return;
    const target = resolveReference(term.see, mainTerms, children, parts);
    if (target === null) return;
    // "Ulcer, heel - see Ulcer, lower limb": the coder looks for "heel" under the target, and every variant there is the referring term's.
    const named = term.parent >= 0 ? childNamed(children[target], parts.of(termId)[0], parts) : null;
    const from = named ?? target;
    if (!subtermsOf.has(from)) subtermsOf.set(from, codedSubterms(model, from, children, named !== null));
    const subterms = subtermsOf.get(from);
    const referring = pathVariants[termId];
    if (!subterms || !referring) return;
    const historyOnly = historyOnlyTerms[termId] === true;
    for (const subterm of subterms) {
      const code = model.indexTermCodes[subterm.id];
      const combination = subterm.titles.some((title) => WITH_SUBTERM.test(title));
      if (!code || (named === null && !combination)) continue;
      const subtermStems = subterm.titles.flatMap((title) => contentStems(title));
      const steps = named === null ? subterm.titles : [model.indexTerms[named].title, ...subterm.titles];
      const display = `Index: ${pathTitles(model, termId).join(' > ')} (see ${term.see}) > ${steps.join(' > ')}`;
      for (const stems of referring) {
        drafts.push({ stems: [...new Set([...stems, ...subtermStems])], code, source: 'index', display, prior, ...(combination && { combination }), ...(historyOnly && { historyOnly }) });
      }
    }
  });
  return drafts;
}

function childrenOf(model: CompiledTerminology): number[][] {
  const children: number[][] = model.indexTerms.map(() => []);
  model.indexTerms.forEach((term, id) => {
    if (term.parent >= 0) children[term.parent].push(id);
  });
  return children;
}

/** Main terms of the Index proper by the first word group of their title ("Calculus, calculi, calculous" under "calculus"). */
function mainTermsByWord(model: CompiledTerminology, parts: TitleParts): Map<string, number> {
  const byWord = new Map<string, number>();
  model.indexTerms.forEach((term, id) => {
    if (term.parent < 0 && term.source === 'index') {
      const key = parts.of(id)[0];
      if (!byWord.has(key)) byWord.set(key, id);
    }
  });
  return byWord;
}

function titleParts(title: string): string[] {
  return title.split(',').map((part) => part.trim().toLowerCase());
}

/** Each Index title's comma-separated parts, lower-cased, worked out once per term: references read the same main terms' subterms again and again. */
class TitleParts {
  private readonly parts: (string[] | undefined)[];

  constructor(private readonly model: CompiledTerminology) {
    this.parts = new Array<string[] | undefined>(model.indexTerms.length).fill(undefined);
  }

  of(id: number): string[] {
    let parts = this.parts[id];
    if (parts === undefined) {
      parts = titleParts(this.model.indexTerms[id].title);
      this.parts[id] = parts;
    }
    return parts;
  }
}

/**
 * The Index term a reference names ("Calculus, bile duct"), or null when part of it names no
 * subterm (a reference to a table, or to a site the coder picks: "by site").
 */
function resolveReference(reference: string, mainTerms: ReadonlyMap<string, number>, children: readonly number[][], titles: TitleParts): number | null {
  const parts = titleParts(reference);
  let node = mainTerms.get(parts[0]);
  if (node === undefined) return null;
  const ownParts = titles.of(node);
  for (const part of parts.slice(1)) {
    if (ownParts.includes(part)) continue;
    const next: number | undefined = children[node].find((child) => titles.of(child).includes(part));
    if (next === undefined) return null;
    node = next;
  }
  return node;
}

/** The child of a target whose title names what the referring term names ("heel"), if any. */
function childNamed(children: readonly number[], name: string, parts: TitleParts): number | null {
  return children.find((child) => parts.of(child).includes(name)) ?? null;
}

/**
 * The subterms under `target` that carry a code (with `target` itself first when `withTarget`),
 * or null when there are too many to be one condition's variants.
 */
function codedSubterms(model: CompiledTerminology, target: number, children: readonly number[][], withTarget: boolean): Subterm[] | null {
  const found: Subterm[] = withTarget && model.indexTermCodes[target] ? [{ id: target, titles: [] }] : [];
  const visit = (id: number, titles: readonly string[]): boolean => {
    for (const child of children[id]) {
      const path = [...titles, model.indexTerms[child].title];
      if (model.indexTermCodes[child]) found.push({ id: child, titles: path });
      if (found.length > MAX_TARGET_SUBTERMS) return false;
      if (path.length < MAX_SUBTERM_DEPTH && !visit(child, path)) return false;
    }
    return true;
  };
  return visit(target, []) ? found : null;
}

/** The titles of an Index term's path, main term first. */
export function pathTitles(model: Pick<CompiledTerminology, 'indexTerms'>, termId: number): string[] {
  const titles: string[] = [];
  for (let id = termId; id >= 0; id = model.indexTerms[id].parent) titles.unshift(model.indexTerms[id].title);
  return titles;
}
