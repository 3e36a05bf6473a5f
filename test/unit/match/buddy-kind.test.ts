// The buddy kind in the registry: a round's buddy options are judged by the buddy
// engine's own check, so the registry and the engine cannot disagree on them.
import { describe, expect, it } from 'vitest';
import { buddyOptionsProblem, type BuddyOptions } from '../../../shared/buddy/buddy.ts';
import { createAllocator } from '../../../shared/match/kinds.ts';

describe('buddy kind in the registry', () => {
  it('[MATCH-KIND-BUDDY-1] refuses options the buddy engine forbids as options/invalid, in the engine\'s words', () => {
    const forbidden: BuddyOptions[] = [
      { maxOrder: 31 },
      { maxOrder: -1 },
      { maxOrder: 2.5 },
      { maxOrder: 4, minOrder: 5 },
      { maxOrder: 4, minOrder: -1 },
      { maxOrder: 4, unit: 0 },
      { maxOrder: 4, unit: 1.5 },
    ];
    for (const options of forbidden) {
      const problem = buddyOptionsProblem(options);
      expect(problem, JSON.stringify(options)).not.toBeNull();
      expect(createAllocator({ kind: 'buddy', options })).toEqual({ ok: false, code: 'options/invalid', message: problem });
    }
  });

  it('[MATCH-KIND-BUDDY-1] builds a space from options the engine accepts', () => {
    const made = createAllocator({ kind: 'buddy', options: { maxOrder: 6, minOrder: 2, unit: 8 } });
    expect(made.ok && made.value.gauge().heapBytes).toBe(0);
    expect(made.ok && made.value.walk()).toEqual([{ start: 0, size: 512, state: 'free' }]);
  });
});
