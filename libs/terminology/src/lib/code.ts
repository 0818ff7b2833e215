/**
 * The one place that converts between the forms a code is written in. Inside the model codes are
 * stored undotted (`E1122`); everything handed out is dotted (`E11.22`).
 */

const CODE_SHAPE = /^[A-Z][0-9][0-9A-Z]{1,5}$/;

/** `e11.22`, ` E11 22 `, `E1122` -> `E1122`; null when it cannot be an ICD-10-CM code. */
export function normalizeCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s.]/g, '');
  return CODE_SHAPE.test(compact) ? compact : null;
}

/** `E1122` -> `E11.22`; `E11` -> `E11`. Accepts an already dotted code. */
export function formatCode(code: string): string {
  const compact = code.replace('.', '');
  return compact.length > 3 ? `${compact.slice(0, 3)}.${compact.slice(3)}` : compact;
}

/** Strips the dot and a trailing `-` (the Index and tables mark incomplete codes with it). */
export function undotCode(code: string): string {
  return code.replace('.', '').replace(/-+$/, '').toUpperCase();
}

/** True when `code` is `ancestor` or lies beneath it (both undotted). */
export function isSameOrDescendant(code: string, ancestor: string): boolean {
  return code.startsWith(ancestor);
}
