import { describe, expect, it } from 'vitest';
import { MAX_REVIEW_DECISIONS, ReviewDecisionsSchema } from './review-decisions.js';

describe('ReviewDecisionsSchema', () => {
  const review = {
    decisions: [
      { code: 'E11.22', status: 'accepted' },
      { code: 'I10', status: 'rejected' },
      { code: 'N18.30', status: 'replaced', replacement: { code: 'N18.31', title: 'Chronic kidney disease, stage 3a' } },
    ],
    updatedAt: '2025-11-27T09:30:00.000Z',
  };

  it('round-trips through JSON', () => {
    expect(ReviewDecisionsSchema.parse(JSON.parse(JSON.stringify(review)))).toEqual(review);
  });

  it('accepts an empty review and a replacement without a title', () => {
    expect(ReviewDecisionsSchema.parse({ decisions: [] })).toEqual({ decisions: [] });
    const untitled = { decisions: [{ code: 'N18.30', status: 'replaced', replacement: { code: 'N18.31' } }] };
    expect(ReviewDecisionsSchema.parse(untitled)).toEqual(untitled);
  });

  it('requires a replacement exactly for replaced codes', () => {
    expect(ReviewDecisionsSchema.safeParse({ decisions: [{ code: 'I10', status: 'replaced' }] }).success).toBe(false);
    const extra = { code: 'I10', status: 'accepted', replacement: { code: 'I11.9' } };
    expect(ReviewDecisionsSchema.safeParse({ decisions: [extra] }).success).toBe(false);
  });

  it('rejects unknown statuses, undotted codes and unknown keys', () => {
    for (const decision of [{ code: 'I10', status: 'maybe' }, { code: 'E1122', status: 'accepted' }, { code: 'I10', status: 'accepted', by: 'x' }]) {
      expect(ReviewDecisionsSchema.safeParse({ decisions: [decision] }).success).toBe(false);
    }
    expect(ReviewDecisionsSchema.safeParse({ decisions: [], reviewer: 'x' }).success).toBe(false);
  });

  it('allows one decision per code, and a bounded number of them', () => {
    const twice = { decisions: [{ code: 'I10', status: 'accepted' }, { code: 'I10', status: 'rejected' }] };
    const parsed = ReviewDecisionsSchema.safeParse(twice);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(['decisions']);
    const many = Array.from({ length: MAX_REVIEW_DECISIONS + 1 }, (_, i) => ({ code: `A${String(i % 100).padStart(2, '0')}.${i}`, status: 'accepted' }));
    expect(ReviewDecisionsSchema.safeParse({ decisions: many }).success).toBe(false);
  });
});
