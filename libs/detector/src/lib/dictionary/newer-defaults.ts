/**
 * The Alphabetic Index the project reads can be older than the code set (here FY2017 against
 * FY2026). Where the code set added a code that is now the default for the very words of an Index
 * entry, the classification moved that default, and the old Index still gives the code it
 * replaced: "Myocardial infarction (acute) NOS" is I21.9 (added after the Index, which gives
 * I21.3, a STEMI), "Depression, unspecified" is F32.A (the Index gives F32.9, a major depressive
 * episode). Such an Index entry takes the newer code, and so do a phrasing learned from cases
 * coded with the old default and an older Tabular's inclusion term.
 */
import type { CompiledTerminology, Terminology } from '@icd/terminology';
import { stemSetKey } from './stems.js';
import type { EntryDraft, EntrySource } from './term-dictionary.js';

/** A Tabular inclusion term for the condition named no further, or a title "..., unspecified" with no "with". */
function namesDefault(draft: EntryDraft): boolean {
  if (draft.source === 'inclusion') return /\bNOS\b/.test(draft.display);
  return draft.source === 'title' && /, unspecified$/.test(draft.display) && !/\bwith\b/i.test(draft.display);
}

const undotted = (code: string) => code.replace('.', '');

/**
 * What may carry an old default: the Index, phrasings learned from cases coded with it, and the
 * inclusion terms of a Tabular older than the code set ("Depression NOS" under F32.9 in FY2021).
 */
const RECODED_SOURCES: ReadonlySet<EntrySource> = new Set(['index', 'lexicon', 'inclusion']);

/** Every code the Index hands out, undotted: a code it never names is newer than it. */
function codesTheIndexNames(model: Pick<CompiledTerminology, 'indexTermCodes' | 'seeTargetCodes'>): Set<string> {
  const named = new Set<string>();
  for (const code of model.indexTermCodes) if (code) named.add(undotted(code));
  for (const code of Object.values(model.seeTargetCodes)) if (code) named.add(undotted(code));
  return named;
}

/** Drafts with moved defaults applied, and each old default's newer codes (undotted), which training reads as the same as the old. */
export interface NewerDefaults {
  readonly drafts: EntryDraft[];
  readonly moved: ReadonlyMap<string, readonly string[]>;
}

/**
 * Whether the Index names `code` or a subcategory above it (a code of four characters or more):
 * the Index gives "Leukemia, lymphoid" as C91.9-, which narrowing takes to C91.90. A category
 * alone does not count: the Index names I21 on the way to codes other than I21.9.
 */
function isNamed(named: ReadonlySet<string>, code: string): boolean {
  for (let length = code.length; length >= 4; length -= 1) if (named.has(code.slice(0, length))) return true;
  return false;
}

/**
 * `drafts` with each Index entry (or learned phrase) whose words a newer default names taking
 * that default's code, when both codes are billable codes of one category and the Index never
 * names the newer one; or whose words are the very title of a code added after the Tabular the
 * project reads, in another category: the Index's "Encephalopathy, hepatic" (K72.90, hepatic
 * failure) is "Hepatic encephalopathy", K76.82 since FY2023.
 */
export function withNewerDefaults(drafts: readonly EntryDraft[], terminology: Pick<Terminology, 'isBillable' | 'compiled' | 'lookup'>): NewerDefaults {
  const named = codesTheIndexNames(terminology.compiled);
  const newer = new Map<string, EntryDraft>();
  const titles = new Map<string, EntryDraft>();
  for (const draft of drafts) {
    if (draft.source !== 'title' && draft.source !== 'inclusion') continue;
    if (isNamed(named, undotted(draft.code)) || !terminology.isBillable(draft.code)) continue;
    if (namesDefault(draft)) newer.set(stemSetKey(draft.stems), draft);
    if (draft.source === 'title' && !/\bwith\b/i.test(draft.display)) titles.set(stemSetKey(draft.stems), draft);
  }
  const moved = new Map<string, string[]>();
  if (newer.size === 0 && titles.size === 0) return { drafts: [...drafts], moved };
  const addedLater = new Map<string, boolean>();
  const isAddedLater = (code: string) => {
    let added = addedLater.get(code);
    if (added === undefined) {
      added = terminology.lookup(code)?.addedAfterTabular === true;
      addedLater.set(code, added);
    }
    return added;
  };
  const recoded = drafts.map((draft) => {
    // An Index path to an "other specified" code ("Depression, specified NEC") names a kind the words leave out.
    if (!RECODED_SOURCES.has(draft.source) || draft.notElsewhereClassified || /\bspecified\b/.test(draft.display) || !terminology.isBillable(draft.code)) return draft;
    const key = stemSetKey(draft.stems);
    const from = undotted(draft.code);
    const sameCategory = newer.get(key);
    const retitled = titles.get(key);
    const latest =
      sameCategory && undotted(sameCategory.code).slice(0, 3) === from.slice(0, 3)
        ? sameCategory
        : retitled && !draft.historyOnly && undotted(retitled.code).slice(0, 3) !== from.slice(0, 3) && isAddedLater(retitled.code)
          ? retitled
          : undefined;
    const to = undotted(latest?.code ?? '');
    if (!latest || to === from) return draft;
    if (!moved.get(from)?.includes(to)) moved.set(from, [...(moved.get(from) ?? []), to]);
    return { ...draft, code: to, display: `${draft.display} (now ${latest.display.replace(/^[^:]+: /, '')})` };
  });
  return { drafts: recoded, moved };
}
