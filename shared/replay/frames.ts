// Replay frames for the results screen: the heap as it stood at each moment of a
// round — the player's, rebuilt from their move log, any built-in policy's,
// played afresh on the same source and seed, and the clairvoyant reference's, its
// winning run replayed on the stream the player faced. Frame N is the heap after the
// first N stream events ([MATCH-REPLAY-2]), labelled with what the Nth did, so one step
// of the slider is one event and, on a fixed stream, the player's heap and a policy's
// line up at the same moment (the results' plot counts operations the same way).

import type { RegionView } from '../core/allocator.ts';
import { invariant, succeed, type Outcome } from '../core/outcome.ts';
import { replayMatch, type LoggedMove, type RoundConfig } from '../match/match.ts';
import { buildEngine } from '../match/build.ts';
import { createAllocator, createPolicy } from '../match/kinds.ts';
import { clairvoyantRun } from '../match/clairvoyant.ts';
import type { StreamEvent } from '../core/stream.ts';
import { playOut, policyChooser, type RoundEngine } from '../match/engine.ts';
import { describeStep, type StepLabel } from './steps.ts';

export interface Frame {
  /** Stream events dealt with when the heap looked like this (0: before the first). */
  readonly at: number;
  readonly heap: readonly RegionView[];
  /** What the last of those events did on this heap; null before the first. */
  readonly step: StepLabel | null;
}

/** Collects one frame per stream event dealt with on an engine, after a first frame of the empty heap. */
class FrameRecorder {
  readonly frames: Frame[];

  constructor(empty: readonly RegionView[]) {
    this.frames = [{ at: 0, heap: empty, step: null }];
  }

  readonly record = (engine: RoundEngine): void => {
    const at = engine.tracker.ops;
    const event = engine.events[at - 1];
    invariant(event !== undefined, `step ${at} has no stream event`);
    const before = this.frames[this.frames.length - 1]!.heap;
    const heap = engine.allocator.walk();
    this.frames.push({ at, heap, step: describeStep(event, before, heap) });
  };
}

/** [MATCH-REPLAY-2] A recorder whose first frame is the round's heap before any event. */
function recorderFor(config: RoundConfig): Outcome<FrameRecorder, string> {
  const allocator = createAllocator(config);
  return allocator.ok ? succeed(new FrameRecorder(allocator.value.walk())) : allocator;
}

/** [MATCH-REPLAY-2] The player's heap before the first event and after each one, rebuilt from the move log. */
export function playerFrames(config: RoundConfig, startedAtMs: number, log: readonly LoggedMove[]): Outcome<Frame[], string> {
  const recorder = recorderFor(config);
  if (!recorder.ok) return recorder;
  const replayed = replayMatch(config, startedAtMs, log, undefined, { onStep: recorder.value.record });
  return replayed.ok ? succeed(recorder.value.frames) : replayed;
}

/** [MATCH-REPLAY-2] A built-in policy's heap before the first event and after each one, played afresh. */
export function policyFrames(config: RoundConfig, policyName: string): Outcome<Frame[], string> {
  const policy = createPolicy(config.kind, policyName);
  if (!policy.ok) return policy;
  const made = buildEngine(config);
  if (!made.ok) return made;
  const recorder = recorderFor(config);
  if (!recorder.ok) return recorder;
  const engine = made.value.engine;
  engine.onStep(recorder.value.record);
  playOut(engine, policyChooser(engine, policy.value), policyName);
  return succeed(recorder.value.frames);
}

/**
 * [MATCH-CLAIR-3] The clairvoyant reference's heap before the first event and after each one,
 * on `events` (the stream the player faced), lined up with the player's frames.
 */
export function clairvoyantFrames(config: RoundConfig, events: readonly StreamEvent[]): Outcome<Frame[], string> {
  const run = clairvoyantRun(config, events);
  if (!run.ok) return run;
  const made = buildEngine(config, { events });
  if (!made.ok) return made;
  const recorder = recorderFor(config);
  if (!recorder.ok) return recorder;
  const engine = made.value.engine;
  engine.onStep(recorder.value.record);
  const targets = run.value.targets;
  let decision = 0;
  playOut(engine, () => targets[decision++] ?? null, 'the clairvoyant');
  return succeed(recorder.value.frames);
}

/** The frame showing the heap after `at` events: the last one at or before it. */
export function frameAt(frames: readonly Frame[], at: number): Frame | null {
  let found: Frame | null = null;
  for (const frame of frames) {
    if (frame.at > at) break;
    found = frame;
  }
  return found ?? frames[0] ?? null;
}
