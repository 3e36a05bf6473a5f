// Reading what a room synced into the engine's shapes: the one region decoder (a
// RegionState of server/state/match-state.ts -> the engine's RegionView), and the
// compact strings a player's MatchState carries, decoded with shared/'s own codecs
// (the happenings, shared/match/happening-wire.ts; the kind view, kind-view-wire.ts).
// Typed structurally, so it runs on plain objects in unit tests too.

import type { RegionView } from '../../../shared/core/allocator.ts';
import { decodeHappenings } from '../../../shared/match/happening-wire.ts';
import type { Happening } from '../../../shared/match/happenings.ts';
import { decodeKindView } from '../../../shared/match/kind-view-wire.ts';
import type { KindView } from '../../../shared/match/kind-view.ts';

/** A synced region as the schema holds it: every field present, -1 and '' for "none". */
export interface RegionLike {
  readonly start: number;
  readonly size: number;
  readonly state: string;
  readonly id: number;
  readonly requested: number;
  readonly tag: string;
  readonly area: string;
}

function isRegionState(state: string): state is RegionView['state'] {
  return state === 'live' || state === 'free' || state === 'unused';
}

/** One synced region as the engine's RegionView: an id and requested bytes only on a live block, a tag and area only when set. */
export function decodeRegion(r: RegionLike): RegionView {
  const state = isRegionState(r.state) ? r.state : 'unused';
  return {
    start: r.start,
    size: r.size,
    state,
    ...(state === 'live' ? { id: r.id, requested: r.requested } : {}),
    ...(r.tag ? { tag: r.tag } : {}),
    ...(r.area ? { area: r.area } : {}),
  };
}

/** The synced regions, in their order. */
export function decodeRegions(regions: Iterable<RegionLike>): RegionView[] {
  return Array.from(regions, decodeRegion);
}

/** What the player's last change did, in order (a synced MatchState's `happenings`); none before the first patch. */
export function syncedHappenings(m: { readonly happenings?: string }): Happening[] {
  return decodeHappenings(m.happenings ?? '');
}

/** What the kind's screen draws beyond the regions (a synced MatchState's `kindView`); null for a kind without one, or none yet. */
export function syncedKindView(m: { readonly kindView?: string }): KindView | null {
  return decodeKindView(m.kindView ?? '');
}
