// The DOM layer beside the canvas, for screen readers and the keyboard (issue 16).
// Phaser draws on a canvas that assistive technology cannot read, so each scene hands
// its screen's content to one section of this layer: a heading, lines of text, custom
// content (the play screen's mirror), and a twin <button> for every canvas Button
// (ui/Button.ts makes it). The canvas gets role="img" with a label naming the screen.
// Content the canvas already shows is hidden visually (still read and focusable); a
// focused control shows itself as a pill in the corner and its canvas twin lights up,
// so the focus is always visible. Tab order follows the screen: before Tab moves on,
// the controls are put in the order they sit on the canvas (top to bottom, left to
// right). A scene's section goes when the scene shuts down and hides while it sleeps.

import type Phaser from 'phaser';

/** Hidden visually, read by screen readers; shown as a pill while focused. */
export const HIDDEN_CLASS = 'a11y-hidden';

const STYLE = `
#a11y-layer { position: fixed; left: 0; top: 0; width: 0; height: 0; z-index: 30; font: 18px system-ui, sans-serif; }
.${HIDDEN_CLASS}:not(:focus) { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; border: 0; }
#a11y-layer .a11y-outlined { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; border: 0; }
#a11y-layer button:focus:not(.a11y-outlined), #a11y-layer [tabindex]:focus { position: fixed; left: 12px; bottom: 12px; max-width: calc(100vw - 48px);
  padding: 10px 14px; background: #1f232d; color: #ffffff; border: 2px solid #e8eaf0; border-radius: 8px;
  outline: 3px solid #f0e442; outline-offset: 2px; font: 18px system-ui, sans-serif; white-space: normal; }
`;

/** Where a control sits on the canvas, in CSS pixels (null: not on screen). */
export type Place = () => { readonly x: number; readonly y: number } | null;

export interface ControlOptions {
  /** Where the canvas draws it: Tab follows the screen's order. */
  readonly place?: Place;
  /**
   * Called with true while the DOM twin has the focus. It shows the focus on the canvas
   * (an outline, a selection), so the twin stays hidden instead of showing as a pill over the game.
   */
  readonly onFocus?: (focused: boolean) => void;
}

/** A scene's DOM twin of one canvas control. */
export interface ControlTwin {
  readonly element: HTMLButtonElement;
  setLabel(text: string): void;
  setShown(shown: boolean): void;
  setEnabled(enabled: boolean): void;
  remove(): void;
}

let root: HTMLElement | null = null;
const places = new WeakMap<HTMLElement, Place>();

/** The layer's element, made once: the style, the sections' container, the keyboard's rules. */
export function layerRoot(): HTMLElement {
  if (root) return root;
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.append(style);
  root = document.createElement('div');
  root.id = 'a11y-layer';
  document.getElementById('game')?.after(root);
  if (!root.isConnected) document.body.append(root);
  root.addEventListener('keydown', onLayerKey);
  root.addEventListener('keyup', onLayerKeyUp);
  document.addEventListener('keydown', (event) => event.key === 'Tab' && orderByScreen(), true);
  return root;
}

/**
 * Enter and Space on a focused control press it here, and the game's own key handlers
 * (which skip an event whose default was prevented) do not see the key as well.
 */
function onLayerKey(event: KeyboardEvent): void {
  const target = event.target;
  if (!(target instanceof HTMLButtonElement) || (event.key !== 'Enter' && event.key !== ' ')) return;
  event.preventDefault();
  if (!event.repeat) target.click();
}

function onLayerKeyUp(event: KeyboardEvent): void {
  if (event.target instanceof HTMLButtonElement && event.key === ' ') event.preventDefault();
}

/** Puts each section's controls in the order they sit on screen (rows of 24 px, then left to right), keeping the focus. */
function orderByScreen(): void {
  if (!root) return;
  const focused = document.activeElement;
  for (const list of root.querySelectorAll<HTMLElement>('[data-a11y-controls]')) {
    const keyed = [...list.children].map((el, i) => ({ el, i, at: places.get(el as HTMLElement)?.() ?? null }));
    keyed.sort((a, b) => (a.at && b.at ? Math.round(a.at.y / 24) - Math.round(b.at.y / 24) || a.at.x - b.at.x : 0) || a.i - b.i);
    if (keyed.every((k, i) => k.el === list.children[i])) continue;
    for (const k of keyed) list.append(k.el);
  }
  if (focused instanceof HTMLElement && focused !== document.activeElement) focused.focus({ preventScroll: true });
}

