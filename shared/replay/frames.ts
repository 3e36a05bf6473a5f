// Replay frames for the results screen: the heap as it stood at each moment of a
// round — the player's, rebuilt from their move log, and any built-in policy's,
// played afresh on the same source and seed. A frame is keyed by how many stream
// events had run, so on a fixed stream the player's heap and a policy's line up
// at the same moment.

import type { RegionView } from '../core/allocator.ts';
import { invariant, succeed, type Outcome } from '../core/outcome.ts';
import { engineOf, replayMatch, type LoggedMove, type RoundConfig } from '../match/match.ts';
import { buildEngine } from '../match/build.ts';
import { createPolicy } from '../match/kinds.ts';

export interface Frame {
  /** Stream events run when the heap looked like this. */
  readonly at: number;
  readonly heap: readonly RegionView[];
}

/** The player's heap after the start and after each logged move. */
export function playerFrames(config: RoundConfig, startedAtMs: number, log: readonly LoggedMove[]): Outcome<Frame[], string> {
  const frames: Frame[] = [];
  const replayed = replayMatch(config, startedAtMs, log, (state) => {
    frames.push({ at: engineOf(state).events.length, heap: state.heap });
  });
  return replayed.ok ? succeed(frames) : replayed;
}

/** A built-in policy's heap before each of its decisions and at the end. */
export function policyFrames(config: RoundConfig, policyName: string): Outcome<Frame[], string> {
  const policy = createPolicy(config.kind, policyName);
  if (!policy.ok) return policy;
  const made = buildEngine(config);
  if (!made.ok) return made;
  const engine = made.value.engine;
  engine.follow(policy.value);
  const frames: Frame[] = [];
  const snap = (): void => {
    frames.push({ at: engine.events.length, heap: engine.allocator.walk() });
  };
  for (let request = engine.advance(); request; request = engine.advance()) {
    snap();
    const target = policy.value.choose(engine.allocator, request.size, request.tag);
    if (target === null) engine.failPending();
    else invariant(engine.place(target).ok, `${policyName} chose a target it could not place`);
  }
  snap();
  return succeed(frames);
}

/** The frame showing the heap at moment `at`: the last one at or before it. */
export function frameAt(frames: readonly Frame[], at: number): Frame | null {
  let found: Frame | null = null;
  for (const frame of frames) {
    if (frame.at > at) break;
    found = frame;
  }
  return found ?? frames[0] ?? null;
}
