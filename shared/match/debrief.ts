// The debrief (SPEC [MATCH-DEBRIEF-1..2]): one or two sentences after a round that tie
// its outcome to what happened in it, computed from the run — the player's moves
// replayed step by step, beside the best policy and the clairvoyant reference. A step
// is the stream event a request arrived with, counted from 1 (what the replay shows).

import type { RegionView } from '../core/allocator.ts';
import type { FailureInfo } from '../core/metrics.ts';
import { succeed, type Outcome } from '../core/outcome.ts';
import type { ContenderResult } from './contenders.ts';
import { engineOf, replayMatch, type MatchState } from './match.ts';
import { measureStream } from '../streams/measure.ts';
import { policyLabel } from './kinds.ts';
import { playerWords, type PlayerWords } from '../score/player-words.ts';

/** Longer logs are not replayed for the step-by-step facts (a class's long round, a trace). */
export const MAX_DEBRIEF_MOVES = 500;

/** A free block the player's move left that is smaller than every request after it. */
export interface Sliver {
  readonly step: number;
  readonly size: number;
}

/** A placement that grew the heap past the stream's peak live bytes while as many bytes were free in it. */
export interface Growth {
  readonly step: number;
  readonly size: number;
  /** Free bytes in the heap at that moment. */
  readonly freeBytes: number;
  /** The largest free block at that moment. */
  readonly largestHole: number;
  /** The most free bytes in one run of neighbouring free blocks (more than the largest block when they are not coalesced). */
  readonly largestRun: number;
}

export interface DebriefFacts {
  /** The player's first failed request, with its step. */
  readonly failure: (FailureInfo & { readonly step: number }) | null;
  readonly slivers: readonly Sliver[];
  /** The first placement that grew the heap past the stream's peak live bytes though as many bytes were free. */
  readonly growth: Growth | null;
}

/** What the debrief compares the player with. */
export interface DebriefContext {
  readonly player: ContenderResult;
  readonly best: ContenderResult;
  readonly clairvoyant: ContenderResult;
  readonly clairvoyantBetter: boolean;
  /** [SC-11] Who played: the reader (absent), or a student the host watches, named. */
  readonly who?: PlayerWords;
}

/**
 * [MATCH-DEBRIEF-1] The facts of the player's run: its first failure, and on a free list
 * (where blocks lie on one address line) the slivers and the needless growth its
 * placements caused, from its log replayed move by move.
 */
export function debriefFacts(state: MatchState): Outcome<DebriefFacts, string> {
  const first = engineOf(state).tracker.summary().firstFailure;
  const failure = first ? { ...first, step: first.op + 1 } : null;
  if (state.config.kind !== 'freelist' || state.log.length > MAX_DEBRIEF_MOVES) return succeed({ failure, slivers: [], growth: null });
  const smallestAfter = smallestLaterRequests(state);
  const growable = state.config.kind === 'freelist' && state.config.options.growth !== 'fixed';
  const needed = measureStream(engineOf(state).events).peakLive;
  const slivers: Sliver[] = [];
  let growth: Growth | null = null;
  let before: Moment | null = null;
  const replayed = replayMatch(state.config, state.startedAtMs, state.log, (now) => {
    const moment = momentOf(now);
    if (before?.pending && before.version + 1 === now.version && isPlacement(now)) {
      slivers.push(...newSlivers(before, moment, smallestAfter[before.step] ?? 0, growable));
      growth ??= grewPastFreeSpace(before, moment, needed);
    }
    before = moment;
  });
  if (!replayed.ok) return replayed;
  return succeed({ failure, slivers, growth });
}

/** [MATCH-DEBRIEF-2] One or two sentences: what decided the player's run, then how it compares. */
export function writeDebrief(facts: DebriefFacts, context: DebriefContext, unit = 'B'): string {
  const size = (n: number): string => `${n} ${unit}`;
  return [outcomeSentence(facts, context.player, size, context.who ?? playerWords()), comparisonSentence(context, size)].join(' ');
}

/** The facts and the sentences together; an empty string when the log does not replay (a bug the tests catch). */
export function debriefRound(state: MatchState, context: DebriefContext): string {
  const facts = debriefFacts(state);
  return facts.ok ? writeDebrief(facts.value, context) : '';
}

/** Whether the state's last change placed a request (the player's move, or the fallback's at a timeout). */
function isPlacement(state: MatchState): boolean {
  const last = state.log.at(-1);
  return last?.type === 'place' || last?.type === 'expire';
}

interface Moment {
  readonly version: number;
  readonly step: number;
  readonly pending: { readonly size: number } | null;
  readonly heap: readonly RegionView[];
  readonly brk: number;
}

function momentOf(state: MatchState): Moment {
  const heap = state.heap.filter(inHeap);
  return {
    version: state.version,
    step: engineOf(state).events.length,
    pending: state.pending,
    heap,
    brk: Math.max(0, ...heap.map((r) => r.start + r.size)),
  };
}

/** Regions of the address line the player places into (not mmap'd blocks). */
function inHeap(region: RegionView): boolean {
  return region.area !== 'mmap';
}

