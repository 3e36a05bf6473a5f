// The podium reveal as a screen draws it (`host:podium`, shared/score SC-10), read from the
// synced `podium`: the countdown's number, then every row on the podium with the places not
// yet shown hidden (the lowest place comes up first). Under prefers-reduced-motion the whole
// podium shows at once, without the countdown. Pure: the state and the setting in, plain data out.

import { podiumPlaces } from '../../../../shared/score/podium.ts';
import type { ClassStateLike } from './class-state.ts';
import type { PodiumPicture } from './views/PodiumView.ts';

/** "1 250 points · 3 rounds": a total across the session's rounds. */
export function totalCaption(total: number, rounds: number): string {
  return `${total} ${total === 1 ? 'point' : 'points'} · ${rounds} ${rounds === 1 ? 'round' : 'rounds'}`;
}

/** Whether the host has started a reveal that is still up. */
export function podiumOn(state: ClassStateLike | undefined): boolean {
  return (state?.podium?.stage ?? '') !== '';
}

/** The reveal as drawn now, null when none is up; `reducedMotion` shows it all at once. */
export function podiumPicture(state: ClassStateLike | undefined, reducedMotion: boolean): PodiumPicture | null {
  const podium = state?.podium;
  if (!podium || !podiumOn(state)) return null;
  const places = podiumPlaces([...podium.rows]);
  const shown = new Set(reducedMotion ? places.flat() : places.slice(0, podium.revealed).flat());
  const rows = [...places].reverse().flat().map((r) => ({ rank: r.rank, name: r.name, caption: totalCaption(r.total, r.rounds), hidden: !shown.has(r) }));
  return { count: reducedMotion ? 0 : podium.count, rows };
}

/** The names shown, place by place from the lowest (what the tests read). */
export function shownPlaces(picture: PodiumPicture | null): string[][] {
  if (!picture) return [];
  const ranks = [...new Set(picture.rows.filter((r) => !r.hidden).map((r) => r.rank))].sort((a, b) => b - a);
  return ranks.map((rank) => picture.rows.filter((r) => r.rank === rank && !r.hidden).map((r) => r.name));
}
