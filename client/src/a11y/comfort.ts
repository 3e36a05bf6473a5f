// The player's comfort settings, kept in this browser (issue 16): practice with no clock
// (shared/match MATCH-TIME-5: no deadline shown, nothing goes to the fallback), reduced
// motion (by default whatever the system asks: `prefers-reduced-motion`), and the text
// size every canvas view multiplies the screen's base size by (palette.baseFontSize) and
// the HTML over the canvas its font sizes (ui/html-text.ts, a CSS variable set from here).
// Sound is not here: its volume has its own store, audio/sound.ts, which the settings
// overlay (a11y/ComfortDialog.ts) steps.

import { prefersReducedMotion } from '../ui/motion.ts';
import { setHtmlTextSize } from '../ui/html-text.ts';

const KEY = 'mallocade:comfort';

/** The text sizes on offer, as a multiple of the screen's base size (100 % to 200 %). */
export const TEXT_SIZES = [1, 1.25, 1.5, 1.75, 2] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** Motion: as the system asks, or the player's own choice either way. */
export const MOTION_CHOICES = ['system', 'reduce', 'full'] as const;
export type MotionChoice = (typeof MOTION_CHOICES)[number];

export interface Comfort {
  /** Practice rounds are played with no clock. */
  readonly noClock: boolean;
  readonly motion: MotionChoice;
  readonly textSize: TextSize;
}

export const DEFAULT_COMFORT: Comfort = { noClock: false, motion: 'system', textSize: 1 };

const isTextSize = (value: unknown): value is TextSize => (TEXT_SIZES as readonly unknown[]).includes(value);
const isMotionChoice = (value: unknown): value is MotionChoice => (MOTION_CHOICES as readonly unknown[]).includes(value);

/**
 * The settings in `stored` (the storage's text, or null when nothing is kept). Each
 * setting that is missing or malformed is its default; text that is not JSON is all defaults.
 */
export function readComfort(stored: string | null): Comfort {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored ?? '{}');
  } catch {
    return DEFAULT_COMFORT;
  }
  if (typeof parsed !== 'object' || parsed === null) return DEFAULT_COMFORT;
  const { noClock, motion, textSize } = parsed as Record<string, unknown>;
  return {
    noClock: noClock === true,
    motion: isMotionChoice(motion) ? motion : DEFAULT_COMFORT.motion,
    textSize: isTextSize(textSize) ? textSize : DEFAULT_COMFORT.textSize,
  };
}

/** What this page last read or saved (the views ask for the text size on every draw). */
let current: Comfort | null = null;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function loadComfort(): Comfort {
  if (current) return current;
  current = readComfort(storage()?.getItem(KEY) ?? null);
  setHtmlTextSize(current.textSize);
  return current;
}

/** Keeps `change` (over the current settings) in the browser; returns the settings now. */
export function saveComfort(change: Partial<Comfort>): Comfort {
  current = { ...loadComfort(), ...change };
  setHtmlTextSize(current.textSize);
  try {
    storage()?.setItem(KEY, JSON.stringify(current));
  } catch {
    // storage full or private mode: the setting lasts for this page only
  }
  return current;
}

/** The text size now (1 outside a browser: the views' unit tests). */
export function currentTextSize(): TextSize {
  return typeof window === 'undefined' ? 1 : loadComfort().textSize;
}

/** Whether animations show their end state at once: the player's choice, else the system's. */
export function isMotionReduced(comfort: Comfort = loadComfort(), systemAsks: () => boolean = prefersReducedMotion): boolean {
  return comfort.motion === 'system' ? systemAsks() : comfort.motion === 'reduce';
}
