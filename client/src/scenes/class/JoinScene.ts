// Joining a class: the code (filled in when the student came from a link or the QR
// code) and a nickname, as real HTML fields over the canvas. A refused join is
// shown in words under the form; a good one hands the room to the class lobby.

import { readScreen } from '../../a11y/screen-text.ts';
import Phaser from 'phaser';
import { describeError, joinClass } from '../../net/connection.ts';
import { UI, baseFontSize } from '../../palette.ts';
import { publishForTests } from '../../test-hook.ts';
import { DomForm } from '../../ui/forms.ts';
import { clipNickname } from '../../../../shared/classroom/nickname.ts';
import { MAX_STUDENT_ID, studentIdLabel } from '../../../../shared/classroom/student-id.ts';
import { normaliseCode } from './host-key.ts';
import { screenMargin } from './layout.ts';
import { ButtonSet, visibleTexts } from './screen-report.ts';
import { textStyle } from './views/text-style.ts';
import { htmlFont } from '../../ui/html-text.ts';

export interface JoinData {
  readonly code?: string;
}

const NICKNAME_KEY = 'mallocade:nickname';

function savedNickname(): string {
  try {
    return window.localStorage.getItem(NICKNAME_KEY) ?? '';
  } catch {
    return '';
  }
}

function saveNickname(nickname: string): void {
  try {
    window.localStorage.setItem(NICKNAME_KEY, nickname);
  } catch {
    // private mode: the field simply starts empty next time
  }
}

export class JoinScene extends Phaser.Scene {
  private prefill = '';
  private form!: DomForm;
  private codeInput!: HTMLInputElement;
  private nicknameInput!: HTMLInputElement;
  /** The private student ID or e-mail, shown once the class says it asks for one (CLASS-SID-1). */
  private studentIdInput!: HTMLInputElement;
  private submit!: HTMLButtonElement;
  private message!: HTMLParagraphElement;
  private buttons!: ButtonSet;
  private title!: Phaser.GameObjects.Text;
  private subtitle!: Phaser.GameObjects.Text;
  private joining = false;

  constructor() {
    super('JoinScene');
  }

  init(data: JoinData | undefined): void {
    this.prefill = normaliseCode(data?.code ?? '');
    this.joining = false;
  }

  create(): void {
    this.title = this.add.text(0, 0, 'Join a class', textStyle(32, UI.text, true)).setOrigin(0.5, 0);
    this.subtitle = this.add.text(0, 0, 'Type the code your teacher shows and pick a nickname.', textStyle(16, UI.dim)).setOrigin(0.5, 0).setAlign('center');
    this.buttons = new ButtonSet(this);
    this.buttons.add('back', '← Back', () => this.scene.start('TitleScene'), { width: 110, height: 44, fontSize: 17, key: 'ESC' });
    this.form = new DomForm(this, () => void this.join());
    this.codeInput = this.form.addField({ name: 'code', label: 'Class code', value: this.prefill, maxLength: 12, placeholder: 'e.g. K7TQ3M', uppercase: true });
    this.nicknameInput = this.form.addField({ name: 'nickname', label: 'Nickname (others see it)', value: savedNickname(), maxLength: 200, clip: clipNickname, placeholder: 'e.g. Ada' });
    this.studentIdInput = this.form.addField({ name: 'studentId', label: 'Student ID (only your teacher sees it)', maxLength: MAX_STUDENT_ID, placeholder: '' });
    this.showStudentIdField(null);
    this.submit = this.form.addSubmit('Join');
    this.message = document.createElement('p');
    this.message.setAttribute('role', 'alert');
    Object.assign(this.message.style, { margin: '4px 0 0', minHeight: '1.3em', color: UI.bad, font: htmlFont(17) } satisfies Partial<CSSStyleDeclaration>);
    this.form.element.append(this.message);
    this.layout();
    this.scale.on('resize', this.layout, this);
    this.events.once('shutdown', () => this.scale.off('resize', this.layout, this));
    (this.prefill ? this.nicknameInput : this.codeInput).focus();
    this.publish();
  }

  private layout(): void {
    const { width, height } = this.scale;
    const margin = screenMargin(width);
    const font = baseFontSize(width, height);
    this.buttons.place('back', margin + 55, margin + 22, 110, 44);
    const top = Math.max(margin + 56, height * 0.08);
    this.title.setFontSize(Math.round(font * 2)).setPosition(width / 2, top);
    this.subtitle.setFontSize(font).setWordWrapWidth(Math.min(520, width - 2 * margin)).setPosition(width / 2, this.title.y + this.title.height + 8);
    this.form.setTop(this.subtitle.y + this.subtitle.height + 20);
    this.publish();
  }

  private showMessage(text: string, colour: string = UI.bad): void {
    this.message.textContent = text;
    this.message.style.color = colour;
    this.publish();
  }

  private async join(): Promise<void> {
    if (this.joining) return;
    const code = normaliseCode(this.codeInput.value);
    const nickname = this.nicknameInput.value.trim();
    if (code === '') {
      this.showMessage('Type the class code first (your teacher shows it).');
      this.codeInput.focus();
      return;
    }
    this.joining = true;
    this.submit.disabled = true;
    this.showMessage('Joining…', UI.dim);
    try {
      const { room, welcome } = await joinClass(code, nickname, this.studentIdInput.value);
      if (nickname) saveNickname(nickname);
      this.scene.start('ClassLobbyScene', { classRoom: room, welcome });
    } catch (error) {
      this.joining = false;
      this.submit.disabled = false;
      this.showMessage(describeError(error));
      const asked = /^student_id\/\w+: .*(e-mail|student ID)/.exec(error instanceof Error ? error.message : '');
      if (asked) this.showStudentIdField(asked[1] === 'e-mail' ? 'email' : 'id');
    }
  }

  /** Shows the private identifier field, labelled for what the class asks (the server's refusal says which), or hides it. */
  private showStudentIdField(mode: 'id' | 'email' | null): void {
    const label = this.studentIdInput.parentElement;
    if (!label) return;
    label.style.display = mode ? 'flex' : 'none';
    if (!mode) return;
    label.firstChild!.textContent = `${studentIdLabel(mode)} (only your teacher sees it)`;
    this.studentIdInput.type = mode === 'email' ? 'email' : 'text';
    this.studentIdInput.focus();
  }

  private publish(): void {
    readScreen(this, 'Join a class'); // the screen changed: its words for the accessibility layer too
    publishForTests({
      scene: 'JoinScene',
      code: this.codeInput?.value ?? '',
      message: this.message?.textContent ?? '',
      texts: visibleTexts(this),
      buttons: this.buttons?.probes() ?? {},
      width: this.scale.width,
      height: this.scale.height,
    });
  }
}
