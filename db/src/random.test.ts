import { describe, expect, it } from 'vitest';
import { random } from './random.js';

describe('random', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    const a = random(42, 'events');
    const b = random(42, 'events');
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('gives another sequence for another seed or stream', () => {
    const first = random(42, 'events').next();
    expect(random(43, 'events').next()).not.toBe(first);
    expect(random(42, 'sessions').next()).not.toBe(first);
  });

  it('keeps integers within their bounds and covers them', () => {
    const draw = random(1, 'dice');
    const seen = new Set(Array.from({ length: 600 }, () => draw.integer(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
