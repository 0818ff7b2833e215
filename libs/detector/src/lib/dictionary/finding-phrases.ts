import { z } from 'zod';
import data from '../../data/finding-phrases.en.json' with { type: 'json' };
import type { Token } from '../detector-doc.js';
import { parseDataFile } from '../rules/parse-data-file.js';

/** A phrase as written in the file: words, one of them in brackets. */
const PHRASE = /^(?:[^\s[\]]+ )*\[[^\s[\]]+\](?: [^\s[\]]+)*$/;

const FindingPhrasesFile = z
  .object({
    $comment: z.string().optional(),
    phrases: z.array(z.string().regex(PHRASE, 'a phrase is words separated by single spaces, exactly one of them in brackets')).min(1),
  })
  .strict();

/** One phrase: its words (lower case) and which of them is not matched. */
export interface FindingPhrase {
  readonly words: readonly string[];
  readonly masked: number;
}

export interface FindingPhrases {
  /** The phrases by their first word. */
  readonly byFirstWord: ReadonlyMap<string, readonly FindingPhrase[]>;
}

/** Validates the finding-phrases file; the error names the phrase at fault. */
export function parseFindingPhrases(input: unknown): FindingPhrases {
  const parsed = parseDataFile(FindingPhrasesFile, input, 'finding-phrases.en.json');
  const byFirstWord = new Map<string, FindingPhrase[]>();
  for (const phrase of parsed.phrases) {
    const written = phrase.toLowerCase().split(' ');
    const masked = written.findIndex((word) => word.startsWith('['));
    const words = written.map((word) => word.replace(/[[\]]/g, ''));
    byFirstWord.set(words[0], [...(byFirstWord.get(words[0]) ?? []), { words, masked }]);
  }
  return { byFirstWord };
}

export const FINDING_PHRASES = parseFindingPhrases(data);

const NO_TOKENS: ReadonlySet<number> = new Set();

/**
 * Token indexes, within [begin, end), of the bracketed words of the finding phrases found there:
 * "ST depression" masks "depression", which would otherwise be read as a depressive disorder.
 */
export function findingPhraseTokens(tokens: readonly Token[], begin: number, end: number, phrases: FindingPhrases = FINDING_PHRASES): ReadonlySet<number> {
  let masked: Set<number> | null = null;
  for (let index = begin; index < end; index += 1) {
    const candidates = phrases.byFirstWord.get(tokens[index].normal.toLowerCase());
    if (!candidates) continue;
    for (const phrase of candidates) {
      const at = maskedTokenOf(tokens, index, end, phrase);
      if (at < 0) continue;
      masked ??= new Set<number>();
      masked.add(at);
    }
  }
  return masked ?? NO_TOKENS;
}

/**
 * The token of `phrase`'s bracketed word when the phrase starts at token `index`, else -1. A hyphen
 * between two words is passed over: "ST-segment depression" is "ST segment depression".
 */
function maskedTokenOf(tokens: readonly Token[], index: number, end: number, phrase: FindingPhrase): number {
  let at = index;
  let maskedAt = phrase.masked === 0 ? index : -1;
  for (let i = 1; i < phrase.words.length; i += 1) {
    at += 1;
    if (at < end && tokens[at].text === '-') at += 1;
    if (at >= end || tokens[at].normal.toLowerCase() !== phrase.words[i]) return -1;
    if (i === phrase.masked) maskedAt = at;
  }
  return maskedAt;
}
