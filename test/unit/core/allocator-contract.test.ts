// The contract every allocator kind meets (shared/core/SPEC.md, CORE-ALLOC-*), run
// against every kind the registry (shared/match/kinds.ts) knows: seeded op streams of
// policy moves, arbitrary moves (most refused), frees, and the kind's tidy moves
// (coalesce, release) through the registry, with after every operation:
//   - a refused move changes nothing: the walk, the gauge and the kind's view are as
//     before, and a twin allocator that only ever saw the accepted moves looks the same;
//   - check() holds;
//   - the gauge agrees with the walk, and the walk shows exactly the live blocks;
// and at the end, an emptied and tidied allocator holds nothing.
// A new kind gets the suite by registering: CONTRACT_SETUPS is keyed by the registry's
// kinds, so the typecheck asks for the new kind's setups, and the suite loops over
// registeredKinds(). The seed is in each test's name; failing seeds stay in SEEDS.
import { describe, expect, it } from 'vitest';
import type { Allocator, RegionView } from '../../../shared/core/allocator.ts';
import { createPrng, nextInt, type PrngState } from '../../../shared/core/prng.ts';
import { CSAPP_CONFIG, LECTURE_CONFIG } from '../../../shared/freelist/presets.ts';
import { kindViewOf } from '../../../shared/match/kind-view.ts';
import {
  coalesce, createAllocator, policiesFor, registeredKinds, release, type AllocatorSetup, type RegisteredKind,
} from '../../../shared/match/kinds.ts';

interface ContractSetup<K extends RegisteredKind> {
  readonly name: string;
  readonly setup: AllocatorSetup & { readonly kind: K };
  /** Requests are 1..maxSize bytes. */
  readonly maxSize: number;
  /** Tags requests carry (undefined: untagged). */
  readonly tags: readonly (string | undefined)[];
}

/** Small spaces, so that streams fill them, fail, and free again. */
const CONTRACT_SETUPS: { readonly [K in RegisteredKind]: readonly [ContractSetup<K>, ...ContractSetup<K>[]] } = {
  freelist: [
    { name: 'lecture heap of 512', setup: { kind: 'freelist', options: { ...LECTURE_CONFIG, limit: 512 } }, maxSize: 120, tags: [undefined] },
    { name: 'lecture heap, deferred coalescing', setup: { kind: 'freelist', options: { ...LECTURE_CONFIG, limit: 512, coalesce: 'deferred' } }, maxSize: 120, tags: [undefined] },
    {
      name: 'csapp heap with mmap',
      setup: { kind: 'freelist', options: { ...CSAPP_CONFIG, limit: 16 * 1024, mmapThreshold: 600, pageSize: 256 } },
      maxSize: 900,
      tags: [undefined],
    },
  ],
  buddy: [
    { name: 'buddy space of 1024', setup: { kind: 'buddy', options: { maxOrder: 10, minOrder: 2 } }, maxSize: 300, tags: [undefined] },
    { name: 'buddy space of 8-byte units', setup: { kind: 'buddy', options: { maxOrder: 7, minOrder: 1, unit: 8 } }, maxSize: 400, tags: [undefined] },
  ],
  slab: [
    { name: 'slab with kernel caches', setup: { kind: 'slab', options: { pageLimit: 24 } }, maxSize: 700, tags: [undefined, 'filp', 'dentry', 'task_struct'] },
    { name: 'slab of 1 KiB pages, quarter classes', setup: { kind: 'slab', options: { pageSize: 1024, pageLimit: 12, classes: 'quarter' } }, maxSize: 1500, tags: [undefined] },
  ],
  arena: [
    { name: 'arenas of 256-byte chunks', setup: { kind: 'arena', options: { chunkSize: 256, align: 8, limit: 4096 } }, maxSize: 300, tags: [undefined, 'parse', 'render'] },
  ],
};

/** Each kind's own rules that the contract checks for it (a refused move changes nothing; its gauge). */
const KIND_RULES: { readonly [K in RegisteredKind]: string } = {
  freelist: '[FL-REQ-4] [FL-METRIC-1]',
  buddy: '[BU-MOVE-5] [BU-METRIC-1]',
  slab: '[SL-MOVE-5] [SL-METRIC-1]',
  arena: '[AR-MOVE-4] [AR-METRIC-1]',
};

const SEEDS = [1, 2, 20261204];
const STEPS = 500;

/** The request ids so far: live, freed (a second free is refused), and the next fresh one. */
interface Ids {
  readonly live: Set<number>;
  readonly freed: number[];
  next: number;
}

