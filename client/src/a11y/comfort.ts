// The player's comfort settings, kept in this browser (issue 16): for now, practice with
// no clock (shared/match MATCH-TIME-5: no deadline shown, nothing goes to the fallback).

const KEY = 'mallocade:comfort';

export interface Comfort {
  /** Practice rounds are played with no clock. */
  readonly noClock: boolean;
}

export function loadComfort(): Comfort {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
    return { noClock: typeof parsed === 'object' && parsed !== null && (parsed as { noClock?: unknown }).noClock === true };
  } catch {
    return { noClock: false };
  }
}

export function saveComfort(comfort: Comfort): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(comfort));
  } catch {
    // storage full or private mode: the setting lasts for this page only
  }
}
