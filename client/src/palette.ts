// The colour-blind-safe palette (Okabe-Ito), the UI's neutral tones, the text sizes
// (the player's comfort text size, 100-200 %, multiplies them all) and the fill
// patterns that go with colours, in one place. Nothing the player must
// tell apart depends on colour alone: every colour comes with a pattern or a label.

import { currentTextSize } from './a11y/comfort.ts';

export const OKABE_ITO = [0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7] as const;

export const UI = {
  background: 0x14161c,
  panel: 0x1f232d,
  free: 0x2b303c,
  freeEdge: 0x4a5163,
  /** Heap past the break: room the heap may still grow into. */
  unused: 0x191c23,
  /** Lines and ticks of rulers and axes. */
  axis: 0x6b7387,
  /** The keyboard focus and hover outline (white reads on every palette colour). */
  focus: 0xffffff,
  /** The ghost of a placement the engine accepts (Okabe-Ito bluish green)... */
  legal: 0x009e73,
  /** ...and of one it refuses (Okabe-Ito orange). */
  illegal: 0xe69f00,
  text: '#e8eaf0',
  dim: '#9aa1b2',
  good: '#56b4e9',
  bad: '#e69f00',
  legalText: '#35c99a',
  dark: '#14161c',
  /** A primary button's fill and a level to play next: a deep Okabe-Ito blue that UI.text reads on at 5.7:1 (WCAG AA). */
  primaryFill: 0x005f96,
  /** A completed level's stop: a deep bluish green that UI.text reads on at 5.4:1. */
  doneFill: 0x006b50,
} as const;

/** Roles in comparisons: the player, a built-in policy, the clairvoyant reference. */
export const ROLE_COLOUR = { player: 0xe69f00, policy: 0x56b4e9, reference: 0xcc79a7 } as const;

/** Fill patterns drawn over a colour, so blocks of the same colour still differ. */
export type Pattern = 'plain' | 'dots' | 'vbars' | 'hbars';
const PATTERNS: readonly Pattern[] = ['plain', 'dots', 'vbars', 'hbars'];

export function blockColour(id: number): number {
  return OKABE_ITO[Math.abs(id) % OKABE_ITO.length] ?? OKABE_ITO[0];
}

/** Ids that share a colour (7 apart) get different patterns. */
export function blockPattern(id: number): Pattern {
  return PATTERNS[Math.floor(Math.abs(id) / OKABE_ITO.length) % PATTERNS.length] ?? 'plain';
}

/** A stable small number for a tag name (the same tag always looks the same). */
export function tagIndex(tag: string): number {
  let h = 0;
  for (let i = 0; i < tag.length; i++) h = (h * 31 + tag.charCodeAt(i)) >>> 0;
  return h % (OKABE_ITO.length * PATTERNS.length);
}

export function tagColour(tag: string): number {
  return blockColour(tagIndex(tag));
}

export function tagPattern(tag: string): Pattern {
  return blockPattern(tagIndex(tag));
}

function channelLuminance(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a 0xrrggbb colour. */
export function luminance(colour: number): number {
  return 0.2126 * channelLuminance((colour >> 16) & 255) + 0.7152 * channelLuminance((colour >> 8) & 255) + 0.0722 * channelLuminance(colour & 255);
}

/** The text colour (near-black or white) with the better contrast on `fill`. */
export function textOn(fill: number): string {
  const l = luminance(fill);
  const againstDark = (l + 0.05) / (luminance(UI.background) + 0.05);
  const againstWhite = 1.05 / (l + 0.05);
  return againstDark >= againstWhite ? UI.dark : '#ffffff';
}

/** A colour mixed toward the background by `amount` (0 = unchanged, 1 = background). */
export function fade(colour: number, amount: number): number {
  const mix = (shift: number): number => {
    const a = (colour >> shift) & 255;
    const b = (UI.background >> shift) & 255;
    return Math.round(a + (b - a) * amount) << shift;
  };
  return mix(16) | mix(8) | mix(0);
}

export const FONT_FAMILY = 'system-ui, "DejaVu Sans", "Liberation Sans", sans-serif';

/**
 * The base text size in px for a screen: about 13px on a phone held upright,
 * 16px on a laptop and 22px on a 1920x1080 projector, times the player's text size.
 */
export function baseFontSize(width: number, height: number, textSize: number = currentTextSize()): number {
  const scale = Math.min(width / 1200, height / 720);
  return Math.round(Math.max(12.5, Math.min(22, 16 * scale)) * textSize);
}

/** A text size drawn at `px` at 100 %, at the player's text size. */
export function textPx(px: number): number {
  return Math.round(px * currentTextSize());
}
