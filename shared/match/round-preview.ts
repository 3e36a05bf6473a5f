// What a round looks like before anyone plays it ([MATCH-SET-4], [MATCH-SET-5]): its
// outline (kind, number of requests, how long it should take) for the round picker,
// and the editor's preview (the stream's sizes over time, every built-in policy's score
// on it). A fixed stream is the same for everyone; an adversary's stream is the one it
// plays against the round's fallback policy. Pure: the host's editor runs it in the
// browser on the same settings the server checks.

import { succeed, type Outcome } from '../core/outcome.ts';
import { playOut, policyChooser } from './engine.ts';
import { buildEngine } from './build.ts';
import { createPolicy, policyLabel, type RegisteredKind } from './kinds.ts';
import { policyResults } from './results.ts';
import type { RoundConfig } from './round-config.ts';
import { checkRoundSettings, type CheckedRound } from './round-settings.ts';

/** How long a student takes over one request when nothing hurries them (a guess for the estimate). */
export const ESTIMATED_MS_PER_REQUEST = 4000;

export interface RoundLength {
  /** The most the round can last: the whole-round time, or every request's time; null without a clock. */
  readonly limitMs: number | null;
  /** What a class should expect: requests × ESTIMATED_MS_PER_REQUEST (each at most its clock), at most the limit. */
  readonly estimateMs: number;
}

/** [MATCH-SET-4] What the round picker lists for a round. */
export interface RoundOutline {
  readonly kind: RegisteredKind;
  /** Requests a player places (allocs and reallocs). */
  readonly requests: number;
  /** Stream events, frees included. */
  readonly events: number;
  /** The most bytes live at once: no heap can be smaller. */
  readonly peakLive: number;
  readonly length: RoundLength;
}

/** One request of the stream: its number (from 1), its size and the bytes live once it is placed. */
export interface PreviewPoint {
  readonly request: number;
  readonly size: number;
  readonly liveBytes: number;
}

export interface PolicyPreview {
  readonly name: string;
  readonly label: string;
  readonly score: number;
  readonly utilization: number;
  readonly failures: number;
  readonly peakHeap: number;
}

/** [MATCH-SET-5] The editor's preview of a round. */
export interface RoundPreview extends RoundOutline {
  readonly title: string;
  readonly description: string;
  readonly sizes: readonly PreviewPoint[];
  /** Every built-in policy of the kind, in the registry's order. */
  readonly policies: readonly PolicyPreview[];
  /** The best policy's name (ties: the first listed). */
  readonly best: string;
}

/** The round's length from its request count and clocks. */
export function roundLength(config: RoundConfig, requests: number, roundTimeMs: number | null): RoundLength {
  const perRequest = config.timePerRequestMs;
  const limitMs = roundTimeMs ?? (perRequest === null ? null : perRequest * requests);
  const estimate = requests * Math.min(ESTIMATED_MS_PER_REQUEST, perRequest ?? Infinity);
  return { limitMs, estimateMs: limitMs === null ? estimate : Math.min(estimate, limitMs) };
}

/** The stream as the round's fallback policy meets it, played to the end. */
function fallbackRun(config: RoundConfig): Outcome<{ outline: Omit<RoundOutline, 'length'>; sizes: PreviewPoint[] }, string> {
  const built = buildEngine(config, { timeline: true });
  if (!built.ok) return built;
  const policy = createPolicy(config.kind, config.fallback);
  if (!policy.ok) return policy;
  const { engine } = built.value;
  playOut(engine, policyChooser(engine, policy.value), config.fallback);
  const timeline = engine.timeline ?? [];
  const sizes: PreviewPoint[] = [];
  engine.events.forEach((event, i) => {
    if (event.op === 'free') return;
    sizes.push({ request: sizes.length + 1, size: event.size, liveBytes: timeline[i]?.liveBytes ?? 0 });
  });
  const summary = engine.summary();
  return succeed({ outline: { kind: config.kind, requests: sizes.length, events: engine.events.length, peakLive: summary.peakLive }, sizes });
}

/** [MATCH-SET-4] A checked round's outline (kind, requests, length), as the round picker lists it. */
export function outlineRound(config: RoundConfig, roundTimeMs: number | null): Outcome<RoundOutline, string> {
  const run = fallbackRun(config);
  if (!run.ok) return run;
  const { outline } = run.value;
  return succeed({ ...outline, length: roundLength(config, outline.requests, roundTimeMs) });
}

/** [MATCH-SET-5] The preview of a checked round. */
export function previewChecked(round: CheckedRound): Outcome<RoundPreview, string> {
  const run = fallbackRun(round.config);
  if (!run.ok) return run;
  const played = policyResults(round.config);
  if (!played.ok) return played;
  const policies = played.value.map((r) => ({
    name: r.name, label: policyLabel(r.name), score: r.card.score, utilization: r.summary.utilization, failures: r.totals.failures, peakHeap: r.summary.peakHeap,
  }));
  const best = policies.reduce((top, p) => (p.score > top.score ? p : top));
  const { outline, sizes } = run.value;
  return succeed({
    ...outline,
    length: roundLength(round.config, outline.requests, round.roundTimeMs),
    title: round.title,
    description: round.description,
    sizes,
    policies,
    best: best.name,
  });
}

/**
 * [MATCH-SET-5] The editor's preview of a host's round settings (untrusted JSON): refused as
 * checkRoundSettings refuses it, else the stream's sizes over time and every built-in policy's score.
 */
export function previewRound(settings: unknown): Outcome<RoundPreview, string> {
  const checked = checkRoundSettings(settings);
  return checked.ok ? previewChecked(checked.value) : checked;
}
