// The built-in policies racing the player on the same fixed stream, step for step
// ([MATCH-RIVAL-1]): once the player has met n events of the stream, each policy of the
// kind has met the same n events — placing every request where it would, failing what
// fits nowhere — so its utilization so far can stand beside the player's on the play
// screen. A round against an adversary has no rivals: there each policy meets a stream
// of its own, and only the end-of-round results compare them.

import { invariant } from '../core/outcome.ts';
import { buildEngine } from './build.ts';
import { policyChooser, type Chooser, type RoundEngine } from './engine.ts';
import { policiesFor } from './kinds.ts';
import type { RoundConfig } from './round-config.ts';
import { isFixedSource } from './sources.ts';

export interface RivalFigure {
  readonly policy: string;
  /** Peak live / peak heap so far (1 before anything is placed), as the player's meter. */
  readonly utilization: number;
  readonly failures: number;
}

interface Racer {
  readonly policy: string;
  readonly engine: RoundEngine;
  readonly choose: Chooser;
}

export class Rivals {
  private readonly racers: readonly Racer[];

  private constructor(racers: readonly Racer[]) {
    this.racers = racers;
  }

  /** Every built-in policy of the round's kind, at the stream's start; null when the stream is not fixed in advance. */
  static of(config: RoundConfig): Rivals | null {
    if (!isFixedSource(config.source)) return null;
    const racers: Racer[] = [];
    for (const maker of policiesFor(config.kind)) {
      const built = buildEngine(config);
      if (!built.ok) return null;
      const engine = built.value.engine;
      racers.push({ policy: maker.name, engine, choose: policyChooser(engine, maker.create()) });
    }
    return new Rivals(racers);
  }

  /** Each policy's figures once it has met `events` events of the stream (never going back). */
  at(events: number): RivalFigure[] {
    return this.racers.map((racer) => {
      stepTo(racer, events);
      const summary = racer.engine.summary();
      return { policy: racer.policy, utilization: summary.utilization, failures: summary.failures };
    });
  }
}

/** Plays `racer` on until it has met `events` events; a request it meets last stays pending, as the player's does. */
function stepTo(racer: Racer, events: number): void {
  const engine = racer.engine;
  while (engine.events.length < events && !engine.finished) {
    const request = engine.pending;
    if (!request) {
      engine.advance();
      continue;
    }
    const target = racer.choose(engine.allocator, request);
    if (target === null) {
      engine.failPending();
      continue;
    }
    const placed = engine.place(target);
    invariant(placed.ok, `${racer.policy} chose ${target} for request ${request.requestId} and was refused`);
  }
}
