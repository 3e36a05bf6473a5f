// Ranking a class by score: standard competition ranking ("1224"): equal scores
// share a rank and the next rank skips. Order among equals: by name, so a board
// reads the same on every screen. A class board ranks only players who have played
// ([SC-8]), by their figure against the round's pace ([SC-7]).

export interface Ranked<T> {
  readonly entry: T;
  readonly rank: number;
}

export function rankByScore<T>(entries: readonly T[], scoreOf: (e: T) => number, nameOf: (e: T) => string): Ranked<T>[] {
  const sorted = [...entries].sort((a, b) => scoreOf(b) - scoreOf(a) || nameOf(a).localeCompare(nameOf(b)));
  const out: Ranked<T>[] = [];
  sorted.forEach((entry, i) => {
    const prev = out[i - 1];
    const rank = prev && scoreOf(prev.entry) === scoreOf(entry) ? prev.rank : i + 1;
    out.push({ entry, rank });
  });
  return out;
}

/**
 * [SC-8] A class board: the players who have dealt with at least one request, ranked by
 * `figureOf` (their score against the pace, [SC-7]) as rankByScore does. A player who has
 * not played yet has no rank and is left off: nobody is ranked for not having started.
 */
export function rankPlayed<T>(entries: readonly T[], figureOf: (e: T) => number, nameOf: (e: T) => string, playedOf: (e: T) => number): Ranked<T>[] {
  return rankByScore(entries.filter((e) => playedOf(e) > 0), figureOf, nameOf);
}
