// A student's progress through the curriculum, kept in this browser: the best stars
// earned per level. Nothing here decides what a level is worth; the results do.

const KEY = 'mallocade:progress';

export type Progress = Record<string, number>;

export function loadProgress(): Progress {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const out: Progress = {};
    for (const [level, stars] of Object.entries(parsed)) if (typeof stars === 'number' && stars >= 0 && stars <= 3) out[level] = Math.floor(stars);
    return out;
  } catch {
    return {};
  }
}

/** Keeps the best stars ever earned on a level. */
export function recordStars(level: string, stars: number): void {
  const progress = loadProgress();
  if ((progress[level] ?? 0) >= stars && level in progress) return;
  progress[level] = Math.max(stars, progress[level] ?? 0);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(progress));
  } catch {
    // storage full or private mode: progress lasts for this page only
  }
}

/** The level map's counter: stars earned over the levels `ids`, out of three each. */
export function starTotals(progress: Progress, ids: readonly string[]): { earned: number; possible: number } {
  return { earned: ids.reduce((sum, id) => sum + (progress[id] ?? 0), 0), possible: 3 * ids.length };
}
