// What the heap line marks for the level's idea, from the engine's kind view (never
// recomputed here): the next-fit rover on the level about next fit, the free list's
// order (a number on each hole, 1 = tried first) on the level about list order, in the
// order the player chose to see (LIFO, FIFO or by address). Other levels mark nothing.
// Pure: no Phaser, unit-tested.

import type { KindView } from '../../../shared/match/kind-view.ts';

export interface LineMarks {
  /** Where next fit resumes its search, or null. */
  readonly rover: number | null;
  /** Hole addresses in the order the free list tries them, front first, or null. */
  readonly listOrder: { readonly name: string; readonly addresses: readonly number[] } | null;
}

export const NO_MARKS: LineMarks = { rover: null, listOrder: null };

/** The free-list orders the level about them can show, in the order a press steps through them. */
export const LIST_ORDERS = ['lifo', 'fifo', 'address'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];

const ORDER_NAMES: Readonly<Record<ListOrder, string>> = { lifo: 'LIFO', fifo: 'FIFO', address: 'address' };

/** How an order is named on screen. */
export function listOrderName(order: ListOrder): string {
  return ORDER_NAMES[order];
}

/** Whether the level is the one about free-list order (its screen offers a choice of order). */
export function marksListOrder(levelId: string | undefined): boolean {
  return levelId === 'free-list-order';
}

/** The holes in `order`, front first: the engine's LIFO and FIFO lists; by address, the same holes sorted. */
function holesIn(view: KindView & { kind: 'freelist' }, order: ListOrder): readonly number[] {
  if (order === 'address') return [...view.listOrder.lifo].sort((a, b) => a - b);
  return view.listOrder[order];
}

/** The marks for level `levelId` (undefined: the warm-up or a class round) on `view`, the list shown in `order`. */
export function lineMarks(levelId: string | undefined, view: KindView | null, order: ListOrder = 'lifo'): LineMarks {
  if (view?.kind !== 'freelist' || view.rover === undefined) return NO_MARKS;
  if (levelId === 'next-fit') return { rover: view.rover, listOrder: null };
  if (marksListOrder(levelId)) return { rover: null, listOrder: { name: listOrderName(order), addresses: holesIn(view, order) } };
  return NO_MARKS;
}
