/**
 * Residual deficits of a past cerebrovascular event (ICD-10-CM guidelines I.C.9.d): "history of
 * stroke with residual right hemiparesis" is I69.351, not Z86.73 beside G81.91. Which events
 * count, the words that tie a deficit to one, and the I69 code each deficit gives are data
 * (`sequela-links.en.json`), checked against the code set.
 */
import type { Terminology } from '@icd/terminology';
import { z } from 'zod';
import data from '../../data/sequela-links.en.json' with { type: 'json' };
import { parseDataFile } from '../rules/parse-data-file.js';
import { CombinedPattern, literalSource } from '../text-patterns.js';
import { CODE_PREFIX, DOTTED_CODE, hasCodePrefix } from '../rules/code-schemas.js';

const WORDS = z.array(z.string().regex(/^[a-z][a-z -]*[a-z]$/, 'lower-case words')).min(1);

const SequelaLinksFile = z
  .object({
    $comment: z.string().optional(),
    events: z.array(z.object({ prefixes: z.array(CODE_PREFIX).min(1), sequelaCategory: DOTTED_CODE }).strict()).min(1),
    combinedWords: z.record(z.string().regex(/^[a-z][a-z-]*$/), DOTTED_CODE),
    sequelaCues: WORDS,
    causeCues: WORDS,
    blockingWords: WORDS,
    deficits: z.record(DOTTED_CODE, z.string().regex(/^[0-9]{2}$/, 'the two last characters of an I69 code')),
    keepDeficitCode: z.array(DOTTED_CODE),
  })
  .strict();

/** What a cue says: a sequela of any event, a cause that ties to a past one, or a word that ties nothing ("new"). */
export type SequelaCue = 'sequela' | 'cause' | 'blocking';

export interface SequelaLinks {
  /** The I69 category ("I69.3") of each kind of event, by code prefix. */
  readonly events: readonly { readonly prefixes: readonly string[]; readonly sequelaCategory: string }[];
  /** Single words that name a past event and the link at once ("post-stroke"), with the event's code. */
  readonly combinedWords: ReadonlyMap<string, string>;
  /** The cue phrases and blocking words, found in the text as the context rules' triggers are. */
  readonly cues: CombinedPattern<SequelaCue>;
  /** The last characters of the I69 code of each deficit code. */
  readonly deficits: ReadonlyMap<string, string>;
  readonly keepDeficitCode: ReadonlySet<string>;
  /** Whether the loaded code set bills a code: a small code set of tests lacks most I69 codes. */
  readonly isBillable: (code: string) => boolean;
}

/** Validates the rules; a deficit code or an I69 code the loaded code set does not bill is simply never proposed. */
export function parseSequelaLinks(input: unknown, terminology: Pick<Terminology, 'isBillable'>): SequelaLinks {
  const parsed = parseDataFile(SequelaLinksFile, input, 'sequela-links.en.json');
  const alternatives = (literals: readonly string[], value: SequelaCue) => literals.map((literal) => ({ source: literalSource(literal), literal, value }));
  return {
    events: parsed.events,
    combinedWords: new Map(Object.entries(parsed.combinedWords)),
    cues: new CombinedPattern([...alternatives(parsed.sequelaCues, 'sequela'), ...alternatives(parsed.causeCues, 'cause'), ...alternatives(parsed.blockingWords, 'blocking')], 'iu'),
    deficits: new Map(Object.entries(parsed.deficits)),
    keepDeficitCode: new Set(parsed.keepDeficitCode),
    isBillable: (code) => terminology.isBillable(code),
  };
}

export function loadSequelaLinks(terminology: Pick<Terminology, 'isBillable'>): SequelaLinks {
  return parseSequelaLinks(data, terminology);
}

/** The I69 category for an event code (I63.9 -> I69.3), or null when the code is no such event. */
export function sequelaCategoryOf(links: SequelaLinks, eventCode: string): string | null {
  for (const event of links.events) if (hasCodePrefix(eventCode, event.prefixes)) return event.sequelaCategory;
  return null;
}

/** The billable I69 code for `deficitCode` after an event of `sequelaCategory`, or null. */
export function sequelaCodeFor(links: SequelaLinks, sequelaCategory: string, deficitCode: string): string | null {
  const last = links.deficits.get(deficitCode);
  if (last === undefined) return null;
  const code = `${sequelaCategory}${last}`;
  return links.isBillable(code) ? code : null;
}
