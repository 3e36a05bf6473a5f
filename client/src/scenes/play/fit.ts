// The play screen's text size for its views (the request card, the queue, the meters, the
// heap line, the buddy tree, the slab and arena boards):
// the player's (a11y/comfort.ts, through palette.baseFontSize), or where the screen is
// too short for everything at that size, the largest smaller one down to 100 % at which
// the layout fits (the heap keeps its least height, the buttons stay clear of the words).

import type { PlayLayout } from './layout.ts';

/** Tries text sizes from `full` down to `least` px and returns the first layout that fits (else the one at `least`) with its size. */
export function fitPlayLayout(full: number, least: number, trial: (font: number) => PlayLayout): { readonly at: PlayLayout; readonly font: number } {
  for (let font = full; ; font--) {
    const at = trial(font);
    if (at.fits || font <= least) return { at, font };
  }
}
