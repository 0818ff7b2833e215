import type { SeventhCharacter, TabularNotes } from './sources/source-types.js';
import type { InheritedNotes } from './public-types.js';

/**
 * Note kinds that a category, section or chapter passes down to every code beneath it. Inclusion
 * terms do not: they describe the one code they stand under.
 */
const INHERITED_KINDS = [
  'includes',
  'excludes1',
  'excludes2',
  'codeFirst',
  'useAdditionalCode',
  'codeAlso',
  'notes',
  'sevenChrNote',
  'sevenChrDef',
] as const satisfies readonly (keyof TabularNotes)[];

export function emptyNotes(): TabularNotes {
  return {
    inclusionTerms: [],
    includes: [],
    excludes1: [],
    excludes2: [],
    codeFirst: [],
    useAdditionalCode: [],
    codeAlso: [],
    notes: [],
    sevenChrNote: [],
    sevenChrDef: [],
  };
}

/** The part of `notes` that applies beneath the node carrying them; null when nothing does. */
export function inheritablePart(notes: TabularNotes | undefined): Partial<TabularNotes> | null {
  if (!notes) return null;
  const part: Partial<TabularNotes> = {};
  let any = false;
  for (const kind of INHERITED_KINDS) {
    const list = notes[kind];
    if (list.length > 0) {
      (part as Record<string, unknown>)[kind] = list;
      any = true;
    }
  }
  return any ? part : null;
}

/** Seventh characters from the nearest source that defines them: the code itself, else the nearest ancestor. */
export function nearestSeventhCharacters(own: TabularNotes, inherited: InheritedNotes[]): SeventhCharacter[] {
  if (own.sevenChrDef.length > 0) return own.sevenChrDef;
  return inherited.find((entry) => (entry.notes.sevenChrDef?.length ?? 0) > 0)?.notes.sevenChrDef ?? [];
}
