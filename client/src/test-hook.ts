// A read-only window onto what the scenes last drew, for the browser tests
// (canvas pixels are hard to assert on). Nothing reads it back into the game.
// It also counts the frames the game has drawn and stamps each publication with
// that count, so a test can wait until what a scene published is on screen
// (a frame drawn after it) instead of sleeping, and it says when the SDK would
// reconnect a dropped room. And it owns the type of what the play scene publishes,
// which the scene `satisfies` and the tests read.

import type { KindView } from '../../shared/match/kind-view.ts';
import type { BoardMode, BoardRow, ClassPhase } from './scenes/class/class-types.ts';
import type { TextBox } from './scenes/class/screen-report.ts';

/** What a view says about its last draw: how often it drew, plus a few facts of its own. */
export interface ViewReport {
  readonly draws: number;
  readonly [fact: string]: unknown;
}

export interface MallocadeHook {
  view: unknown;
  /** One entry per view class that drew, by name. */
  views?: Record<string, ViewReport>;
  /** Whatever the gallery scene publishes (its page, the texts on screen, input seen). */
  gallery?: unknown;
  /** Frames the game has drawn so far (counted once the game is watched: see `countFramesForTests`). */
  frames: number;
  /**
   * `frames` when `view` or `gallery` was last published. Invariant: while
   * `frames > publishedAt`, a frame drawn after the last publication is on the
   * canvas, so a screenshot shows what the tests read.
   */
  publishedAt: number;
  /**
   * Whether the SDK would reconnect the room a scene last started watching, were its
   * connection lost now: it reconnects only a room joined at least
   * `reconnection.minUptime` ago (5 s by default), and ends an earlier one.
   */
  reconnectable?: () => boolean;
  /** Every canvas control with a DOM twin on screen, with its box (a11y/layer.ts), for the touch-target and pill checks. */
  controls?: () => readonly { readonly label: string; readonly x: number; readonly y: number; readonly w: number; readonly h: number }[];
}

/** A point on screen in CSS pixels (where a test clicks). */
export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
}

/** What a class round adds to the play scene's publication (absent in solo practice). */
export interface ClassRoundFactsForTests {
  readonly classPhase: ClassPhase;
  /** The class room's session id: a new one once the student joined the class again (a restarted server). */
  readonly sessionId: string;
  /** The host paused the round. */
  readonly paused: boolean;
  readonly roundNo: number;
  readonly nickname: string;
  readonly score: number;
  readonly rank: number;
  readonly boardMode: BoardMode;
  readonly leaderboard: readonly BoardRow[];
  /** The whole-round countdown as the class panel shows it ('' without one). */
  readonly roundClock: string;
  /** The round's 3-2-1 as shown ('3', '2', '1'; '' when none runs: MATCH-TIME-6). */
  readonly countIn: string;
}

/** A pickable spot on a slab or arena board, in screen pixels. */
export interface BoardSpot {
  readonly target: number;
  readonly x: number;
  readonly y: number;
}

/** What the play scene publishes for the browser tests (window.mallocade.view while it runs). */
export interface PlayViewForTests extends Partial<ClassRoundFactsForTests> {
  readonly scene: 'PlayScene';
  /** The match's version: it grows with every accepted move and every stream event. */
  readonly version: number;
  readonly phase: string;
  readonly kind: string;
  readonly pending: { readonly id: number; readonly size: number; readonly tag: string } | null;
  /** Bytes the regions span. */
  readonly heapSize: number;
  readonly blocks: readonly { readonly id: number; readonly address: number; readonly size: number }[];
  /** The holes the heap line offers, in address order (the room past the break last). */
  readonly holes: readonly { readonly start: number; readonly size: number; readonly pastBreak: boolean }[];
  /** Index into `holes` of the keyboard's focus. */
  readonly focus: number | null;
  readonly kindView: KindView | null;
  /** Where each free block of the buddy tree can be clicked, by start address (null: no tree on screen). */
  readonly tree: Readonly<Record<string, ScreenPoint | null>> | null;
  /** Where each slab or arena (and "+ new", target -1) can be clicked. */
  readonly spots: readonly BoardSpot[];
  /** The slab or arena the keyboard's focus is on. */
  readonly boardFocus: number | null;
  readonly canRelease: boolean;
  readonly releaseButton: ScreenPoint | null;
  /** The level's explanation is open. */
  readonly explaining: boolean;
  readonly title: string;
  readonly hints: readonly { readonly policy: string; readonly target: number }[];
  /** The status line's words (a refusal, a tip, the connection). */
  readonly status: string;
  /** Where the first addresses are on the heap line, by address (only those on screen). */
  readonly probes: Readonly<Record<string, ScreenPoint>>;
  readonly texts: readonly TextBox[];
  /** The screen size the layout was made for. */
  readonly width: number;
  readonly height: number;
}

declare global {
  interface Window {
    mallocade?: MallocadeHook;
  }
}

function hook(): MallocadeHook {
  window.mallocade ??= { view: null, frames: 0, publishedAt: 0 };
  return window.mallocade;
}

/** Counts the frames `game` draws (Phaser's post-render event), for `MallocadeHook.frames`. */
export function countFramesForTests(game: { readonly events: { on(event: 'postrender', listener: () => void): unknown } }): void {
  game.events.on('postrender', () => {
    hook().frames++;
  });
}

export function publishForTests(view: unknown): void {
  const h = hook();
  h.view = view;
  h.publishedAt = h.frames;
}

/**
 * Called when a scene starts watching a room's connection. The room was joined before
 * that, so `reconnectable` turns true no earlier than the SDK's own rule does.
 */
export function reportRoomWatched(room: { readonly reconnection: { readonly minUptime: number } }): void {
  // The room tests drive the connection watch under Node, with no page to report to.
  if (typeof window === 'undefined') return;
  const watchedAt = Date.now();
  hook().reconnectable = () => Date.now() - watchedAt >= room.reconnection.minUptime;
}

/** Lets the tests ask where the canvas controls with DOM twins are. */
export function reportControlsForTests(controls: NonNullable<MallocadeHook['controls']>): void {
  hook().controls = controls;
}

/** Called by a view at the end of each draw. */
export function reportDrawn(name: string, facts: Record<string, unknown> = {}): void {
  const h = hook();
  h.views ??= {};
  const draws = (h.views[name]?.draws ?? 0) + 1;
  h.views[name] = { ...facts, draws };
}

export function publishGallery(state: unknown): void {
  const h = hook();
  h.gallery = state;
  h.publishedAt = h.frames;
}
