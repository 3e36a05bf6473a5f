// An assignment's page (`/?assignment=ID`): the homework a host gave the class, its
// deadline, and a button per round; a round is played alone (a practice room) as this
// browser's student of the class, or, for a browser new to the class, under the nickname
// (and the student ID or e-mail the class asks for) typed here. Real HTML fields and
// buttons over the canvas, like the join form.

import Phaser from 'phaser';
import { describeError, findAssignment, isClassMember, type AssignmentInfo } from '../../net/connection.ts';
import { UI, baseFontSize } from '../../palette.ts';
import { publishForTests } from '../../test-hook.ts';
import { DomForm } from '../../ui/forms.ts';
import { clipNickname } from '../../../../shared/classroom/nickname.ts';
import { MAX_STUDENT_ID, studentIdLabel } from '../../../../shared/classroom/student-id.ts';
import { screenMargin } from './layout.ts';
import { visibleTexts } from './screen-report.ts';
import { textStyle } from './views/text-style.ts';
import { htmlFont } from '../../ui/html-text.ts';

export interface AssignmentSceneData {
  readonly id: string;
  /** A refusal to show (a round that could not be opened). */
  readonly message?: string;
}

/** How the deadline reads: local date and time, and whether it has passed. */
function deadlineText(deadline: number, now: number): string {
  const when = new Date(deadline).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return now > deadline ? `The deadline was ${when}: rounds played now are marked late.` : `Due ${when}. Play each round alone; your best try counts.`;
}

export class AssignmentScene extends Phaser.Scene {
  private input_: AssignmentSceneData = { id: '' };
  private info: AssignmentInfo | null = null;
  private form!: DomForm;
  private nickname: HTMLInputElement | null = null;
  private studentId: HTMLInputElement | null = null;
  private message!: HTMLParagraphElement;
  private title!: Phaser.GameObjects.Text;
  private subtitle!: Phaser.GameObjects.Text;

  constructor() {
    super('AssignmentScene');
  }

  init(data: AssignmentSceneData): void {
    this.input_ = data;
    this.info = null;
    this.nickname = null;
    this.studentId = null;
  }

  create(): void {
    this.title = this.add.text(0, 0, 'Homework', textStyle(32, UI.text, true)).setOrigin(0.5, 0);
    this.subtitle = this.add.text(0, 0, 'Loading the assignment…', textStyle(16, UI.dim)).setOrigin(0.5, 0).setAlign('center');
    this.form = new DomForm(this, () => undefined);
    this.message = document.createElement('p');
    this.message.setAttribute('role', 'alert');
    Object.assign(this.message.style, { margin: '4px 0 0', minHeight: '1.3em', color: UI.bad, font: htmlFont(17) } satisfies Partial<CSSStyleDeclaration>);
    this.message.textContent = this.input_.message ?? '';
    this.form.element.append(this.message);
    this.layout();
    this.scale.on('resize', this.layout, this);
    this.events.once('shutdown', () => this.scale.off('resize', this.layout, this));
    void this.fetchAssignment();
  }

  private async fetchAssignment(): Promise<void> {
    try {
      this.info = await findAssignment(this.input_.id);
    } catch (error) {
      this.subtitle.setText(describeError(error));
      this.layout();
      return;
    }
    const info = this.info;
    this.title.setText(info.title);
    this.subtitle.setText(deadlineText(info.deadline, Date.now()));
    if (!isClassMember(info.code)) this.askWhoFor(info);
    info.rounds.forEach((round, i) => this.addRoundButton(`${i + 1}. ${round.title} · ${round.requests} requests`, i));
    this.form.element.append(this.message);
    this.layout();
  }

  /** A browser new to the class: the nickname and identifier the student joins the class with. */
  private askWhoFor(info: AssignmentInfo): void {
    this.nickname = this.form.addField({ name: 'nickname', label: 'Nickname (your class sees it)', maxLength: 200, clip: clipNickname, placeholder: 'e.g. Ada' });
    if (info.askStudentId !== 'none') {
      this.studentId = this.form.addField({ name: 'studentId', label: `${studentIdLabel(info.askStudentId)} (only your teacher sees it)`, maxLength: MAX_STUDENT_ID });
      if (info.askStudentId === 'email') this.studentId.type = 'email';
    }
    this.nickname.focus();
  }

  private addRoundButton(label: string, round: number): void {
    const button = document.createElement('button');
    button.type = 'button';
    button.name = `round-${round}`;
    button.textContent = label;
    Object.assign(button.style, {
      font: htmlFont(19), padding: '12px', borderRadius: '8px', border: '2px solid #56b4e9', background: '#0072b2', color: '#ffffff', cursor: 'pointer', textAlign: 'left',
    } satisfies Partial<CSSStyleDeclaration>);
    button.addEventListener('click', () => this.play(round));
    this.form.element.append(button);
  }

  private play(round: number): void {
    const info = this.info;
    if (!info) return;
    // The round's own title: the play and results headers have one line for it on a phone.
    this.scene.start('PlayScene', {
      title: info.rounds[round]?.title ?? info.title,
      assignment: { info, round, nickname: this.nickname?.value.trim() ?? '', studentId: this.studentId?.value.trim() ?? '' },
    });
  }

  private layout(): void {
    const { width, height } = this.scale;
    const margin = screenMargin(width);
    const font = baseFontSize(width, height);
    const top = Math.max(margin + 16, height * 0.06);
    this.title.setFontSize(Math.round(font * 1.8)).setWordWrapWidth(Math.min(640, width - 2 * margin)).setAlign('center').setPosition(width / 2, top);
    this.subtitle.setFontSize(font).setWordWrapWidth(Math.min(520, width - 2 * margin)).setPosition(width / 2, this.title.y + this.title.height + 8);
    this.form.setTop(this.subtitle.y + this.subtitle.height + 20);
    publishForTests({ scene: 'AssignmentScene', message: this.message.textContent ?? '', texts: visibleTexts(this), width, height });
  }
}
