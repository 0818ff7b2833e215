/**
 * The HIPAA Safe Harbor identifier kinds the redactor replaces (45 CFR 164.514(b)(2)), each with
 * the placeholder written in its place. Biometrics and full-face photographs do not occur in text;
 * "any other unique identifying number" is covered by the cue-driven number types.
 */
export const PHI_TYPES = [
  'NAME',
  'DATE',
  'PHONE',
  'FAX',
  'EMAIL',
  'SSN',
  'MRN',
  'ACCOUNT',
  'HEALTH_PLAN',
  'LICENSE',
  'ADDRESS',
  'ZIP',
  'URL',
  'IP',
  'DEVICE_ID',
  'VEHICLE_ID',
  'AGE_OVER_89',
] as const;

/** One identifier kind from {@link PHI_TYPES}. */
export type PhiType = (typeof PHI_TYPES)[number];

const PHI_TYPE_SET: ReadonlySet<string> = new Set(PHI_TYPES);

/** Whether `value` names an identifier kind (used to read typed named groups out of patterns). */
export function isPhiType(value: string): value is PhiType {
  return PHI_TYPE_SET.has(value);
}

/** The text written in place of an identifier of `type`, e.g. `[NAME]`. */
export function placeholderFor(type: PhiType): string {
  return `[${type}]`;
}

/** A range of text: `begin` inclusive, `end` exclusive, in UTF-16 code units like `String.slice`. */
export interface TextSpan {
  readonly begin: number;
  readonly end: number;
}

/** An identifier found in a text, in that text's offsets. */
export interface PhiSpan extends TextSpan {
  readonly type: PhiType;
}

/** An identifier that was replaced: where it was in the original text and where its placeholder is. */
export interface RedactedSpan extends PhiSpan {
  /** Where the placeholder begins in the redacted text. */
  readonly redactedBegin: number;
  /** Where the placeholder ends in the redacted text (exclusive). */
  readonly redactedEnd: number;
}
