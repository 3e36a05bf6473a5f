// Replay frames for the results screen: the heap as it stood at each moment of a
// round — the player's, rebuilt from their move log, any built-in policy's,
// played afresh on the same source and seed, and the clairvoyant reference's, its
// winning run replayed on the stream the player faced. A frame is keyed by how many stream
// events had run, so on a fixed stream the player's heap and a policy's line up
// at the same moment.

import type { RegionView } from '../core/allocator.ts';
import { invariant, succeed, type Outcome } from '../core/outcome.ts';
import { engineOf, replayMatch, type LoggedMove, type RoundConfig } from '../match/match.ts';
import { buildEngine } from '../match/build.ts';
import { createPolicy } from '../match/kinds.ts';
import { clairvoyantRun } from '../match/clairvoyant.ts';
import type { StreamEvent } from '../core/stream.ts';
import type { RoundEngine } from '../match/engine.ts';
import type { Target } from '../core/allocator.ts';

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

/**
 * [MATCH-CLAIR-3] The clairvoyant reference's heap before each of its decisions and at the
 * end, on `events` (the stream the player faced), lined up with the player's frames.
 */
export function clairvoyantFrames(config: RoundConfig, events: readonly StreamEvent[]): Outcome<Frame[], string> {
  const run = clairvoyantRun(config, events);
  if (!run.ok) return run;
  const made = buildEngine(config, { events });
  if (!made.ok) return made;
  const engine = made.value.engine;
  const targets = run.value.targets;
  const frames: Frame[] = [];
  let decision = 0;
  for (let request = engine.advance(); request; request = engine.advance()) {
    frames.push(frameOf(engine));
    const target: Target | null = targets[decision++] ?? null;
    if (target === null) engine.failPending();
    else invariant(engine.place(target).ok, `the clairvoyant's replayed choice ${target} was refused`);
  }
  frames.push(frameOf(engine));
  return succeed(frames);
}

function frameOf(engine: RoundEngine): Frame {
  return { at: engine.events.length, heap: engine.allocator.walk() };
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
