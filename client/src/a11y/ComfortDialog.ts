// The comfort settings overlay (issue 16): text size, motion, sound and the practice
// clock, as an HTML dialog over the canvas (ui/DomDialog.ts: labelled, the focus kept
// inside while it is open, Esc or Done closes it and gives the focus back). Each change
// is kept at once, in the comfort store (comfort.ts) or, for the sound, in the sound's
// own store (audio/sound.ts); the scene that opened it hears what changed.

import type Phaser from 'phaser';
import { Sound, VOLUME_STEPS } from '../audio/sound.ts';
import { reportDrawn } from '../test-hook.ts';
import { prefersReducedMotion } from '../ui/motion.ts';
import { button, DomDialog, el } from '../ui/DomDialog.ts';
import { htmlPx } from '../ui/html-text.ts';
import { MOTION_CHOICES, TEXT_SIZES, loadComfort, saveComfort, type MotionChoice } from './comfort.ts';

/** What changed: a setting, or 'open' when the dialog opened or closed. */
export type ComfortChange = 'text' | 'motion' | 'sound' | 'clock' | 'open';

/** The controls inside (the box and its backdrop are DomDialog's); sizes in em follow the box's text size. */
const STYLE = `
/* A fieldset is as wide as its widest word by default: at 200 % on a phone that is wider than the screen. */
.comfort-dialog fieldset { border: 1px solid #4a5163; border-radius: 8px; margin: 0 0 0.7em; padding: 0.4em 0.5em 0.6em; min-inline-size: 0; }
.comfort-dialog legend { padding: 0 0.3em; font-weight: bold; }
.comfort-dialog label { display: inline-flex; align-items: center; gap: 0.35em; margin: 0.25em 0.6em 0.25em 0; min-height: 24px; overflow-wrap: anywhere; }
.comfort-dialog input, .comfort-dialog select { font: inherit; }
.comfort-dialog input[type=radio], .comfort-dialog input[type=checkbox] { width: 1.1em; height: 1.1em; margin: 0; }
.comfort-dialog select { background: #1f232d; color: #e8eaf0; border: 2px solid #4a5163; border-radius: 6px; padding: 0.2em 0.4em; }
.comfort-dialog .note { color: #9aa1b2; font-size: 0.85em; margin: 0.2em 0 0; }
`;

const MOTION_WORDS: Readonly<Record<MotionChoice, string>> = { system: 'As my system asks', reduce: 'Reduced: no animations', full: 'Full' };

const percent = (size: number): string => `${Math.round(size * 100)}%`;

/** The dialog's own words follow the text size (ui/html-text.ts: the size is a CSS variable, so they change as it is chosen). */
const BOX_FONT = htmlPx(18);

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

export class ComfortDialog extends DomDialog {
  private readonly onChange: (change: ComfortChange) => void;

  /** `onChange` hears each setting changed (the scene lays itself out again for a new text size), and the dialog opening and closing. */
  constructor(scene: Phaser.Scene, onChange: (change: ComfortChange) => void) {
    super(scene, 'comfort-dialog');
    this.onChange = onChange;
    if (!document.getElementById('comfort-dialog-style')) document.head.append(Object.assign(document.createElement('style'), { id: 'comfort-dialog-style', textContent: STYLE }));
    // Above the play screen's DOM layer; as wide as its words need, at the chosen text size.
    this.root.style.zIndex = '40';
    this.box.style.width = 'min(36em, calc(100vw - 24px))';
  }

  open(): void {
    if (this.isOpen) return;
    this.fill();
    this.show();
    this.box.querySelector<HTMLInputElement>('input:checked')?.focus();
    this.changed('open');
  }

  override close(): void {
    if (!this.isOpen) return;
    super.close();
    this.changed('open');
  }

  /** The dialog's controls for the settings as they are now. */
  private fill(): void {
    const comfort = loadComfort();
    this.box.style.fontSize = BOX_FONT;
    const title = this.heading('Comfort settings');
    title.style.fontSize = '1.3em';

    const text = el('fieldset');
    text.append(el('legend', {}, 'Text size'), ...TEXT_SIZES.map((size) => radio('comfort-text', String(size), percent(size), size === comfort.textSize, () => this.change({ textSize: size }, 'text'))));

    const motion = el('fieldset');
    const systemNow = el('p', {}, `Your system asks for ${prefersReducedMotion() ? 'reduced' : 'full'} motion.`);
    systemNow.className = 'note';
    motion.append(el('legend', {}, 'Motion'), ...MOTION_CHOICES.map((choice) => radio('comfort-motion', choice, MOTION_WORDS[choice], choice === comfort.motion, () => this.change({ motion: choice }, 'motion'))), systemNow);

    const sound = el('fieldset');
    const soundLabel = el('label', {}, 'Sound ');
    const select = el('select');
    select.name = 'comfort-sound';
    const volume = Sound.of('play').volume;
    for (const step of VOLUME_STEPS) {
      const option = el('option', {}, step === 0 ? 'Off' : percent(step));
      option.value = String(step);
      option.selected = step === volume;
      select.append(option);
    }
    select.addEventListener('change', () => {
      Sound.of('play').setVolume(Number(select.value));
      this.changed('sound');
    });
    soundLabel.append(select);
    sound.append(el('legend', {}, 'Sound'), soundLabel);

    const clock = el('fieldset');
    const clockLabel = el('label');
    const box = el('input');
    box.type = 'checkbox';
    box.name = 'comfort-no-clock';
    box.checked = comfort.noClock;
    box.addEventListener('change', () => this.change({ noClock: box.checked }, 'clock'));
    clockLabel.append(box, 'Practise with no clock');
    clock.append(el('legend', {}, 'Time'), clockLabel);

    const done = button('Done (Esc)', () => this.close(), true);
    done.style.font = 'inherit';
    this.box.replaceChildren(title, text, motion, sound, clock, done);
  }

  private change(setting: Parameters<typeof saveComfort>[0], what: ComfortChange): void {
    saveComfort(setting);
    this.changed(what);
  }

  private changed(what: ComfortChange): void {
    this.report();
    this.onChange(what);
  }

  private report(): void {
    const comfort = loadComfort();
    reportDrawn('ComfortDialog', { open: this.isOpen, textSize: comfort.textSize, motion: comfort.motion, noClock: comfort.noClock, volume: Sound.of('play').volume });
  }
}
