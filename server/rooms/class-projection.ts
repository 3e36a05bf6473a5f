// What the host puts on the projector (`host:project`): the leaderboard (the default),
// one student's heap (named or not), the class's best and worst heaps beside a built-in
// policy's on the same round, or the class figures. The projector joins as a host and
// follows the synced Projection. This module checks the choice against the class, picks
// the best and worst students by rank, and asks shared/match for the policy's heap
// ([MATCH-SPOT-1]) at the best student's point, again whenever the class views are published.

import { policyHeapAfter, referencePolicyFor } from '../../shared/match/reference-heap.ts';
import { requestsPlayed, type RoundConfig } from '../../shared/match/match.ts';
import type { ClientMessage, ProjectionShow, RefusalMessage } from '../protocol/messages.ts';
import type { Projection } from '../state/classroom-state.ts';
import { syncRegions } from '../state/match-state.ts';
import type { ClassSeats, Seated } from './class-seats.ts';

/** The projector's choice as the session's settings keep it (so a restarted server shows the same). */
export interface ProjectionChoice {
  readonly show: ProjectionShow;
  readonly playerId: string;
  readonly named: boolean;
}

export const DEFAULT_PROJECTION: ProjectionChoice = { show: 'board', playerId: '', named: false };

export interface ProjectionDeps {
  readonly projection: Projection;
  readonly seated: ClassSeats;
  /** The current (or last) round's config, or null before the first round. */
  readonly config: () => RoundConfig | null;
}

/** The ranked students with the best and the worst rank (ties: the first by nickname); null when nobody is ranked. */
export function bestAndWorst(students: readonly { readonly playerId: string; readonly nickname: string; readonly rank: number }[]): { best: string; worst: string } | null {
  const ranked = students.filter((s) => s.rank > 0).sort((a, b) => a.rank - b.rank || a.nickname.localeCompare(b.nickname) || a.playerId.localeCompare(b.playerId));
  const best = ranked[0];
  if (!best) return null;
  const worstRank = ranked[ranked.length - 1]?.rank ?? best.rank;
  const worst = ranked.find((s) => s.rank === worstRank) ?? best;
  return { best: best.playerId, worst: worst.playerId };
}

export class ClassProjection {
  private readonly deps: ProjectionDeps;
  /** What the policy's heap was last computed for ("config json|requests"), so an unchanged class costs nothing. */
  private referenceFor = '';

  constructor(deps: ProjectionDeps) {
    this.deps = deps;
  }

  /** The host's choice checked against the class: a student's heap needs a student of the class. */
  check(message: ClientMessage<'host:project'>): ProjectionChoice | RefusalMessage {
    const playerId = message.playerId ?? '';
    if (message.show === 'heap' && !this.deps.seated.get(playerId)) return { code: 'player/unknown', message: 'there is no such player in this class' };
    return { show: message.show, playerId: message.show === 'heap' ? playerId : '', named: message.show === 'heap' && (message.named ?? false) };
  }

  /** Shows `choice` (a kept student who has since left the class falls back to the board). */
  apply(choice: ProjectionChoice): void {
    const p = this.deps.projection;
    const gone = choice.show === 'heap' && !this.deps.seated.get(choice.playerId);
    const shown = gone ? DEFAULT_PROJECTION : choice;
    if (p.show !== shown.show) p.show = shown.show;
    if (p.playerId !== shown.playerId) p.playerId = shown.playerId;
    if (p.named !== shown.named) p.named = shown.named;
    this.refresh();
  }

  /** The students the projector shows now (every host's view holds them: host-pages.ts). */
  shownIds(): string[] {
    const p = this.deps.projection;
    if (p.show === 'heap') return [p.playerId];
    return p.show === 'compare' ? [p.bestId, p.worstId] : [];
  }

  /** Brings the comparison up to date (the best and worst move as the class plays). */
  refresh(): void {
    const p = this.deps.projection;
    if (p.show !== 'compare') return;
    const pair = bestAndWorst(this.deps.seated.all().map((s) => ({ playerId: s.record.playerId, nickname: s.record.nickname, rank: s.info.rank })));
    if (p.bestId !== (pair?.best ?? '')) p.bestId = pair?.best ?? '';
    if (p.worstId !== (pair?.worst ?? '')) p.worstId = pair?.worst ?? '';
    this.showReference(pair ? this.deps.seated.get(pair.best) : undefined);
  }

  /** The policy's heap after as many requests as `best` has met (all of the round's when nobody is ranked). */
  private showReference(best: Seated | undefined): void {
    const config = this.deps.config();
    const p = this.deps.projection;
    if (!config) {
      p.policy = '';
      syncRegions(p.regions, []);
      return;
    }
    const requests = best?.seat ? requestsPlayed(best.seat.match) : Number.MAX_SAFE_INTEGER;
    const key = `${JSON.stringify(config)}|${requests}`;
    if (key === this.referenceFor) return;
    this.referenceFor = key;
    const policy = referencePolicyFor(config.kind);
    const heap = policyHeapAfter(config, policy, requests);
    p.policy = policy;
    p.requests = heap.ok ? heap.value.requests : 0;
    syncRegions(p.regions, heap.ok ? heap.value.regions : []);
  }
}
