/**
 * Saves decisions as the coder makes them: one request at a time, and only the latest decisions
 * once a request is in flight, so quick key presses never reach the server out of order.
 */
import type { ReviewDecision } from '@icd/contracts';
import { ApiError, saveReview } from '../api/client.js';
import type { SaveState } from './code-panel.js';

export interface ReviewSaver {
  save(decisions: ReviewDecision[]): void;
  retry(): void;
  /** True while decisions are not yet stored. */
  readonly unsaved: boolean;
}

export function createReviewSaver(jobId: string, onState: (state: SaveState) => void): ReviewSaver {
  let pending: ReviewDecision[] | null = null;
  let inFlight = false;
  const flush = async (): Promise<void> => {
    if (inFlight || !pending) return;
    const decisions = pending;
    pending = null;
    inFlight = true;
    onState({ kind: 'saving' });
    try {
      const saved = await saveReview(jobId, decisions);
      if (!pending) onState({ kind: 'saved', at: saved.updatedAt ?? new Date().toISOString() });
    } catch (error) {
      // Kept for the retry, unless newer decisions came in meanwhile.
      pending ??= decisions;
      inFlight = false;
      onState({ kind: 'failed', message: error instanceof ApiError ? error.message : 'the server could not be reached' });
      return;
    }
    inFlight = false;
    await flush();
  };
  return {
    save(decisions) {
      pending = decisions;
      void flush();
    },
    retry: () => void flush(),
    get unsaved() {
      return inFlight || pending !== null;
    },
  };
}
