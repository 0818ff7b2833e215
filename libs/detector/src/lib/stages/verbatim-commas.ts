/**
 * A title or inclusion term the note writes out word for word crosses no list: its commas are
 * the classification's own ("Alcohol use disorder, severe, in early remission" is the inclusion
 * term of F10.21, not three conditions), or a way of writing its qualifiers out one by one
 * ("Major depressive disorder, recurrent, severe without psychotic features" is F33.2, titled
 * "..., recurrent severe without psychotic features").
 */
import type { DetectorDoc } from '../detector-doc.js';
import type { SentenceMatch } from '../dictionary/sentence-matcher.js';

/**
 * `matches`, with each list-crossing match of a title or inclusion term the text spells out read
 * as one phrase, which then hides the narrower readings of its words as any phrase does
 * ("Alcohol use disorder, severe" of F10.20 inside F10.21's inclusion term).
 */
export function withClassificationCommas(matches: SentenceMatch[], doc: DetectorDoc): SentenceMatch[] {
  if (!matches.some((match) => match.crossesList)) return matches;
  const phrases = new Set<SentenceMatch>();
  const read = matches.map((match) => {
    if (!match.crossesList || !isClassificationWording(match) || !readsVerbatim(match, doc)) return match;
    const phrase = { entry: match.entry, tokens: match.tokens, crossesList: false, width: match.width };
    phrases.add(phrase);
    return phrase;
  });
  if (phrases.size === 0) return matches;
  return read.filter((match) => ![...phrases].some((phrase) => phrase !== match && phrase.width > match.width && match.tokens.every((token) => phrase.tokens.includes(token))));
}

function isClassificationWording(match: SentenceMatch): boolean {
  return match.entry.source === 'title' || match.entry.source === 'inclusion';
}

/** Whether the text from the match's first word to its last is the entry's own wording, letter for letter but for case, spacing and commas. */
function readsVerbatim(match: SentenceMatch, doc: DetectorDoc): boolean {
  const first = doc.tokens[match.tokens[0]];
  const last = doc.tokens[match.tokens[match.tokens.length - 1]];
  const wording = match.entry.display.slice(match.entry.display.indexOf(': ') + 2);
  return normalized(doc.text.slice(first.begin, last.end)) === normalized(wording);
}

function normalized(text: string): string {
  return text.toLowerCase().replace(/\s*,\s*/g, ' ').replace(/\s+/g, ' ');
}