type Op =
  | { readonly op: 'alloc'; readonly id: number; readonly size: number; readonly target: number; readonly tag: string | undefined }
  | { readonly op: 'free'; readonly id: number }
  | { readonly op: 'coalesce'; readonly target: number | null }
  | { readonly op: 'release'; readonly target: number };

const pick = <T,>(prng: PrngState, items: readonly T[]): T => items[nextInt(prng, 0, items.length - 1)]!;
const chance = (prng: PrngState, percent: number): boolean => nextInt(prng, 1, 100) <= percent;

function made(setup: AllocatorSetup): Allocator {
  const allocator = createAllocator(setup);
  if (!allocator.ok) throw new Error(`${setup.kind}: ${allocator.message}`);
  return allocator.value;
}

/** Everything a refused move must leave as it was. */
function snapshot(allocator: Allocator): string {
  return JSON.stringify({ walk: allocator.walk(), gauge: allocator.gauge(), view: kindViewOf(allocator) });
}

function apply(kind: RegisteredKind, allocator: Allocator, op: Op): boolean {
  switch (op.op) {
    case 'alloc': return allocator.allocate(op.id, op.size, op.target, op.tag).ok;
    case 'free': return allocator.free(op.id).ok;
    case 'coalesce': return coalesce(kind, allocator, op.target).ok;
    case 'release': return release(kind, allocator, op.target).ok;
  }
}

/** The ids the walk's areas name ('slab:3', 'arena:0'): what release and the slab/arena moves target. */
function areaIds(regions: readonly RegionView[]): number[] {
  const ids = regions.map((r) => /:(\d+)$/.exec(r.area ?? '')?.[1]).filter((id) => id !== undefined).map(Number);
  return [...new Set(ids)];
}

/** A move chosen by the seed: mostly legal (a policy's choice, a live block's free), often not. */
function nextOp(prng: PrngState, kind: RegisteredKind, contract: ContractSetup<RegisteredKind>, allocator: Allocator, ids: Ids): Op {
  const live = [...ids.live];
  const roll = nextInt(prng, 1, 100);
  const regions = allocator.walk();
  const somewhere = (): number => {
    if (regions.length > 0 && chance(prng, 50)) return pick(prng, [...regions.map((r) => r.start), ...areaIds(regions)]);
    return nextInt(prng, -2, 2 * contract.maxSize);
  };
  if (roll <= 50) {
    const tag = pick(prng, contract.tags);
    const size = chance(prng, 3) ? pick(prng, [0, -8, 2.5]) : nextInt(prng, 1, contract.maxSize);
    const id = live.length > 0 && chance(prng, 3) ? pick(prng, live) : ids.next;
    const chosen = chance(prng, 70) && size > 0 ? pick(prng, policiesFor(kind)).create().choose(allocator, size, tag) : null;
    return { op: 'alloc', id, size, target: chosen ?? somewhere(), tag };
  }
  if (roll <= 85) {
    if (live.length > 0 && chance(prng, 85)) return { op: 'free', id: pick(prng, live) };
    return { op: 'free', id: ids.freed.length > 0 && chance(prng, 50) ? pick(prng, ids.freed) : ids.next + nextInt(prng, 0, 3) };
  }
  if (roll <= 93) return { op: 'coalesce', target: chance(prng, 50) ? null : somewhere() };
  return { op: 'release', target: somewhere() };
}

/** What the gauge says that the walk does not, in words; empty when they agree. */
function gaugeDisagreements(allocator: Allocator, live: ReadonlySet<number>): string[] {
  const gauge = allocator.gauge();
  const regions = allocator.walk();
  const liveRegions = regions.filter((r) => r.state === 'live');
  const freeSizes = regions.filter((r) => r.state === 'free').map((r) => r.size);
  const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0);
  const problems: string[] = [];
  const agree = (what: string, gauged: number, walked: number): void => {
    if (gauged !== walked) problems.push(`${what}: the gauge says ${gauged}, the walk ${walked}`);
  };
  agree('live bytes', gauge.liveBytes, sum(liveRegions.map((r) => r.requested ?? Number.NaN)));
  agree('internal bytes', gauge.internalBytes, sum(liveRegions.map((r) => r.size - (r.requested ?? Number.NaN))));
  agree('free bytes', gauge.freeBytes, sum(freeSizes));
  agree('largest free', gauge.largestFree, Math.max(0, ...freeSizes));
  if (sum(liveRegions.map((r) => r.size)) > gauge.heapBytes) problems.push(`live blocks take more than the ${gauge.heapBytes} heap bytes`);
  const walkedIds = liveRegions.map((r) => r.id).sort((a, b) => (a ?? -1) - (b ?? -1));
  const liveIds = [...live].sort((a, b) => a - b);
  if (JSON.stringify(walkedIds) !== JSON.stringify(liveIds)) problems.push(`the walk's live ids ${JSON.stringify(walkedIds)} are not the live requests ${JSON.stringify(liveIds)}`);
  for (const id of liveIds) if (!allocator.isLive(id)) problems.push(`request ${id} is live but isLive says no`);
  problems.push(...overlaps(regions));
  return problems;
}

