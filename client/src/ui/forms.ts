// HTML form fields laid over the canvas, for text entry (join codes, nicknames):
// real inputs give phones their keyboards and screen readers their labels.
// Created by a scene and removed when it shuts down.

import type Phaser from 'phaser';
import { htmlFont, htmlPx } from './html-text.ts';

export interface FieldOptions {
  readonly label: string;
  readonly value?: string;
  readonly maxLength?: number;
  /** Cuts typed or pasted text to what the field may hold (e.g. characters counted as a person counts them). */
  readonly clip?: (text: string) => string;
  readonly placeholder?: string;
  readonly uppercase?: boolean;
  readonly name: string;
}

export class DomForm {
  readonly element: HTMLFormElement;
  private readonly inputs = new Map<string, HTMLInputElement>();

  constructor(scene: Phaser.Scene, onSubmit: () => void) {
    this.element = document.createElement('form');
    this.element.className = 'mallocade-form';
    Object.assign(this.element.style, {
      position: 'absolute', left: '50%', transform: 'translateX(-50%)', display: 'flex', flexDirection: 'column', gap: '10px',
      width: `min(${htmlPx(360)}, 86vw)`, font: htmlFont(18), color: '#e8eaf0',
    } satisfies Partial<CSSStyleDeclaration>);
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      onSubmit();
    });
    document.body.append(this.element);
    scene.events.once('shutdown', () => this.destroy());
    scene.events.once('destroy', () => this.destroy());
  }

  /** Places the form's top edge `top` pixels from the top of the page. */
  setTop(top: number): this {
    this.element.style.top = `${Math.round(top)}px`;
    return this;
  }

  addField(options: FieldOptions): HTMLInputElement {
    const label = document.createElement('label');
    label.textContent = options.label;
    Object.assign(label.style, { display: 'flex', flexDirection: 'column', gap: '4px' } satisfies Partial<CSSStyleDeclaration>);
    const input = document.createElement('input');
    input.name = options.name;
    input.value = options.value ?? '';
    input.maxLength = options.maxLength ?? 64;
    if (options.clip) clipOnInput(input, options.clip);
    input.placeholder = options.placeholder ?? '';
    input.autocomplete = 'off';
    input.spellcheck = false;
    if (options.uppercase) {
      input.style.textTransform = 'uppercase';
      input.autocapitalize = 'characters';
    }
    Object.assign(input.style, {
      font: htmlFont(22), padding: '10px 12px', minWidth: '0', borderRadius: '8px', border: '2px solid #4a5163',
      background: '#1f232d', color: '#e8eaf0', letterSpacing: options.uppercase ? '0.2em' : 'normal',
    } satisfies Partial<CSSStyleDeclaration>);
    label.append(input);
    this.element.append(label);
    this.inputs.set(options.name, input);
    return input;
  }

  addSubmit(text: string): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'submit';
    button.textContent = text;
    Object.assign(button.style, {
      font: htmlFont(20), padding: '12px', borderRadius: '8px', border: '2px solid #56b4e9', background: '#0072b2', color: '#ffffff', cursor: 'pointer',
    } satisfies Partial<CSSStyleDeclaration>);
    this.element.append(button);
    return button;
  }

  value(name: string): string {
    return this.inputs.get(name)?.value ?? '';
  }

  destroy(): void {
    this.element.remove();
  }
}

/**
 * Keeps a field's text to what `clip` leaves of it. HTML's maxlength counts UTF-16 units, so
 * one family emoji would use up eleven of a nickname's twenty characters; `clip` counts as a person does.
 */
function clipOnInput(input: HTMLInputElement, clip: (text: string) => string): void {
  input.addEventListener('input', () => {
    const clipped = clip(input.value);
    if (clipped !== input.value) input.value = clipped;
  });
}
