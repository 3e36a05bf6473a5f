// Words for the screen the player has: on a touch screen without a mouse (a phone, a
// tablet) the game speaks of taps, not keys — help lines say "tap", and buttons drop
// their key hints (" (H)", " (Enter)"), which a thumb cannot press.

/** Whether the page is on a touch screen with no hovering pointer (a phone or tablet). */
export function isTouchOnly(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(hover: none) and (pointer: coarse)').matches;
}

/** A button's label without its key hint: "Hints: on (H)" -> "Hints: on", "Continue (Enter)" -> "Continue". */
export function withoutKeyHint(label: string): string {
  return label.replace(/\s+\((?:[A-Z0-9]|Enter|Esc|Space|[←→↑↓]+)\)$/, '');
}

/**
 * Words written for a keyboard and mouse (a level's explanation and tips, a caption),
 * said for a touch screen: key hints in brackets go ("(C)", "(or press Enter)"), a click
 * or a press is a tap.
 */
export function forTouch(text: string): string {
  return text
    .replace(/\s*\((?:or )?(?:press )?(?:[A-Z]|Enter|Esc|Space|← →[^)]*)\)/g, '')
    .replace(/\b(?:[Cc]lick|[Pp]ress)(s|ed|ing)?\b/g, (word, ending: string | undefined) => `${word[0] === word[0]!.toUpperCase() ? 'T' : 't'}ap${ending === 'ed' ? 'ped' : ending === 'ing' ? 'ping' : (ending ?? '')}`);
}

/** Words for the player's screen: `forTouch` on a touch screen, as written elsewhere. */
export function forScreen(text: string): string {
  return isTouchOnly() ? forTouch(text) : text;
}

/** The help lines the play screen shows, for keys and mouse or for touch. */
export interface PlayHelp {
  readonly line: string;
  readonly tree: string;
  board(kind: string): string;
  readonly explanationEnd: string;
  readonly gone: string;
}

/** "a slab", "an arena": the article a kind's name takes. */
function aOrAn(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

const KEYS_HELP: PlayHelp = {
  line: 'Drag the request onto the heap, click a hole, or use ← → and Enter.',
  tree: 'Click a free block in the tree or a hole on the line, drag the request onto the line, or use ← → and Enter.',
  board: (kind) => `Click ${aOrAn(kind)} (or "+ new ${kind}"), drag the request onto one, or choose with ← → and Enter (N: a new ${kind}).`,
  explanationEnd: 'Press Enter or E to start.',
  gone: 'The connection is gone; press ✕ and start again.',
};

const TOUCH_HELP: PlayHelp = {
  line: 'Tap a hole, or drag the request onto the heap; hold a finger on the heap to zoom in, pinch to zoom out.',
  tree: 'Tap a free block in the tree or a hole on the line, or drag the request onto the line.',
  board: (kind) => `Tap ${aOrAn(kind)} (or "+ new ${kind}"), or drag the request onto one.`,
  explanationEnd: 'Tap here to start.',
  gone: 'The connection is gone; tap ✕ and start again.',
};

/** The help for a touch screen (`touch`) or for keys and a mouse. */
export function playHelp(touch: boolean): PlayHelp {
  return touch ? TOUCH_HELP : KEYS_HELP;
}