/** Regions of one area that are out of address order or overlap. */
function overlaps(regions: readonly RegionView[]): string[] {
  const endOfArea = new Map<string, number>();
  const problems: string[] = [];
  for (const r of regions) {
    const area = r.area ?? '';
    const end = endOfArea.get(area) ?? -Infinity;
    if (r.start < end) problems.push(`in area '${area}' the region at ${r.start} starts before the one before it ends (${end})`);
    endOfArea.set(area, r.start + r.size);
  }
  return problems;
}

/** Frees what is live, then the kind's tidy moves: coalesce everywhere, give back every empty slab. */
function emptyAndTidy(kind: RegisteredKind, allocator: Allocator, live: Set<number>): void {
  for (const id of live) expect(allocator.free(id).ok, `free ${id}`).toBe(true);
  live.clear();
  coalesce(kind, allocator, null);
  for (const id of areaIds(allocator.walk())) release(kind, allocator, id);
  allocator.check();
}

function describeOp(op: Op): string {
  return JSON.stringify(op);
}

describe('the allocator contract, for every registered kind', () => {
  it('every registered kind has contract setups', () => {
    for (const kind of registeredKinds()) expect(CONTRACT_SETUPS[kind]?.length ?? 0, kind).toBeGreaterThan(0);
  });

  for (const kind of registeredKinds()) {
    const setups: readonly ContractSetup<RegisteredKind>[] = CONTRACT_SETUPS[kind];
    describe(kind, () => {
      for (const contract of setups) {
        for (const seed of SEEDS) {
          it(`[CORE-ALLOC-1] [CORE-ALLOC-2] [CORE-ALLOC-3] [CORE-ALLOC-4] ${KIND_RULES[kind]} ${contract.name}, seed ${seed}`, () => {
            const prng = createPrng(seed);
            const allocator = made(contract.setup);
            const twin = made(contract.setup);
            const ids: Ids = { live: new Set(), freed: [], next: 0 };
            const live = ids.live;
            const counts = { accepted: 0, refused: 0 };
            let before = snapshot(allocator);
            for (let step = 0; step < STEPS; step++) {
              const op = nextOp(prng, kind, contract, allocator, ids);
              const where = `seed ${seed}, step ${step}: ${describeOp(op)}`;
              const accepted = apply(kind, allocator, op);
              expect(() => allocator.check(), where).not.toThrow();
              const after = snapshot(allocator);
              if (accepted) {
                counts.accepted++;
                expect(apply(kind, twin, op), `the twin accepts what the allocator accepted (${where})`).toBe(true);
                if (op.op === 'alloc') live.add(op.id);
                if (op.op === 'free' && live.delete(op.id)) ids.freed.push(op.id);
                if (op.op === 'alloc' && op.id === ids.next) ids.next++;
              } else {
                counts.refused++;
                expect(after, `a refused move changed the allocator (${where})`).toBe(before);
              }
              expect(after, `the allocator differs from its twin that never saw the refused moves (${where})`).toBe(snapshot(twin));
              before = after;
              expect(gaugeDisagreements(allocator, live), where).toEqual([]);
            }
            expect(counts.accepted, 'the stream makes moves').toBeGreaterThan(STEPS / 10);
            expect(counts.refused, 'the stream tries refused moves').toBeGreaterThan(STEPS / 20);

            emptyAndTidy(kind, allocator, live);
            const gauge = allocator.gauge();
            expect(allocator.walk().filter((r) => r.state === 'live'), 'no live region once emptied').toEqual([]);
            expect({ liveBytes: gauge.liveBytes, internalBytes: gauge.internalBytes }).toEqual({ liveBytes: 0, internalBytes: 0 });
            expect(gauge.largestFree, 'the free space of an emptied, tidied allocator is in one piece').toBe(gauge.freeBytes);
          });
        }
      }
    });
  }
});
