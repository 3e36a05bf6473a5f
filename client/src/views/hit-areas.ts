// Rectangles a view drew, each with what it stands for (a block, a slab, "new arena"),
// so a pointer position can be turned back into engine terms. Rebuilt on every redraw.

import type { Rect } from './patterns.ts';
import { contains } from './patterns.ts';

export class HitAreas<T> {
  private readonly areas: { readonly rect: Rect; readonly payload: T }[] = [];

  clear(): void {
    this.areas.length = 0;
  }

  add(rect: Rect, payload: T): void {
    this.areas.push({ rect, payload });
  }

  /** What is under a point; the last added wins where areas overlap (it was drawn on top). */
  at(x: number, y: number): T | null {
    for (let i = this.areas.length - 1; i >= 0; i--) {
      const area = this.areas[i];
      if (area && contains(area.rect, x, y)) return area.payload;
    }
    return null;
  }

  rectOf(match: (payload: T) => boolean): Rect | null {
    return this.areas.find((a) => match(a.payload))?.rect ?? null;
  }
}
