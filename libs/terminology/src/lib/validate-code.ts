import { formatCode, normalizeCode } from './code.js';
import type { RecordContext } from './code-record.js';
import type { CodeSummary, InvalidReason, ValidationResult } from './public-types.js';

const MAX_SUGGESTIONS = 20;

/** Whether a code may be reported as it is, and if not, why and what to use instead. */
export function validateCode(context: RecordContext, input: string): ValidationResult {
  const code = normalizeCode(input);
  if (!code) return invalid(input, undefined, 'malformed', `"${input}" is not shaped like an ICD-10-CM code`, []);
  const entry = context.codes.get(code);
  if (entry?.billable) return { valid: true, code: formatCode(code), title: entry.longTitle };
  if (entry) return validateHeader(context, input, code);
  return validateUnknown(context, input, code);
}

function validateHeader(context: RecordContext, input: string, code: string): ValidationResult {
  const children = context.codeSet.childrenOf(code);
  if (children.length > 0 && children.every((child) => child.length === 7) && code.length <= 6) {
    const message = `${formatCode(code)} needs a seventh character (${children.map((child) => child.slice(6)).join(', ')})`;
    return invalid(input, code, 'needs-seventh-character', message, summaries(context, children));
  }
  const billable = billableDescendants(context, code);
  const message = `${formatCode(code)} is a header, not a billable code: use one of its ${billable.length} billable codes`;
  return invalid(input, code, 'header', message, summaries(context, billable));
}

function validateUnknown(context: RecordContext, input: string, code: string): ValidationResult {
  if (code.length === 7) {
    const base = code.slice(0, 6);
    const valid = context.codeSet.childrenOf(base).filter((child) => child.length === 7);
    if (valid.length > 0) {
      const message = `"${code.slice(6)}" is not a valid seventh character for ${formatCode(base)} (valid: ${valid.map((c) => c.slice(6)).join(', ')})`;
      return invalid(input, code, 'invalid-seventh-character', message, summaries(context, valid));
    }
  }
  const withPlaceholder = code.length < 7 ? code.slice(0, -1).padEnd(6, 'X') + code.slice(-1) : null;
  if (withPlaceholder && context.codes.get(withPlaceholder)?.billable) {
    const message = `${formatCode(code)} does not exist; with its placeholder X it is ${formatCode(withPlaceholder)}`;
    return invalid(input, code, 'unknown', message, summaries(context, [withPlaceholder]));
  }
  const ancestor = nearestExistingAncestor(context, code);
  const message = ancestor
    ? `${formatCode(code)} is not an ICD-10-CM FY${context.model.codeSetYear} code; its nearest existing ancestor is ${formatCode(ancestor)}`
    : `${formatCode(code)} is not an ICD-10-CM FY${context.model.codeSetYear} code`;
  return invalid(input, code, 'unknown', message, ancestor ? summaries(context, [ancestor]) : []);
}

function invalid(input: string, code: string | undefined, reason: InvalidReason, message: string, suggestions: CodeSummary[]): ValidationResult {
  return { valid: false, input, code: code ? formatCode(code) : undefined, reason, message, suggestions };
}

function summaries(context: RecordContext, codes: readonly string[]): CodeSummary[] {
  return codes.slice(0, MAX_SUGGESTIONS).map((code) => context.summary(code) as CodeSummary);
}

function billableDescendants(context: RecordContext, code: string): string[] {
  const found: string[] = [];
  const stack = [...context.codeSet.childrenOf(code)].reverse();
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (context.codes.get(next)?.billable) found.push(next);
    stack.push(...[...context.codeSet.childrenOf(next)].reverse());
  }
  return found;
}

function nearestExistingAncestor(context: RecordContext, code: string): string | null {
  for (let length = code.length - 1; length >= 3; length--) {
    if (context.codes.has(code.slice(0, length))) return code.slice(0, length);
  }
  return null;
}
