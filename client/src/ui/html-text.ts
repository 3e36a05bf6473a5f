// The HTML over the canvas (forms, dialogs, the roster's bar) at the player's text size
// (a11y/comfort.ts, 100-200 %): the size is one CSS variable on the document's root, which
// the comfort store sets whenever it reads or saves the settings, and the HTML writes its
// font sizes as multiples of it, so what is open follows a new size at once.

const TEXT_SIZE_VARIABLE = '--mallocade-text-size';

/** Puts the player's text size (1 = 100 %) on the document's root for the HTML's font sizes. */
export function setHtmlTextSize(size: number): void {
  if (typeof document !== 'undefined') document.documentElement.style.setProperty(TEXT_SIZE_VARIABLE, String(size));
}

/** A CSS length of `px` at 100 % text, at the player's text size. */
export function htmlPx(px: number): string {
  return `calc(${px}px * var(${TEXT_SIZE_VARIABLE}, 1))`;
}

/** The game's HTML font (the `font` shorthand) at `px` for 100 % text, at the player's text size. */
export function htmlFont(px: number): string {
  return `${htmlPx(px)} system-ui, sans-serif`;
}
