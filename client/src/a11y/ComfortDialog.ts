// The comfort settings overlay (issue 16): text size, motion, sound and the practice
// clock, as a DOM dialog over the canvas (keyboard-operable, labelled controls, the
// focus kept inside while it is open, Esc or Done closes it and gives the focus back).
// Each change is kept at once, in the comfort store (comfort.ts) or, for the sound, in
// the sound's own store (audio/sound.ts); the scene that opened it hears what changed.

import type Phaser from 'phaser';
import { Sound, VOLUME_STEPS } from '../audio/sound.ts';
import { reportDrawn } from '../test-hook.ts';
import { prefersReducedMotion } from '../ui/motion.ts';
import { MOTION_CHOICES, TEXT_SIZES, loadComfort, saveComfort, type MotionChoice } from './comfort.ts';

/** What changed: a setting, or 'open' when the dialog opened or closed. */
export type ComfortChange = 'text' | 'motion' | 'sound' | 'clock' | 'open';

const STYLE = `
.comfort-dialog { position: fixed; inset: 0; z-index: 40; background: rgba(10,12,16,0.75); display: flex; align-items: flex-start; justify-content: center;
  overflow-y: auto; font-family: system-ui, sans-serif; color: #e8eaf0; }
.comfort-dialog[hidden] { display: none; }
.comfort-dialog > div { margin: 3vh 12px; width: min(36em, calc(100vw - 24px)); box-sizing: border-box; background: #15181f; border: 2px solid #4a5163;
  border-radius: 10px; padding: 0.8em 1em; }
.comfort-dialog h2 { margin: 0 0 0.5em; font-size: 1.3em; }
.comfort-dialog fieldset { border: 1px solid #4a5163; border-radius: 8px; margin: 0 0 0.7em; padding: 0.4em 0.8em 0.6em; }
.comfort-dialog legend { padding: 0 0.3em; font-weight: bold; }
.comfort-dialog label { display: inline-flex; align-items: center; gap: 0.35em; margin: 0.25em 1em 0.25em 0; min-height: 24px; }
.comfort-dialog input, .comfort-dialog select, .comfort-dialog button { font: inherit; }
.comfort-dialog input[type=radio], .comfort-dialog input[type=checkbox] { width: 1.1em; height: 1.1em; margin: 0; }
.comfort-dialog select { background: #1f232d; color: #e8eaf0; border: 2px solid #4a5163; border-radius: 6px; padding: 0.2em 0.4em; }
.comfort-dialog button { background: #005f96; color: #ffffff; border: 2px solid #56b4e9; border-radius: 8px; padding: 0.4em 1.2em; cursor: pointer; }
.comfort-dialog :focus-visible { outline: 3px solid #f0e442; outline-offset: 2px; }
.comfort-dialog .note { color: #9aa1b2; font-size: 0.85em; margin: 0.2em 0 0; }
`;

const MOTION_WORDS: Readonly<Record<MotionChoice, string>> = { system: 'As my system asks', reduce: 'Reduced: no animations', full: 'Full' };

const percent = (size: number): string => `${Math.round(size * 100)}%`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

let styled = false;

/** A radio button with its label, in `group`. */
function radio(group: string, value: string, words: string, checked: boolean, onPick: () => void): HTMLLabelElement {
  const label = el('label');
  const input = el('input');
  input.type = 'radio';
  input.name = group;
  input.value = value;
  input.checked = checked;
  input.addEventListener('change', () => input.checked && onPick());
  label.append(input, words);
  return label;
}

export class ComfortDialog {
  private readonly root: HTMLDivElement;
  private readonly box: HTMLDivElement;
  private readonly onChange: (change: ComfortChange) => void;
  /** What had the focus when the dialog opened: it gets it back. */
  private opener: HTMLElement | null = null;

