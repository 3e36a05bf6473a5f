// The ways out of a play screen: the ✕ button (a practice or assignment round; a class
// round has none — the lobby takes the student back when the host ends it), the "Leave
// this level?" question it asks mid-round (LeaveConfirm.ts), and the Esc key, which
// closes the open overlay and nothing else, and with none open asks to leave.

import type Phaser from 'phaser';
import { Button } from '../../ui/Button.ts';
import { onKey } from '../../ui/keys.ts';
import { LeaveConfirm, escape } from './LeaveConfirm.ts';

export interface LeavingHost {
  /** Whether the round is still on (asks before leaving) — false once it is over or before it is joined. */
  roundOn(): boolean;
  /** Leaves the level (the session's leave). */
  leave(): void;
  /** Hears the question open and close (the practice clock stands still meanwhile). */
  changed(): void;
  /** Closes the level's explanation if it is open; says whether it was. */
  closeExplanation(): boolean;
  /** Closes the failed malloc's card if it is open; says whether it was. */
  closeCard(): boolean;
}

export class PlayLeaving {
  /** The ✕ in the header; null in a class round. */
  readonly close: Button | null;
  private readonly confirm: LeaveConfirm;
  private readonly host: LeavingHost;

  constructor(scene: Phaser.Scene, inClass: boolean, host: LeavingHost) {
    this.host = host;
    this.close = inClass ? null : new Button(scene, 0, 0, '✕', () => this.ask(), { width: 44, height: 44, fontSize: 18, label: 'Leave the level (Esc)' }).setName('close');
    this.confirm = new LeaveConfirm(scene, () => host.leave(), () => host.changed());
    onKey(scene.input.keyboard, 'keydown-ESC', () => escape({
      confirm: this.confirm, closeCard: () => host.closeCard(), closeExplanation: () => host.closeExplanation(),
      askLeave: this.close ? () => this.ask() : null,
    }));
  }

  /** Whether the leave question is on screen (it holds the round like any overlay). */
  get asking(): boolean {
    return this.confirm.open;
  }

  /** Puts the ✕ where the layout says, and centres the question. */
  layout(closeAt: { x: number; y: number }): void {
    this.close?.setPosition(closeAt.x, closeAt.y);
    this.confirm.layout();
  }

  destroy(): void {
    this.confirm.destroy();
  }

  /** ✕ or Esc: mid-round, asks first (the round's moves would be lost); a round that is over, or not joined, is left at once. */
  private ask(): void {
    if (this.host.roundOn()) this.confirm.ask();
    else this.host.leave();
  }
}