/** For each step, the smallest request among the events after it (0 when none follows: no hole can hurt). */
function smallestLaterRequests(state: MatchState): number[] {
  const events = engineOf(state).events;
  const smallest: number[] = new Array<number>(events.length + 1).fill(0);
  let min = Infinity;
  for (let i = events.length - 1; i >= 0; i--) {
    smallest[i + 1] = Number.isFinite(min) ? min : 0;
    const e = events[i];
    if (e && e.op !== 'free' && e.size > 0) min = Math.min(min, e.size);
  }
  return smallest;
}

/**
 * Free blocks smaller than every later request that a placement left behind, at the
 * request's step. On a heap that grows, the free block at the break is no sliver: a
 * larger block can start there and grow the heap.
 */
function newSlivers(before: Moment, after: Moment, smallest: number, growable: boolean): Sliver[] {
  const old = new Set(before.heap.filter((r) => r.state === 'free').map((r) => `${r.start}:${r.size}`));
  return after.heap
    .filter((r) => r.state === 'free' && r.size < smallest && !(growable && r.start + r.size >= after.brk) && !old.has(`${r.start}:${r.size}`))
    .map((r) => ({ step: before.step, size: r.size }));
}

/**
 * A placement that moved the break past `needed` (no heap need be larger) though the free
 * bytes in the heap added up to the request: the growing heap's failed malloc.
 */
function grewPastFreeSpace(before: Moment, after: Moment, needed: number): Growth | null {
  const size = before.pending?.size ?? 0;
  if (after.brk <= before.brk || after.brk <= needed) return null;
  const holes = before.heap.filter((r) => r.state === 'free');
  const freeBytes = holes.reduce((sum, r) => sum + r.size, 0);
  if (freeBytes < size) return null;
  return { step: before.step, size, freeBytes, largestHole: Math.max(0, ...holes.map((r) => r.size)), largestRun: largestFreeRun(before.heap) };
}

/** The most bytes in one run of adjacent free blocks. */
function largestFreeRun(heap: readonly RegionView[]): number {
  let best = 0;
  let run = 0;
  let end = -1;
  for (const r of [...heap].sort((a, b) => a.start - b.start)) {
    if (r.state !== 'free') {
      run = 0;
      end = -1;
      continue;
    }
    run = r.start === end ? run + r.size : r.size;
    end = r.start + r.size;
    best = Math.max(best, run);
  }
  return best;
}

function outcomeSentence(facts: DebriefFacts, player: ContenderResult, bytes: (n: number) => string, who: PlayerWords): string {
  const { failure, slivers, growth } = facts;
  if (failure) {
    return `malloc(${failure.size}) failed at step ${failure.step}: ${bytes(failure.freeBytes)} were free, but no hole was larger than ${bytes(failure.largestFree)}.`;
  }
  if (growth) return growthSentence(growth, bytes);
  const { peakLive, peakHeap } = player.summary;
  if (slivers.length > 0 && peakHeap > peakLive) {
    const shown = slivers.slice(0, 3).map((s) => `${bytes(s.size)} at step ${s.step}`);
    const more = slivers.length > 3 ? ` and ${slivers.length - 3} more` : '';
    return `${who.Possessive} placements left ${count(slivers.length, 'sliver')} smaller than any request that followed (${shown.join(', ')}${more}).`;
  }
  if (peakHeap <= peakLive) return `${who.Possessive} heap never grew past the ${bytes(peakLive)} the program had live at its peak: nothing wasted.`;
  return `${who.Possessive} heap peaked at ${bytes(peakHeap)} for ${bytes(peakLive)} live at most (${Math.round(player.card.utilization * 100)}% used).`;
}

function growthSentence(g: Growth, bytes: (n: number) => string): string {
  const grew = `At step ${g.step} the ${bytes(g.size)} request grew the heap`;
  if (g.largestHole >= g.size) return `${grew} though a hole of ${bytes(g.largestHole)} was free.`;
  if (g.largestRun >= g.size) {
    return `${grew} while neighbouring holes held ${bytes(g.largestRun)} together: they were not coalesced, so no single hole was larger than ${bytes(g.largestHole)}.`;
  }
  return `${grew}: ${bytes(g.freeBytes)} were free, but no hole was larger than ${bytes(g.largestHole)}.`;
}

function comparisonSentence({ player, best, clairvoyant, clairvoyantBetter }: DebriefContext, bytes: (n: number) => string): string {
  const them = `${policyLabel(best.name)}, peaked at ${bytes(best.summary.peakHeap)}${failed(best)}`;
  const seer = clairvoyantBetter
    ? `; the clairvoyant, which saw the whole stream in advance, needed ${bytes(clairvoyant.summary.peakHeap)}${failed(clairvoyant)}`
    : '';
  if (player.card.score > best.card.score) return `That beats every built-in policy: the best, ${them}${seer}.`;
  if (player.card.score === best.card.score) return `That matches the best built-in policy, ${them}${seer}.`;
  return `The best built-in policy, ${them}${seer}.`;
}

function failed(result: ContenderResult): string {
  const n = result.totals.failures;
  return n > 0 ? ` and failed ${count(n, 'request')}` : '';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
