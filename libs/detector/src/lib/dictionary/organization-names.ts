import { z } from 'zod';
import data from '../../data/organization-names.en.json' with { type: 'json' };
import type { Token } from '../detector-doc.js';
import { parseDataFile } from '../rules/parse-data-file.js';

const OrganizationNamesFile = z
  .object({
    $comment: z.string().optional(),
    heads: z.array(z.string().regex(/^[a-z]+$/, 'a head word is one lower-case word')).min(1),
    maxWordsBefore: z.number().int().min(1).max(6),
    maxWordsAfterOf: z.number().int().min(0).max(6),
    stopWords: z.array(z.string().regex(/^[a-z]+$/, 'a stop word is one lower-case word')),
  })
  .strict();

export interface OrganizationNames {
  readonly heads: ReadonlySet<string>;
  readonly maxWordsBefore: number;
  readonly maxWordsAfterOf: number;
  readonly stopWords: ReadonlySet<string>;
}

/** Validates the organization-names file; the error names the field at fault. */
export function parseOrganizationNames(input: unknown): OrganizationNames {
  const parsed = parseDataFile(OrganizationNamesFile, input, 'organization-names.en.json');
  return { heads: new Set(parsed.heads), maxWordsBefore: parsed.maxWordsBefore, maxWordsAfterOf: parsed.maxWordsAfterOf, stopWords: new Set(parsed.stopWords) };
}

export const ORGANIZATION_NAMES = parseOrganizationNames(data);

const NO_TOKENS: ReadonlySet<number> = new Set();

/**
 * Token indexes, within [begin, end), of the words that name a department or service ("admitted
 * to the pain unit", "the General Surgery Department", "the Department of Infectious Diseases"):
 * the head word, the words right before it and those after an "of" right after it. Matching them
 * would code the place: "pain" as pain, "General" as generalized.
 */
export function organizationNameTokens(tokens: readonly Token[], begin: number, end: number, names: OrganizationNames = ORGANIZATION_NAMES): ReadonlySet<number> {
  let masked: Set<number> | null = null;
  for (let index = begin; index < end; index += 1) {
    if (tokens[index].kind !== 'word' || !names.heads.has(tokens[index].normal)) continue;
    // Most sentences name no department: they share one empty set rather than each building one.
    masked ??= new Set<number>();
    masked.add(index);
    for (let before = index - 1; before >= begin && index - before <= names.maxWordsBefore && isNameWord(tokens[before], names); before -= 1) masked.add(before);
    // After "of", only a capitalised name: "the Department of Infectious Diseases", not "a unit of blood".
    if (index + 1 < end && tokens[index + 1].normal === 'of') {
      for (let after = index + 2; after < end && after - index - 1 <= names.maxWordsAfterOf && isNameWord(tokens[after], names) && /^\p{Lu}/u.test(tokens[after].text); after += 1) {
        masked.add(index + 1).add(after);
      }
    }
  }
  return masked ?? NO_TOKENS;
}

function isNameWord(token: Token, names: OrganizationNames): boolean {
  return token.kind === 'word' && !names.stopWords.has(token.normal);
}
