import { formatCode } from '@icd/terminology';
import type { CodingModel } from './coding-model.js';
import type { NarrowedCode, NarrowingStart, StemContext } from './narrow-code.js';

/**
 * What resolving a match reads of its dictionary entry, together in one object per entry: the
 * entry, its calibrated score and its narrowing answer sit in three structures by entry id, and
 * reading them apart cost a cache miss each, more than resolving the match itself.
 */
export interface EntryFacts {
  readonly id: number;
  /** Undotted, as the dictionary has it: the code narrowing starts from. */
  readonly code: string;
  /** {@link code} dotted, as a resolved code reports what matched. */
  readonly dottedCode: string;
  readonly display: string;
  /** The entry names its code only for a mention placed in the patient's past. */
  readonly historyOnly: boolean;
  /** `coding.entryScores` of the entry. */
  readonly score: number;
  /** The entry's code where it is billable already, whatever the text says; null where the text decides. */
  readonly asIs: NarrowedCode | null;
  /** Where narrowing the entry's code starts; null where {@link asIs} answers. */
  readonly narrowingStart: NarrowingStart | null;
}

/** A context no billable code reads: narrowing a billable code answers without asking. */
const NO_CONTEXT: StemContext = { has: () => false };

/** The facts of each entry of one coding model, by entry id, filled in as entries are first matched. */
export class EntryFactsTable {
  private readonly facts: (EntryFacts | undefined)[];

  constructor(private readonly coding: CodingModel) {
    this.facts = new Array<EntryFacts | undefined>(coding.dictionary.entries.length);
  }

  of(entryId: number): EntryFacts {
    return (this.facts[entryId] ??= this.factsOf(entryId));
  }

  /** {@link CodingModel.narrowEntry} of the entry, from its facts. */
  narrow(facts: EntryFacts, context: StemContext): NarrowedCode | null {
    return facts.asIs ?? this.coding.narrow.narrowFrom(facts.narrowingStart as NarrowingStart, context);
  }

  private factsOf(entryId: number): EntryFacts {
    const { coding } = this;
    const entry = coding.dictionary.entries[entryId];
    const billable = coding.summary(entry.code)?.billable ?? false;
    return {
      id: entry.id,
      code: entry.code,
      dottedCode: formatCode(entry.code),
      display: entry.display,
      historyOnly: entry.historyOnly === true,
      score: coding.entryScores[entry.id],
      asIs: billable ? coding.narrowEntry(entryId, NO_CONTEXT) : null,
      narrowingStart: billable ? null : coding.narrow.narrowingStart(entry.code),
    };
  }
}

const tables = new WeakMap<CodingModel, EntryFactsTable>();

/** The shared {@link EntryFactsTable} of `coding`. */
export function entryFactsOf(coding: CodingModel): EntryFactsTable {
  let table = tables.get(coding);
  if (!table) {
    table = new EntryFactsTable(coding);
    tables.set(coding, table);
  }
  return table;
}
