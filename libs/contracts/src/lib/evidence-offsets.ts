/** The fields of a span that the offset invariant is about. */
export interface OffsetSpan {
  readonly begin: number;
  readonly end: number;
  readonly text: string;
}

/** Anything that carries spans into one text: a DetectionResult, or a partial one. */
export interface SpanBearingResult {
  readonly documentLength?: number;
  readonly codes?: readonly { readonly evidence: readonly OffsetSpan[] }[];
  readonly mentions?: readonly OffsetSpan[];
}

/** Where one span breaks the invariant. Holds offsets only: never the text, which is PHI. */
export interface OffsetViolation {
  /** Path of the span in the result, e.g. `codes[0].evidence[1]`. */
  readonly path: string;
  readonly begin: number;
  readonly end: number;
  readonly problem: string;
}

/** Thrown when spans do not index the text they claim to; the message carries no text. */
export class EvidenceOffsetError extends Error {
  constructor(readonly violations: readonly OffsetViolation[]) {
    const shown = violations.slice(0, 5).map((v) => `${v.path} [${v.begin}, ${v.end}): ${v.problem}`);
    const more = violations.length > 5 ? `; and ${violations.length - 5} more` : '';
    super(`${violations.length} span(s) break text.slice(begin, end) === span.text: ${shown.join('; ')}${more}`);
    this.name = 'EvidenceOffsetError';
  }
}

/** Why a span does not index `text`, or null when it does. */
export function describeOffsetProblem(text: string, span: OffsetSpan): string | null {
  const { begin, end } = span;
  if (!Number.isInteger(begin) || !Number.isInteger(end)) return 'offsets are not integers';
  if (begin < 0 || end > text.length) return `outside the text (length ${text.length})`;
  if (begin > end) return 'begin is after end';
  if (span.text.length !== end - begin) return 'text length differs from end - begin';
  if (text.slice(begin, end) !== span.text) return 'text differs from the slice';
  return null;
}

/** Offset violations of a list of spans, each path prefixed with `label`. */
export function findSpanViolations(text: string, spans: readonly OffsetSpan[], label: string): OffsetViolation[] {
  const violations: OffsetViolation[] = [];
  spans.forEach((span, i) => {
    const problem = describeOffsetProblem(text, span);
    if (problem) violations.push({ path: `${label}[${i}]`, begin: span.begin, end: span.end, problem });
  });
  return violations;
}

/** Throws {@link EvidenceOffsetError} unless every span satisfies `text.slice(begin, end) === span.text`. */
export function assertSpanOffsets(text: string, spans: readonly OffsetSpan[], label = 'spans'): void {
  const violations = findSpanViolations(text, spans, label);
  if (violations.length > 0) throw new EvidenceOffsetError(violations);
}

/**
 * Throws {@link EvidenceOffsetError} unless every evidence span of every code, and every mention,
 * satisfies `text.slice(begin, end) === span.text`, and `documentLength` (when given) is the
 * text's length.
 */
export function assertEvidenceOffsets(text: string, result: SpanBearingResult): void {
  const violations: OffsetViolation[] = [];
  if (result.documentLength !== undefined && result.documentLength !== text.length) {
    violations.push({
      path: 'documentLength',
      begin: 0,
      end: result.documentLength,
      problem: `documentLength is not the text length (${text.length})`,
    });
  }
  (result.codes ?? []).forEach((code, i) => {
    violations.push(...findSpanViolations(text, code.evidence, `codes[${i}].evidence`));
  });
  violations.push(...findSpanViolations(text, result.mentions ?? [], 'mentions'));
  if (violations.length > 0) throw new EvidenceOffsetError(violations);
}
