// The curriculum's chapters (SPEC [LV-CHAPTER-1]): the lecture's parts, each a title and
// the ids of its levels, in the levels' order. The level map draws the levels under
// their chapter's title; a chapter holds a run of consecutive levels, and every level
// sits in exactly one chapter.

import { LEVELS, type Level } from './levels.ts';

export interface Chapter {
  readonly title: string;
  /** The chapter's levels by id, in the curriculum's order. */
  readonly levels: readonly string[];
}

export const CHAPTERS: readonly Chapter[] = [
  { title: 'Heaps and holes', levels: ['bump-ramp', 'frees-make-holes'] },
  { title: 'Placement policies', levels: ['first-fit', 'best-fit', 'best-fit-gone-wrong', 'worst-fit', 'next-fit'] },
  { title: 'Free lists', levels: ['free-list-order', 'sawdust', 'deferred-coalescing'] },
  { title: 'Lifetimes & arenas', levels: ['peaks', 'arenas', 'plateaus', 'mixed-lifetimes'] },
  { title: 'Buddy & slab', levels: ['buddy-walkthrough', 'buddy-rounding', 'slab'] },
  { title: 'The OS & real programs', levels: ['sbrk-mmap', 'word-frequency', 'adaptive-boss'] },
];

/** [LV-CHAPTER-1] The index in CHAPTERS of the chapter that holds the level, or -1 for a level in none (a bug the tests catch). */
export function chapterIndexOf(levelId: Level['id']): number {
  return CHAPTERS.findIndex((chapter) => chapter.levels.includes(levelId));
}

/** [LV-CHAPTER-1] Each level's chapter index, in the levels' order (what the level map groups by). */
export function chapterOfEachLevel(levels: readonly Level[] = LEVELS): number[] {
  return levels.map((level) => chapterIndexOf(level.id));
}