  /** `onChange` hears each setting changed (the scene lays itself out again for a new text size), and the dialog opening and closing. */
  constructor(scene: Phaser.Scene, onChange: (change: ComfortChange) => void) {
    this.onChange = onChange;
    if (!styled) {
      const style = el('style', STYLE);
      document.head.append(style);
      styled = true;
    }
    this.root = el('div');
    this.root.className = 'comfort-dialog';
    this.root.hidden = true;
    this.box = el('div');
    this.box.setAttribute('role', 'dialog');
    this.box.setAttribute('aria-modal', 'true');
    this.box.setAttribute('aria-labelledby', 'comfort-title');
    this.root.append(this.box);
    // The game's own keys (Phaser listens on the window) do not hear what is typed here.
    this.root.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Escape') this.close();
      else if (event.key === 'Tab') this.keepFocusInside(event);
    });
    document.body.append(this.root);
    scene.events.once('shutdown', () => this.root.remove());
    scene.events.once('destroy', () => this.root.remove());
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  open(): void {
    if (this.isOpen) return;
    this.opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.fill();
    this.root.hidden = false;
    this.box.querySelector<HTMLInputElement>('input:checked')?.focus();
    this.changed('open');
  }

  close(): void {
    if (!this.isOpen) return;
    this.root.hidden = true;
    this.opener?.focus({ preventScroll: true });
    this.opener = null;
    this.changed('open');
  }

  /** The dialog's controls for the settings as they are now. */
  private fill(): void {
    const comfort = loadComfort();
    this.box.style.fontSize = `${Math.round(18 * Math.min(1.5, comfort.textSize))}px`;
    const title = el('h2', 'Comfort settings');
    title.id = 'comfort-title';

    const text = el('fieldset');
    text.append(el('legend', 'Text size'), ...TEXT_SIZES.map((size) => radio('comfort-text', String(size), percent(size), size === comfort.textSize, () => this.change({ textSize: size }, 'text'))));

    const motion = el('fieldset');
    const systemNow = el('p', `Your system asks for ${prefersReducedMotion() ? 'reduced' : 'full'} motion.`);
    systemNow.className = 'note';
    motion.append(el('legend', 'Motion'), ...MOTION_CHOICES.map((choice) => radio('comfort-motion', choice, MOTION_WORDS[choice], choice === comfort.motion, () => this.change({ motion: choice }, 'motion'))), systemNow);

    const sound = el('fieldset');
    const soundLabel = el('label', 'Sound ');
    const select = el('select');
    select.name = 'comfort-sound';
    const volume = Sound.of('play').volume;
    for (const step of VOLUME_STEPS) {
      const option = el('option', step === 0 ? 'Off' : percent(step));
      option.value = String(step);
      option.selected = step === volume;
      select.append(option);
    }
    select.addEventListener('change', () => {
      Sound.of('play').setVolume(Number(select.value));
      this.changed('sound');
    });
    soundLabel.append(select);
    sound.append(el('legend', 'Sound'), soundLabel);

    const clock = el('fieldset');
    const clockLabel = el('label');
    const box = el('input');
    box.type = 'checkbox';
    box.name = 'comfort-no-clock';
    box.checked = comfort.noClock;
    box.addEventListener('change', () => this.change({ noClock: box.checked }, 'clock'));
    clockLabel.append(box, 'Practise with no clock');
    clock.append(el('legend', 'Time'), clockLabel);

    const done = el('button', 'Done (Esc)');
    done.type = 'button';
    done.addEventListener('click', () => this.close());
    this.box.replaceChildren(title, text, motion, sound, clock, done);
  }

  private change(setting: Parameters<typeof saveComfort>[0], what: ComfortChange): void {
    const comfort = saveComfort(setting);
    if (what === 'text') this.box.style.fontSize = `${Math.round(18 * Math.min(1.5, comfort.textSize))}px`;
    this.changed(what);
  }

  private changed(what: ComfortChange): void {
    this.report();
    this.onChange(what);
  }

  /** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
  private keepFocusInside(event: KeyboardEvent): void {
    const focusable = [...this.box.querySelectorAll<HTMLElement>('input, select, button')].filter((e) => !(e instanceof HTMLInputElement && e.type === 'radio' && !e.checked));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    } else if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    }
  }

  private report(): void {
    const comfort = loadComfort();
    reportDrawn('ComfortDialog', { open: this.isOpen, textSize: comfort.textSize, motion: comfort.motion, noClock: comfort.noClock, volume: Sound.of('play').volume });
  }
}
