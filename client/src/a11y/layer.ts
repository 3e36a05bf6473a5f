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
// The pill of a focused control takes a corner of the screen where it covers no canvas
// control (bottom-left first), so it never hides a button the player may want next.

import type Phaser from 'phaser';
import { htmlFont } from '../ui/html-text.ts';

/** Hidden visually, read by screen readers; shown as a pill while focused. */
export const HIDDEN_CLASS = 'a11y-hidden';

const STYLE = `
#a11y-layer { position: fixed; left: 0; top: 0; width: 0; height: 0; z-index: 30; font: ${htmlFont(18)}; }
.${HIDDEN_CLASS}:not(:focus) { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; border: 0; }
#a11y-layer .a11y-outlined { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; border: 0; }
#a11y-layer button:focus:not(.a11y-outlined), #a11y-layer [tabindex]:focus { position: fixed; left: 12px; bottom: 12px; max-width: calc(100vw - 48px);
  padding: 10px 14px; background: #1f232d; color: #ffffff; border: 2px solid #e8eaf0; border-radius: 8px;
  outline: 3px solid #f0e442; outline-offset: 2px; font: ${htmlFont(18)}; white-space: normal; }
`;

/** Where a control sits on the canvas, in CSS pixels: its centre and, when known, its size (null: not on screen). */
export type Place = () => { readonly x: number; readonly y: number; readonly w?: number; readonly h?: number } | null;

/** A canvas control with a DOM twin, as it sits on screen (CSS pixels, from its top-left). */
export interface ControlRect {
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

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
  root.addEventListener('focusin', (event) => event.target instanceof HTMLElement && placePill(event.target));
  root.addEventListener('focusout', (event) => event.target instanceof HTMLElement && clearPill(event.target));
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

/** Every canvas control shown whose twin is in a shown section, with its size (those that say it). */
export function controlRects(): ControlRect[] {
  if (!root) return [];
  const rects: ControlRect[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('[data-a11y-controls] > *')) {
    const at = places.get(el)?.();
    if (!at || at.w === undefined || at.h === undefined || el.hidden || el.closest('section')?.hidden) continue;
    rects.push({ label: el.textContent ?? '', x: at.x - at.w / 2, y: at.y - at.h / 2, w: at.w, h: at.h });
  }
  return rects;
}

const PILL_MARGIN = 12;
/** The corners a pill may take, in the order tried. */
const CORNERS = [
  { left: true, bottom: true },
  { left: false, bottom: true },
  { left: true, bottom: false },
  { left: false, bottom: false },
] as const;

function overlaps(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** A focused control shown as a pill (not outlined on the canvas) goes to the first corner where it covers no canvas control. */
function placePill(el: HTMLElement): void {
  if (el.classList.contains('a11y-outlined') || !el.matches(':focus')) return;
  const { width: w, height: h } = el.getBoundingClientRect();
  const controls = controlRects();
  const corner = CORNERS.find((c) => {
    const x = c.left ? PILL_MARGIN : window.innerWidth - PILL_MARGIN - w;
    const y = c.bottom ? window.innerHeight - PILL_MARGIN - h : PILL_MARGIN;
    return !controls.some((r) => overlaps({ x, y, w, h }, r));
  }) ?? CORNERS[0];
  const side = `${PILL_MARGIN}px`;
  Object.assign(el.style, { left: corner.left ? side : 'auto', right: corner.left ? 'auto' : side, bottom: corner.bottom ? side : 'auto', top: corner.bottom ? 'auto' : side });
}

function clearPill(el: HTMLElement): void {
  for (const side of ['left', 'right', 'top', 'bottom'] as const) el.style.removeProperty(side);
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
