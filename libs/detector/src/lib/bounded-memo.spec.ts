import { describe, expect, it } from 'vitest';
import { rememberedIn } from './bounded-memo.js';

describe('rememberedIn', () => {
  it('computes a key once, and starts afresh once the memo holds its limit', () => {
    const memo = new Map<string, number>();
    let calls = 0;
    const length = (key: string) => {
      calls += 1;
      return key.length;
    };
    expect(rememberedIn(memo, 2, 'ab', length)).toBe(2);
    expect(rememberedIn(memo, 2, 'ab', length)).toBe(2);
    expect(calls).toBe(1);
    rememberedIn(memo, 2, 'abc', length);
    expect(memo.size).toBe(2);
    rememberedIn(memo, 2, 'abcd', length);
    expect([...memo.keys()]).toEqual(['abcd']);
    expect(calls).toBe(3);
  });

  it('remembers a null answer too', () => {
    const memo = new Map<string, null>();
    let calls = 0;
    const nothing = () => {
      calls += 1;
      return null;
    };
    rememberedIn(memo, 10, 'the', nothing);
    rememberedIn(memo, 10, 'the', nothing);
    expect(calls).toBe(1);
  });
});
