// A built-in policy's heap on a round, played by the policy alone up to a given
// request ([MATCH-SPOT-1]): what the projector shows beside the class's best and worst
// heaps, "first fit's heap on the same stream", for discussion. Pure: a fresh engine
// each call, the same answer every time.

import type { RegionView } from '../core/allocator.ts';
import { invariant, succeed, type Outcome } from '../core/outcome.ts';
import { buildEngine } from './build.ts';
import { policyChooser } from './engine.ts';
import { createPolicy, defaultPolicyFor, policiesFor, type RegisteredKind } from './kinds.ts';
import type { RoundConfig } from './round-config.ts';

/** The policy a class compares itself with: first fit (address-ordered) where the kind has it, else the kind's default. */
export function referencePolicyFor(kind: RegisteredKind): string {
  return policiesFor(kind).some((p) => p.name === 'first-fit-address') ? 'first-fit-address' : defaultPolicyFor(kind);
}

export interface ReferenceHeap {
  readonly policy: string;
  /** Requests the policy has met (placed or failed). */
  readonly requests: number;
  readonly failures: number;
  /** Its heap then, as the engine's walker gives it. */
  readonly regions: readonly RegionView[];
}

/**
 * [MATCH-SPOT-1] `policy` plays the round by itself until it has met `requests` requests
 * (placing each where it would, failing what fits nowhere) or the stream ends; the frees
 * that come before the next request have run, as on a player's heap at that moment.
 */
export function policyHeapAfter(config: RoundConfig, policy: string, requests: number): Outcome<ReferenceHeap, string> {
  const made = createPolicy(config.kind, policy);
  if (!made.ok) return made;
  const built = buildEngine(config);
  if (!built.ok) return built;
  const engine = built.value.engine;
  const choose = policyChooser(engine, made.value);
  // Requests met: every one issued but the pending one (a request that fits nowhere fails by itself).
  const met = (): number => engine.totals.requests - (engine.pending ? 1 : 0);
  for (let request = engine.advance(); request && met() < requests; request = engine.advance()) {
    const target = choose(engine.allocator, request);
    if (target === null) {
      engine.failPending();
      continue;
    }
    const placed = engine.place(target);
    invariant(placed.ok, `${policy} chose ${target} for request ${request.requestId} and was refused`);
  }
  return succeed({ policy, requests: met(), failures: engine.totals.failures, regions: engine.allocator.walk() });
}