/** One scene's part of the layer. */
export class ScreenLayer {
  readonly section: HTMLElement;
  /** What the screen says, in reading order, before its controls. */
  readonly content: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly controls: HTMLElement;
  private readonly lines = new Map<string, HTMLElement>();
  private readonly scene: Phaser.Scene;

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    this.section = document.createElement('section');
    this.section.dataset.scene = scene.scene.key;
    this.heading = document.createElement('h1');
    this.heading.className = HIDDEN_CLASS;
    this.content = document.createElement('div');
    this.controls = document.createElement('div');
    this.controls.dataset.a11yControls = '';
    this.section.append(this.heading, this.content, this.controls);
    layerRoot().append(this.section);
  }

  /** The screen's name: its heading, and the canvas's label. */
  setHeading(text: string): this {
    this.heading.textContent = text;
    this.section.setAttribute('aria-label', text);
    labelCanvas(this.scene, text);
    return this;
  }

  /** Sets the line named `key` (made on first use, in the order first set; hidden visually unless `shown`). */
  setLine(key: string, text: string, shown = false): HTMLElement {
    let line = this.lines.get(key);
    if (!line) {
      line = document.createElement('p');
      this.content.append(line);
      this.lines.set(key, line);
    }
    line.className = shown ? '' : HIDDEN_CLASS;
    if (line.textContent !== text) line.textContent = text;
    line.hidden = text === '';
    return line;
  }

  hasLine(key: string): boolean {
    return this.lines.has(key);
  }

  /** A DOM button that does what `onPress` does, hidden visually (the canvas draws the control). */
  addControl(label: string, onPress: () => void, options: ControlOptions = {}): ControlTwin {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = HIDDEN_CLASS;
    element.textContent = label;
    element.addEventListener('click', () => {
      if (element.getAttribute('aria-disabled') !== 'true') onPress();
    });
    if (options.onFocus) {
      const onFocus = options.onFocus;
      element.classList.add('a11y-outlined');
      element.addEventListener('focus', () => onFocus(true));
      element.addEventListener('blur', () => onFocus(false));
    }
    if (options.place) places.set(element, options.place);
    this.controls.append(element);
    return {
      element,
      setLabel: (text) => {
        if (element.textContent !== text) element.textContent = text;
      },
      setShown: (shown) => {
        element.hidden = !shown;
      },
      setEnabled: (enabled) => {
        element.setAttribute('aria-disabled', String(!enabled));
      },
      remove: () => element.remove(),
    };
  }

  private remove(): void {
    this.section.remove();
  }

  /** The section for `scene`, made on first use; it goes with the scene and hides while it sleeps. */
  static of(scene: Phaser.Scene): ScreenLayer {
    const found = layers.get(scene);
    if (found) return found;
    const layer = new ScreenLayer(scene);
    layers.set(scene, layer);
    const sleep = (): void => {
      layer.section.hidden = true;
    };
    const wake = (): void => {
      layer.section.hidden = false;
      labelCanvas(scene, layer.heading.textContent ?? '');
    };
    const gone = (): void => {
      layer.remove();
      layers.delete(scene);
      scene.events.off('sleep', sleep);
      scene.events.off('wake', wake);
      scene.events.off('shutdown', gone);
      scene.events.off('destroy', gone);
    };
    scene.events.on('sleep', sleep);
    scene.events.on('wake', wake);
    scene.events.once('shutdown', gone);
    scene.events.once('destroy', gone);
    return layer;
  }
}

const layers = new Map<Phaser.Scene, ScreenLayer>();

/** The canvas is a picture of the screen for assistive technology; the layer holds its words. */
function labelCanvas(scene: Phaser.Scene, screen: string): void {
  const canvas = scene.game.canvas;
  if (!canvas) return;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', screen ? `Mallocade: ${screen}. The same screen follows as text and buttons.` : 'Mallocade');
}
