// The podium at the end of a session ([SC-10]): who stands on it (every student ranked 1 to 3
// by the totals across the session's rounds, those sharing a rank on one place) and the
// reveal the host starts: a countdown, then the places from the lowest to the first, one
// after another. Pure: the time since the host asked is an argument.

/** Seconds counted down before the first place is shown. */
export const PODIUM_COUNTDOWN = 3;
/** Each number of the countdown stays this long (ms). */
export const PODIUM_COUNT_MS = 1000;
/** After the countdown, the next place is shown this long after the one before (ms). */
export const PODIUM_PLACE_MS = 2000;

/**
 * [SC-10] Whether a round's result counts toward a student's total across the session: only
 * when they dealt with at least one request (an empty heap's utilization is 1, [SC-1], so a
 * student seated in a round who played nothing would score 1000 for it). A result stored
 * before requests were counted (`played` unknown) counts.
 */
export function countsTowardTotal(played: number | undefined): boolean {
  return played === undefined || played > 0;
}

/**
 * [SC-10] The podium's places, from the lowest to the first: the rows ranked 1 to 3, the
 * rows sharing a rank on one place together ("1, 1, 3": two places, the pair on the first).
 * `rows` are ranked by standard competition ranking ([SC-8]'s), in any order.
 */
export function podiumPlaces<R extends { readonly rank: number }>(rows: readonly R[]): R[][] {
  const byRank = new Map<number, R[]>();
  for (const row of rows) {
    if (row.rank < 1 || row.rank > 3) continue;
    byRank.set(row.rank, [...(byRank.get(row.rank) ?? []), row]);
  }
  return [...byRank.entries()].sort(([a], [b]) => b - a).map(([, place]) => place);
}

/** Where a podium reveal is: counting down (3, 2, 1), showing places one after another, or done (everything shown). */
export interface RevealStep {
  readonly stage: 'countdown' | 'reveal' | 'done';
  /** The countdown's number while counting down, else 0. */
  readonly count: number;
  /** How many places are shown, from the lowest ([SC-10]'s order). */
  readonly revealed: number;
}

/**
 * [SC-10] The reveal `elapsedMs` after the host asked for it, for a podium of `places`
 * places: PODIUM_COUNTDOWN numbers of PODIUM_COUNT_MS each, then the lowest place at once
 * and each next one PODIUM_PLACE_MS later; done when the first place is shown.
 */
export function revealAt(elapsedMs: number, places: number): RevealStep {
  const counting = PODIUM_COUNTDOWN * PODIUM_COUNT_MS;
  const elapsed = Math.max(0, elapsedMs);
  if (elapsed < counting && places > 0) return { stage: 'countdown', count: PODIUM_COUNTDOWN - Math.floor(elapsed / PODIUM_COUNT_MS), revealed: 0 };
  const revealed = Math.max(0, Math.min(places, Math.floor((elapsed - counting) / PODIUM_PLACE_MS) + 1));
  return { stage: revealed >= places ? 'done' : 'reveal', count: 0, revealed };
}
