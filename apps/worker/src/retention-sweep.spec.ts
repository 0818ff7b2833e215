import { describe, expect, it } from 'vitest';
import { sweepIntervalMs } from './retention-sweep.js';

describe('sweepIntervalMs', () => {
  it('sweeps ten times per retention period, at least every hour and at most every second', () => {
    expect(sweepIntervalMs(600)).toBe(60_000);
    expect(sweepIntervalMs(7 * 24 * 3_600)).toBe(3_600_000);
    expect(sweepIntervalMs(3)).toBe(1_000);
  });
});
