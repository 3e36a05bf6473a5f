// The host's time accommodation for one student (issue 16, item 4; shared/match
// MATCH-TIME-5), under that student's heap opened on the dashboard: "Time for Ada:"
// and a button per allowance (standard, ×1.5, ×2, no limit), the current one marked
// with ● (in words, not only by colour). A press sends `host:time` through the scene's
// post; the server stores it with the player, so the mark comes back with the state.
// Each button has its DOM twin (ui/Button.ts), named for a screen reader in full.

import type Phaser from 'phaser';
import type { ClientMessages } from '../../net/messages.ts';
import { UI } from '../../palette.ts';
import { allowanceLabel, isTimeAllowance, TIME_ALLOWANCES, type TimeAllowance } from '../../../../shared/match/time-allowance.ts';
import { fitText, lineHeight } from '../../views/labels.ts';
import { takeTop, type Box } from './layout.ts';
import type { ButtonSet } from './screen-report.ts';
import { textStyle } from './views/text-style.ts';

/** The buttons' names in the scene's ButtonSet. */
export const TIME_BUTTONS = TIME_ALLOWANCES.map((a) => `time-${a}`);
const SHORT: Readonly<Record<TimeAllowance, string>> = { standard: 'Standard', 'x1.5': '×1.5', x2: '×2', none: 'No limit' };
const BUTTON_HEIGHT = 44;

/** A player's allowance as synced (PlayerInfo.timeAllowance); standard when unknown. */
export function allowanceOf(player: { readonly timeAllowance?: string } | undefined): TimeAllowance {
  const value = player?.timeAllowance;
  return isTimeAllowance(value) ? value : 'standard';
}

/** A button's words: the allowance's short name, marked ● when it is the student's. */
export function timeButtonLabel(allowance: TimeAllowance, current: TimeAllowance): string {
  return allowance === current ? `● ${SHORT[allowance]}` : SHORT[allowance];
}

export class TimeAllowanceRow {
  private readonly buttons: ButtonSet;
  private readonly label: Phaser.GameObjects.Text;
  private student: string | null = null;

  constructor(scene: Phaser.Scene, buttons: ButtonSet, post: (body: ClientMessages['host:time']) => void) {
    this.buttons = buttons;
    this.label = scene.add.text(0, 0, '', textStyle(14, UI.dim, true));
    for (const allowance of TIME_ALLOWANCES) {
      buttons.add(`time-${allowance}`, SHORT[allowance], () => this.student && post({ playerId: this.student, allowance }), {
        fontSize: 16, height: BUTTON_HEIGHT, label: `Give this student ${allowanceLabel(allowance)}`,
      });
    }
  }

  hide(): void {
    this.student = null;
    this.label.setVisible(false);
    this.buttons.setVisible(TIME_BUTTONS, false);
  }

  /** The row for `student` (named `name`) at the top of `box`; answers the box left under it. */
  layout(box: Box, font: number, student: { readonly playerId: string; readonly nickname: string; readonly timeAllowance?: string }, connected: boolean): Box {
    this.student = student.playerId;
    const current = allowanceOf(student);
    const small = Math.round(font * 0.9);
    this.label.setVisible(true).setFontSize(small).setPosition(box.x, box.y)
      .setText(fitText(`Time for ${student.nickname}: ${allowanceLabel(current)}`, box.w, small, true));
    const [, rest] = takeTop(box, lineHeight(small) + 4);
    for (const allowance of TIME_ALLOWANCES) {
      this.buttons.setLabel(`time-${allowance}`, timeButtonLabel(allowance, current));
      this.buttons.setEnabled(`time-${allowance}`, connected);
    }
    this.buttons.setVisible(TIME_BUTTONS, true);
    this.buttons.placeRow(TIME_BUTTONS, rest.x, rest.y, rest.w, BUTTON_HEIGHT, 8);
    return takeTop(rest, BUTTON_HEIGHT, 12)[1];
  }
}
