// What the game's HTML dialogs share (the comfort settings, the dashboard's round picker
// and lesson plans): a modal box over the canvas with role="dialog", labelled by its
// heading; Esc closes it and the focus goes back to what had it; Tab and Shift+Tab stay
// inside it; keys, presses and releases inside never reach the game; the focus is drawn
// as a ring on every control. Plus the small element makers their views use (buttons,
// labelled inputs), so the dialogs look and behave alike. Removed with the scene.

import type Phaser from 'phaser';
import { htmlFont, htmlPx } from './html-text.ts';

export const COLOURS = { text: '#e8eaf0', dim: '#a0a6b4', panel: '#1f232d', edge: '#4a5163', accent: '#56b4e9', bad: '#ff8a80', bar: '#e69f00' };

export const INPUT_STYLE: Partial<CSSStyleDeclaration> = { font: htmlFont(16), padding: '6px 8px', borderRadius: '6px', border: `2px solid ${COLOURS.edge}`, background: COLOURS.panel, color: COLOURS.text };

/** A visible focus ring for every control of a dialog (added to the page once). */
const FOCUS_CSS = '.mallocade-dialog :focus-visible { outline: 3px solid #ffffff; outline-offset: 2px; }';

function addFocusStyle(): void {
  if (document.getElementById('mallocade-dialog-style')) return;
  const style = document.createElement('style');
  style.id = 'mallocade-dialog-style';
  style.textContent = FOCUS_CSS;
  document.head.append(style);
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, style: Partial<CSSStyleDeclaration> = {}, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node.style, style);
  if (text) node.textContent = text;
  return node;
}

export function button(text: string, onClick: () => void, primary = false): HTMLButtonElement {
  const b = el('button', {
    font: htmlFont(16), padding: '8px 14px', borderRadius: '6px', cursor: 'pointer', color: '#ffffff',
    border: `2px solid ${primary ? COLOURS.accent : COLOURS.edge}`, background: primary ? '#0072b2' : COLOURS.panel,
  }, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** A small button beside a list entry ("Edit a copy", "Move up"), named for a screen reader by `label`. */
export function smallButton(text: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = button(text, onClick);
  b.setAttribute('aria-label', label);
  Object.assign(b.style, { fontSize: htmlPx(14), padding: '4px 10px' });
  return b;
}

/** A control under its label's words (the label names it for a screen reader). */
export function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  const label = el('label', { display: 'flex', flexDirection: 'column', gap: '4px', fontSize: htmlPx(14), color: COLOURS.dim }, text);
  Object.assign(control.style, INPUT_STYLE);
  label.append(control);
  return label;
}

/** A row of buttons at the foot of a view. */
export function actionRow(...buttons: HTMLElement[]): HTMLDivElement {
  const row = el('div', { display: 'flex', gap: '10px', marginTop: '12px', justifyContent: 'flex-end', flexWrap: 'wrap' });
  row.append(...buttons);
  return row;
}

export class DomDialog {
  protected readonly root: HTMLDivElement;
  protected readonly box: HTMLDivElement;
  /** What had the focus when the dialog opened: it gets it back when the dialog closes. */
  private opener: HTMLElement | null = null;

  /** Told when the dialog opens or closes (the scene publishes what it shows). */
  private readonly toggled: () => void;

  constructor(scene: Phaser.Scene, className: string, toggled: () => void = () => undefined) {
    this.toggled = toggled;
    addFocusStyle();
    this.root = el('div', { position: 'fixed', inset: '0', background: 'rgba(10,12,16,0.72)', zIndex: '20', font: htmlFont(16), color: COLOURS.text });
    this.root.className = `mallocade-dialog ${className}`;
    this.box = el('div', {
      position: 'absolute', left: '50%', top: '3vh', transform: 'translateX(-50%)', width: `min(${htmlPx(760)}, 94vw)`, maxHeight: '94vh', overflowY: 'auto',
      background: '#15181f', border: `2px solid ${COLOURS.edge}`, borderRadius: '10px', padding: '16px', boxSizing: 'border-box',
    });
    this.box.setAttribute('role', 'dialog');
    this.box.setAttribute('aria-modal', 'true');
    this.root.append(this.box);
    this.root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
      else if (event.key === 'Tab') this.keepFocusInside(event);
      event.stopPropagation();
    });
    // Phaser hears presses and releases on the whole window (to end a drag outside the canvas):
    // one on the dialog would press the canvas button under it. They stop here.
    for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend'] as const) {
      this.root.addEventListener(type, (event) => event.stopPropagation());
    }
    scene.events.once('shutdown', () => this.root.remove());
    scene.events.once('destroy', () => this.root.remove());
  }

  /** Open while on the page: a closed dialog is taken off it, so the page holds only the dialog in use. */
  get isOpen(): boolean {
    return this.root.isConnected;
  }

  /** Shows the dialog, noting what had the focus. */
  protected show(): void {
    this.opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    document.body.append(this.root);
    this.toggled();
  }

  close(): void {
    this.root.remove();
    this.opener?.focus({ preventScroll: true });
    this.opener = null;
    this.toggled();
  }

  /** Tab from the last control goes to the first, Shift+Tab from the first to the last (a radio group is one stop: its checked button). */
  private keepFocusInside(event: KeyboardEvent): void {
    const focusable = [...this.box.querySelectorAll<HTMLElement>('input, select, textarea, button, a[href]')]
      .filter((e) => !(e as HTMLInputElement).disabled && e.offsetParent !== null && !(e instanceof HTMLInputElement && e.type === 'radio' && !e.checked));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const inside = document.activeElement instanceof HTMLElement && this.box.contains(document.activeElement);
    if (!event.shiftKey && (document.activeElement === last || !inside)) {
      event.preventDefault();
      first.focus();
    } else if (event.shiftKey && (document.activeElement === first || !inside)) {
      event.preventDefault();
      last.focus();
    }
  }

  /** The view's heading, which names the dialog. */
  protected heading(text: string): HTMLHeadingElement {
    const h = el('h2', { margin: '0 0 10px', fontSize: htmlPx(22) }, text);
    h.id = `${this.root.classList[1] ?? 'dialog'}-title`;
    this.box.setAttribute('aria-labelledby', h.id);
    return h;
  }

  /** A status line (role="status"): progress and outcomes are read out as they change. */
  protected statusLine(text = ''): HTMLParagraphElement {
    const status = el('p', { color: COLOURS.dim, margin: '8px 0' }, text);
    status.setAttribute('role', 'status');
    return status;
  }

  /** A line for refusals (role="alert"): read out at once, in the warning colour. */
  protected alertLine(): HTMLParagraphElement {
    const alert = el('p', { color: COLOURS.bad, margin: '8px 0', minHeight: '1.2em' });
    alert.setAttribute('role', 'alert');
    return alert;
  }

  /** Puts `text` on the open view's refusal line (and clears the status line). */
  protected warn(text: string): void {
    this.say('');
    const alert = this.box.querySelector<HTMLElement>('[role=alert]');
    if (alert) alert.textContent = text;
  }

  /** Puts `text` on the open view's status line (and clears the refusal line). */
  protected say(text: string): void {
    const note = this.box.querySelector<HTMLElement>('[role=status]');
    if (note) note.textContent = text;
    const alert = this.box.querySelector<HTMLElement>('[role=alert]');
    if (alert && text !== '') alert.textContent = '';
  }
}
