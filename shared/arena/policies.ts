// The arena kind's built-in players, the registry of them by name, and the runner that
// plays a whole stream with one of them (SPEC.md §Policies, §Runner).

import type { Policy, Target } from '../core/allocator.ts';
import type { Outcome } from '../core/outcome.ts';
import { playNamedPolicy } from '../core/play-stream.ts';
import type { NamedRun, NamedRunSetup } from '../core/play-stream.ts';
import type { StreamEvent } from '../core/stream.ts';
import { ArenaAllocator, arenaOptionsProblem } from './arena.ts';
import type { ArenaFigures, ArenaOptions } from './arena.ts';

export type ArenaPolicy = Policy<ArenaAllocator>;

/** [AR-POL-3] The arena `pick` names if the object fits there within the limit, else a new arena if that fits, else null. */
function arenaPolicy(name: string, pick: (arenas: ArenaAllocator, tag: string | undefined) => number | null): ArenaPolicy {
  return {
    name,
    choose(arenas, size, tag): Target | null {
      const picked = pick(arenas, tag);
      if (picked !== null && arenas.canPlace(picked, size)) return picked;
      return arenas.canPlace(-1, size) ? -1 : null;
    },
  };
}

/** [AR-POL-1] One arena per tag: objects of the same phase or call site die together. */
export const arenaPerTag = arenaPolicy('arena-per-tag', (arenas, tag) => arenas.arenaForTag(tag));
/** [AR-POL-2] A single arena for everything. */
export const arenaSingle = arenaPolicy('arena-single', (arenas) => arenas.newestArena());

export const ARENA_POLICIES: ReadonlyMap<string, ArenaPolicy> = new Map(
  [arenaPerTag, arenaSingle].map((policy) => [policy.name, policy]),
);

export interface ArenaRunFigures extends ArenaFigures {
  /** Alignment padding of live objects at its peak. */
  readonly peakInternalBytes: number;
}

export type ArenaRun = NamedRun<ArenaRunFigures>;

export interface ArenaRunOptions {
  readonly arena?: ArenaOptions;
  readonly timeline?: boolean;
}

/** [AR-RUN-1] Plays `events` with the named policy on fresh arenas; refuses an unknown name. */
export function runArena(events: Iterable<StreamEvent>, policyName: string, options: ArenaRunOptions = {}): Outcome<ArenaRun> {
  const setup: NamedRunSetup<ArenaAllocator, ArenaRunFigures> = {
    kind: 'arena',
    policies: ARENA_POLICIES,
    optionsProblem: () => arenaOptionsProblem(options.arena ?? {}),
    create: () => new ArenaAllocator(options.arena ?? {}),
    figures: (arenas, played) => ({ ...arenas.figures(), peakInternalBytes: played.peakInternalBytes }),
  };
  return playNamedPolicy(setup, policyName, events, { timeline: options.timeline ?? false });
}
