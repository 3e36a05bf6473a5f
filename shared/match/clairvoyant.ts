// The clairvoyant reference (DESIGN §2.2): it sees the whole stream in advance and
// places blocks to keep the peak heap as low as the engine knows how. It tries
// offline interval packings (packing.ts) in several orders, where the kind lays
// blocks out by address, and every built-in policy, each under the round's rules;
// the best score wins, so it is never worse than the best built-in policy on the
// stream. Against an adaptive adversary it plays the stream the player faced.

import type { AddressLayout, Target } from '../core/allocator.ts';
import { invariant, succeed, type Outcome } from '../core/outcome.ts';
import type { StreamEvent } from '../core/stream.ts';
import { playOut, policyChooser } from './engine.ts';
import { buildEngine } from './build.ts';
import { addressLayout, createAllocator, policiesFor } from './kinds.ts';
import type { RoundConfig } from './round-config.ts';
import { packIntervals, PACK_ORDERS, requestLives, type PackItem } from './packing.ts';
import { bestOf, resultOf, type ContenderResult, type RunOptions } from './contenders.ts';

/** Streams with more requests than this are not packed (the packer is quadratic); the policies still play. */
export const MAX_PACKED_REQUESTS = 4000;

/** A clairvoyant run: its result and the target it chose for each request that reached a decision (null: it failed). */
export interface ClairvoyantRun {
  readonly result: ContenderResult;
  readonly targets: readonly (Target | null)[];
}

/** [MATCH-CLAIR-1] The clairvoyant reference on `events` under the round's kind, options and fallback. */
export function playClairvoyant(config: RoundConfig, events: readonly StreamEvent[], options: RunOptions = {}): Outcome<ContenderResult, string> {
  const run = clairvoyantRun(config, events, options);
  return run.ok ? succeed(run.value.result) : run;
}

/** [MATCH-CLAIR-1] The clairvoyant's winning run with its placements, in request order (the replay's frames). */
export function clairvoyantRun(config: RoundConfig, events: readonly StreamEvent[], options: RunOptions = {}): Outcome<ClairvoyantRun, string> {
  const runs: ClairvoyantRun[] = [];
  for (const plan of packedPlans(config, events)) runs.push(playPlan(config, events, plan, options));
  for (const maker of policiesFor(config.kind)) {
    const built = buildEngine(config, { ...options, events });
    if (!built.ok) return built;
    const { engine } = built.value;
    const choose = policyChooser(engine, maker.create());
    const targets: (Target | null)[] = [];
    playOut(engine, (allocator, request) => {
      const target = choose(allocator, request);
      targets.push(target);
      return target;
    }, maker.name);
    runs.push({ result: resultOf(maker.name, 'clairvoyant', engine), targets });
  }
  const best = bestOf(runs.map((run) => run.result));
  const winner = runs.find((run) => run.result === best);
  invariant(winner, 'the best clairvoyant result is one of its runs');
  return succeed({ result: { ...best, name: 'clairvoyant', role: 'clairvoyant' }, targets: winner.targets });
}

/** One packing per order, for kinds that lay blocks out by address. */
function packedPlans(config: RoundConfig, events: readonly StreamEvent[]): Map<number, Target>[] {
  const allocator = createAllocator(config);
  const layout = allocator.ok ? addressLayout(allocator.value) : null;
  if (!layout) return [];
  const lives = requestLives(events);
  if (lives.length > MAX_PACKED_REQUESTS) return [];
  const items = packItems(lives, layout);
  return PACK_ORDERS.map((order) => packIntervals(items, layout.base, order));
}

function packItems(lives: ReturnType<typeof requestLives>, layout: AddressLayout): PackItem[] {
  const items: PackItem[] = [];
  for (const life of lives) {
    const span = layout.span(life.size);
    if (span) items.push({ requestId: life.requestId, birth: life.birth, death: life.death, ...span });
  }
  return items;
}

/** Plays a plan; a request the plan does not cover, or whose planned spot is refused, goes where the fallback says. */
function playPlan(config: RoundConfig, events: readonly StreamEvent[], plan: Map<number, Target>, options: RunOptions): ClairvoyantRun {
  const built = buildEngine(config, { ...options, events });
  invariant(built.ok, 'a round that built once builds again');
  const e = built.value.engine;
  const targets: (Target | null)[] = [];
  for (let request = e.advance(); request; request = e.advance()) {
    const planned = plan.get(request.requestId);
    const placed = planned !== undefined ? e.place(planned) : null;
    if (placed?.ok) {
      targets.push(planned ?? null);
      continue;
    }
    const target = e.judgeTarget();
    const fallback = target === null ? null : e.place(target);
    if (fallback?.ok) targets.push(target);
    else {
      e.failPending();
      targets.push(null);
    }
  }
  return { result: resultOf('clairvoyant', 'clairvoyant', e), targets };
}
