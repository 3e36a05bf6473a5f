// The comfort settings from the play screen: the ⚙ in the header (or S) opens the
// settings overlay (a11y/ComfortDialog.ts). While it is open the round is held like
// under any overlay (moves wait, the practice clock stands still); a new text size
// lays the screen out again, and a new volume shows on the Sound button.

import type Phaser from 'phaser';
import { ComfortDialog } from '../../a11y/ComfortDialog.ts';
import { Button } from '../../ui/Button.ts';

export interface PlayComfortHost {
  /** The dialog opened or closed (the scene holds or frees the round). */
  readonly held: () => void;
  /** The volume changed in the dialog. */
  readonly soundChanged: () => void;
}

export class PlayComfort {
  private readonly button: Button;
  private readonly dialog: ComfortDialog;

  constructor(scene: Phaser.Scene, host: PlayComfortHost) {
    this.dialog = new ComfortDialog(scene, (change) => {
      if (change === 'open') host.held();
      else if (change === 'sound') host.soundChanged();
      else if (change === 'text') scene.scale.refresh();
    });
    this.button = new Button(scene, 0, 0, '⚙', () => this.dialog.open(), { width: 44, height: 44, fontSize: 20, key: 'S', label: 'Comfort settings (S)' }).setName('comfort');
  }

  /** Whether the settings overlay is open (it holds the round). */
  get open(): boolean {
    return this.dialog.isOpen;
  }

  layout(at: { x: number; y: number }): void {
    this.button.setPosition(at.x, at.y);
  }
}
