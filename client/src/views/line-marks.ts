// What the heap line marks for the level's idea, from the engine's kind view (never
// recomputed here): the next-fit rover on the level about next fit, the free list's
// LIFO order (a number on each hole, 1 = tried first) on the level about list order.
// Other levels mark nothing. Pure: no Phaser, unit-tested.

import type { KindView } from '../../../shared/match/kind-view.ts';

export interface LineMarks {
  /** Where next fit resumes its search, or null. */
  readonly rover: number | null;
  /** Hole addresses in the order the free list tries them, front first, or null. */
  readonly listOrder: { readonly name: string; readonly addresses: readonly number[] } | null;
}

export const NO_MARKS: LineMarks = { rover: null, listOrder: null };

/** The marks for level `levelId` (undefined: the warm-up or a class round) on `view`. */
export function lineMarks(levelId: string | undefined, view: KindView | null): LineMarks {
  if (view?.kind !== 'freelist' || view.rover === undefined) return NO_MARKS;
  if (levelId === 'next-fit') return { rover: view.rover, listOrder: null };
  if (levelId === 'free-list-order') return { rover: null, listOrder: { name: 'LIFO', addresses: view.listOrder.lifo } };
  return NO_MARKS;
}
