// The play screen as DOM, for screen readers and the keyboard: the pending request and
// the next ones, the heap as a list of blocks and holes in address order (address,
// size, live or free, which request), each hole a button that places the pending
// request there (a slab or arena round: a button per slab or arena, and "new"), and
// the meters as text. Drawn from what the canvas draws (the synced match, the heap
// line's holes, the board's spots) each time it changes; hidden visually, since the
// canvas shows the same thing, except the focused button. The focus stays on the
// same hole (or the same place in the list) when the heap changes under it.

import type { RegionView } from '../../../shared/core/allocator.ts';
import type { HoleRef } from '../views/heap-line.ts';
import { formatAddress } from '../views/format.ts';
import { HIDDEN_CLASS, type ScreenLayer } from './layer.ts';

/** A slab or arena the pending object can go to (-1: a new one). */
export interface MirrorSpot {
  readonly target: number;
  readonly name: string;
}

export interface MirrorInput {
  readonly pending: { readonly id: number; readonly size: number; readonly tag?: string } | null;
  /** The next requests and frees, in words (`malloc(16)`, `free(#3)`). */
  readonly upcoming: readonly string[];
  readonly regions: readonly RegionView[];
  /** The holes the heap line offers (free list, buddy), in its order. */
  readonly holes: readonly HoleRef[];
  /** The board's places (slab, arena); empty on a heap line. */
  readonly spots: readonly MirrorSpot[];
  readonly meters: readonly { readonly label: string; readonly value: string }[];
  /** Whether a move can be made now (a request is pending, the round is on, not paused). */
  readonly canPlace: boolean;
}

export interface MirrorActions {
  /** Places the pending request at an address, or in a slab/arena (-1: a new one). */
  place(target: number): void;
  /** The keyboard's focus is on hole `index` of the heap line (null: left it), for the canvas to show. */
  focusHole(index: number | null): void;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', hidden = true): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text) el.textContent = text;
  if (hidden) el.className = HIDDEN_CLASS;
  return el;
}

function describeBlock(r: RegionView): string {
  const at = `Address ${formatAddress(r.start)}, ${r.size} bytes`;
  if (r.state === 'live') return `${at}, live: request ${r.id ?? '?'}${r.requested !== undefined && r.requested !== r.size ? ` (asked ${r.requested})` : ''}${r.tag ? `, ${r.tag}` : ''}${r.area === 'mmap' ? ', mapped' : ''}.`;
  return `${at}, ${r.state === 'free' ? 'free' : 'unused'}${r.area === 'mmap' ? ', mapped' : ''}.`;
}

export class PlayMirror {
  private readonly root: HTMLElement;
  private readonly request: HTMLParagraphElement;
  private readonly next: HTMLParagraphElement;
  private readonly heap: HTMLUListElement;
  private readonly meters: HTMLParagraphElement;
  private readonly actions: MirrorActions;
  private lastHeap = '';

  constructor(layer: ScreenLayer, actions: MirrorActions) {
    this.actions = actions;
    this.root = document.createElement('div');
    this.root.dataset.a11yMirror = '';
    this.request = element('p');
    this.request.id = 'a11y-request';
    this.next = element('p');
    this.heap = element('ul', '', false);
    this.heap.setAttribute('aria-label', 'Heap, in address order');
    Object.assign(this.heap.style, { listStyle: 'none', margin: '0', padding: '0' } satisfies Partial<CSSStyleDeclaration>);
    this.meters = element('p');
    this.root.append(element('h2', 'Request'), this.request, this.next, element('h2', 'Heap'), this.heap, element('h2', 'Meters'), this.meters);
    layer.content.append(this.root);
  }

  show(input: MirrorInput): void {
    this.request.textContent = input.pending
      ? `Place malloc(${input.pending.size}), request ${input.pending.id}${input.pending.tag ? ` (${input.pending.tag})` : ''}. Choose a ${input.spots.length ? 'place' : 'hole'} below.`
      : 'No request waiting.';
    this.next.textContent = input.upcoming.length ? `Next: ${input.upcoming.join(', ')}.` : '';
    this.meters.textContent = input.meters.map((m) => `${m.label}: ${m.value}`).join('; ');
    const key = JSON.stringify([input.regions, input.holes, input.spots, input.pending?.size ?? 0, input.canPlace]);
    if (key === this.lastHeap) return;
    this.lastHeap = key;
    this.redrawHeap(input);
  }

  /** The list afresh; the focus goes back to the button with the same key, else the one at the same place. */
  private redrawHeap(input: MirrorInput): void {
    const focused = document.activeElement instanceof HTMLElement && this.heap.contains(document.activeElement) ? document.activeElement : null;
    const focusKey = focused?.dataset.key ?? null;
    const focusIndex = focused ? [...this.heap.querySelectorAll('button')].indexOf(focused as HTMLButtonElement) : -1;
    this.heap.replaceChildren(...this.items(input));
    if (!focused) return;
    const buttons = [...this.heap.querySelectorAll<HTMLButtonElement>('button')];
    const again = buttons.find((b) => b.dataset.key === focusKey) ?? buttons[Math.min(focusIndex, buttons.length - 1)];
    again?.focus({ preventScroll: true });
  }

  private items(input: MirrorInput): HTMLLIElement[] {
    const size = input.pending?.size;
    const items: HTMLLIElement[] = [];
    const holeAt = new Map(input.holes.map((h) => [h.start, h]));
    const sorted = [...input.regions].sort((a, b) => (a.area === 'mmap' ? 1 : 0) - (b.area === 'mmap' ? 1 : 0) || a.start - b.start);
    for (const r of sorted) {
      const hole = r.state === 'free' ? holeAt.get(r.start) : undefined;
      items.push(hole && input.canPlace && size !== undefined ? this.holeItem(hole, size) : this.textItem(describeBlock(r)));
    }
    for (const hole of input.holes.filter((h) => h.pastBreak)) {
      items.push(input.canPlace && size !== undefined ? this.holeItem(hole, size) : this.textItem(`Past the break at address ${formatAddress(hole.start)}: room to grow the heap.`));
    }
    for (const spot of input.spots) {
      if (input.canPlace && size !== undefined) items.push(this.button(`spot:${spot.target}`, `Put malloc(${size}) in ${spot.name}`, () => this.actions.place(spot.target)));
    }
    return items;
  }

  private holeItem(hole: HoleRef, size: number): HTMLLIElement {
    const label = hole.pastBreak
      ? `Grow the heap: place malloc(${size}) at address ${formatAddress(hole.start)}, past the break`
      : `Hole at address ${formatAddress(hole.start)}, ${hole.size} bytes, free: place malloc(${size}) here`;
    const item = this.button(`hole:${hole.start}`, label, () => this.actions.place(hole.start));
    const button = item.firstElementChild as HTMLButtonElement;
    button.addEventListener('focus', () => this.actions.focusHole(hole.index));
    return item;
  }

  private button(key: string, label: string, press: () => void): HTMLLIElement {
    const item = element('li', '', false);
    const button = element('button', label);
    button.type = 'button';
    button.dataset.key = key;
    button.addEventListener('click', press);
    item.append(button);
    return item;
  }

  private textItem(text: string): HTMLLIElement {
    return element('li', text);
  }

  destroy(): void {
    this.root.remove();
  }
}
