// The play scene's accessibility: its DOM mirror (play-mirror.ts), fed from what the scene
// draws each time it redraws (the synced match, its views' holes and spots), and its
// announcements (announcer.ts): every event of the play screen's one source
// (scenes/play/play-events.ts: placed, freed, merged, failed, timeout) in its own words,
// a failed malloc at once, and each new request.

import type Phaser from 'phaser';
import { announce } from './announcer.ts';
import { ScreenLayer, type ControlTwin } from './layer.ts';
import { describeEvent, type PlayEvent, type PlayEvents } from '../scenes/play/play-events.ts';
import { PlayMirror, type MirrorActions, type MirrorInput } from './play-mirror.ts';

/** The synced match as the play scene reads it. */
export interface MatchLike {
  readonly phase: string;
  readonly version: number;
  readonly hasPending: boolean;
  readonly pending: { readonly id: number; readonly size: number; readonly tag: string };
  /** The queue of next requests and frees, as synced. */
  readonly upcoming?: Iterable<{ readonly op: string; readonly id: number; readonly size: number }> | null;
}

/** What the scene's views show beside the match (a move can be made only when `canPlace`: not paused, not reading). */
export type PlayScreenParts = Pick<MirrorInput, 'regions' | 'holes' | 'spots' | 'meters' | 'canPlace'>;

export class PlayAccess {
  private readonly layer: ScreenLayer;
  private readonly mirror: PlayMirror;
  /** The pending request last announced (-1: none yet). */
  private lastRequest = -1;
  private closer: ControlTwin | null = null;

  constructor(scene: Phaser.Scene, events: PlayEvents, actions: MirrorActions) {
    this.layer = ScreenLayer.of(scene);
    this.mirror = new PlayMirror(this.layer, actions);
    events.on((event) => announce(describeEvent(event), isFailure(event) ? 'assertive' : 'polite'));
  }

  setTitle(title: string): void {
    this.layer.setHeading(title);
  }

  /**
   * The level's explanation while it covers the screen (null: closed), read first, with a
   * button that closes it where the canvas draws it (`at`).
   */
  setExplanation(text: string | null, close: () => void, at: () => { x: number; y: number }): void {
    this.layer.setLine('explanation', text ?? '');
    this.closer ??= this.layer.addControl('Close the explanation and start (Enter)', close, { place: at });
    this.closer.setShown(text !== null);
  }

  /** The status line's words (what the last move did), read with the screen. */
  setStatus(text: string): void {
    this.layer.setLine('status', text);
  }

  show(m: MatchLike, parts: PlayScreenParts): void {
    const pending = m.hasPending && m.phase !== 'done' ? { id: m.pending.id, size: m.pending.size, ...(m.pending.tag ? { tag: m.pending.tag } : {}) } : null;
    const upcoming = pending && m.upcoming ? [...m.upcoming].map((e) => (e.op === 'free' ? `free(#${e.id})` : `malloc(${e.size})`)) : [];
    this.mirror.show({ pending, upcoming, regions: parts.regions, holes: parts.holes, spots: parts.spots, meters: parts.meters, canPlace: parts.canPlace && pending !== null });
    if (pending && pending.id !== this.lastRequest) announce(`Request #${pending.id}: malloc(${pending.size}).`);
    this.lastRequest = pending?.id ?? this.lastRequest;
  }

  /** A refused move: its reason, at once. */
  refused(message: string): void {
    announce(`Refused: ${message}`, 'assertive');
  }

  destroy(): void {
    this.mirror.destroy();
  }
}

/** A malloc that failed is said at once; everything else politely. */
function isFailure(event: PlayEvent): boolean {
  return event.type === 'failed' || (event.type === 'timeout' && !event.placed);
}
