import { describe, expect, it } from 'vitest';
import { codedNoteResult } from '../__fixtures__/coded-note.js';
import { applyChange, decisionMapOf, decisionsToSave, reviewProgress } from './review-state.js';

const proposals = codedNoteResult().codes;

describe('review decisions', () => {
  it('accepts, rejects and replaces; the same key again undoes', () => {
    let map = decisionMapOf([]);
    map = applyChange(map, 'I10', { kind: 'accept' });
    map = applyChange(map, 'E11.22', { kind: 'reject' });
    map = applyChange(map, 'N18.30', { kind: 'replace', replacement: { code: 'N18.31', title: 'Chronic kidney disease, stage 3a' } });
    expect(decisionsToSave(map, proposals)).toEqual([
      { code: 'E11.22', status: 'rejected' },
      { code: 'I10', status: 'accepted' },
      { code: 'N18.30', status: 'replaced', replacement: { code: 'N18.31', title: 'Chronic kidney disease, stage 3a' } },
    ]);
    expect(reviewProgress(map, proposals)).toEqual({ total: 3, accepted: 1, rejected: 1, replaced: 1, pending: 0 });

    map = applyChange(map, 'I10', { kind: 'accept' });
    map = applyChange(map, 'E11.22', { kind: 'accept' });
    map = applyChange(map, 'N18.30', { kind: 'clear' });
    expect(decisionsToSave(map, proposals)).toEqual([{ code: 'E11.22', status: 'accepted' }]);
  });

  it('drops saved decisions on codes the job does not propose', () => {
    const map = decisionMapOf([{ code: 'J45.909', status: 'accepted' }]);
    expect(decisionsToSave(map, proposals)).toEqual([]);
    expect(reviewProgress(map, proposals).pending).toBe(3);
  });
});
