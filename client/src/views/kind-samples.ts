// Gallery samples of the other allocator kinds, built by running the real engines
// (buddy, slab, arena) on a few fixed moves, so the views are shown exactly the data
// the play screens will give them.

import { BuddyAllocator } from '../../../shared/buddy/buddy.ts';
import { SlabAllocator } from '../../../shared/slab/slab.ts';
import { ArenaAllocator } from '../../../shared/arena/arena.ts';
import type { ArenaPicture } from './ArenaView.ts';
import type { BuddyTree } from './BuddyView.ts';
import type { SlabPicture } from './SlabView.ts';

/** A 1 KiB buddy space (64 units of 16 bytes), a few blocks placed lowest-first, one freed. */
export function sampleBuddy(): BuddyTree {
  const buddy = new BuddyAllocator({ maxOrder: 6, minOrder: 0, unit: 16 });
  const sizes = [16, 60, 100, 200, 33, 16, 120];
  sizes.forEach((size, i) => {
    const at = buddy.lowestFit(size);
    if (at !== null) buddy.allocate(i + 1, size, at);
  });
  buddy.free(2);
  return { regions: buddy.walk(), unit: buddy.unit, minOrder: buddy.minOrder, maxOrder: buddy.maxOrder, freeLists: buddy.freeLists() };
}

/** Kernel-style caches: dentries over three slabs (partial, full, partial), files in one, an emptied slab, a large block. */
export function sampleSlab(): SlabPicture {
  const slab = new SlabAllocator({ pageLimit: 16 });
  let id = 1;
  const fill = (cache: string, size: number, count: number): number[] => {
    const ids: number[] = [];
    let target = -1;
    for (let i = 0; i < count; i++) {
      let placed = slab.allocate(id, size, target, cache);
      if (!placed.ok) placed = slab.allocate(id, size, -1, cache);
      if (placed.ok) {
        target = placed.value.target;
        ids.push(id);
      }
      id++;
    }
    return ids;
  };
  // 21 dentries fill a slab: the first ends partial, the second full, the third has 3.
  const dentries = fill('dentry', 180, 45);
  const files = fill('filp', 256, 6);
  fill('inode_cache', 600, 3).forEach((inode) => slab.free(inode));
  for (const d of dentries.slice(0, 21).filter((_, i) => i % 4 === 0)) slab.free(d);
  slab.free(files[0] ?? 0);
  slab.allocate(id, 9000, -1);
  return { caches: slab.cacheViews(), slabs: slab.slabViews(), regions: slab.walk(), pages: { held: slab.figures().pagesHeld, limit: 16 } };
}

/** Arenas by lifetime tag: a parser arena with dead objects, a frame arena, a long-lived cache arena. */
export function sampleArena(): ArenaPicture {
  const arenas = new ArenaAllocator({ chunkSize: 1024, align: 8 });
  const plan: [string, number][] = [
    ['parse', 120], ['frame', 64], ['parse', 300], ['cache', 500], ['frame', 200], ['parse', 80],
    ['frame', 96], ['cache', 260], ['parse', 640], ['frame', 48],
  ];
  plan.forEach(([tag, size], i) => arenas.allocate(i + 1, size, arenas.arenaForTag(tag) ?? -1, tag));
  for (const dead of [1, 3, 5]) arenas.free(dead);
  return { arenas: arenas.arenaViews(), regions: arenas.walk() };
}
