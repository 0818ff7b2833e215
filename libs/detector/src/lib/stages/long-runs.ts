/**
 * Runs without whitespace cut into pieces before wink-nlp reads them, as its tokenizer is
 * quadratic in their length.
 */

/**
 * Longest run without whitespace handed to wink-nlp in one piece: its tokenizer is quadratic in
 * the length of such a run (50,000 characters take seconds), and no real token is this long.
 */
export const MAX_WINK_RUN = 100;
const LONG_RUN = new RegExp(`\\S{${MAX_WINK_RUN + 1},}`, 'g');

/**
 * `text` with a space inserted every {@link MAX_WINK_RUN} characters of any longer run without
 * whitespace. Offsets do not suffer: tokens are located in the original text, and the pieces of
 * a run sit there back to back. A surrogate pair is never split.
 */
export function breakLongRuns(text: string): string {
  // The regex tries to count past MAX_WINK_RUN at every non-space character; one linear pass
  // that finds no long run (nearly every note) spares it.
  if (!hasLongRun(text)) return text;
  return text.replace(LONG_RUN, (run) => {
    const pieces: string[] = [];
    let begin = 0;
    while (begin < run.length) {
      let end = Math.min(run.length, begin + MAX_WINK_RUN);
      const code = run.charCodeAt(end);
      if (end < run.length && code >= 0xdc00 && code <= 0xdfff) end += 1;
      pieces.push(run.slice(begin, end));
      begin = end;
    }
    return pieces.join(' ');
  });
}

function hasLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (breaksRun(text.charCodeAt(i))) run = 0;
    else if ((run += 1) > MAX_WINK_RUN) return true;
  }
  return false;
}

/**
 * Whitespace as \s knows it, for the characters notes use; anything rarer only lengthens a run,
 * which errs towards the regex. A visible ASCII character, most of any note, is told in one test.
 */
function breaksRun(code: number): boolean {
  if (code > 32 && code < 127) return false;
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}
