// The game's ARIA live regions: what a screen reader says without the player moving
// the focus (a new request, a placement, a refusal's reason, the end). Polite by
// default; assertive only for a failure or the end of a round. Messages that arrive
// in one frame are merged into one announcement per region, so a burst of events
// (a free, a merge and the next request) is read once, in order, not cut off.

import { HIDDEN_CLASS, layerRoot } from './layer.ts';

export type Urgency = 'polite' | 'assertive';

/** How many past announcements a region keeps (screen readers read the added one). */
const KEPT = 3;

const queued: Record<Urgency, string[]> = { polite: [], assertive: [] };
const regions = new Map<Urgency, HTMLElement>();
let flushing = false;

function region(urgency: Urgency): HTMLElement {
  const found = regions.get(urgency);
  if (found) return found;
  const made = document.createElement('div');
  made.className = HIDDEN_CLASS;
  made.id = `a11y-${urgency}`;
  made.setAttribute('aria-live', urgency);
  // aria-live alone: a role (alert, status) would make it one more alert among the page's own (the join form's message).
  made.setAttribute('aria-atomic', 'false');
  layerRoot().append(made);
  regions.set(urgency, made);
  return made;
}

/** Says `text` at the next frame, merged with whatever else is said in this one. */
export function announce(text: string, urgency: Urgency = 'polite'): void {
  if (!text) return;
  // Made now, empty: a region must be in the page before its first message for screen readers to watch it.
  region('polite');
  region('assertive');
  queued[urgency].push(text);
  if (flushing) return;
  flushing = true;
  requestAnimationFrame(flush);
}

function flush(): void {
  flushing = false;
  for (const urgency of ['assertive', 'polite'] as const) {
    const texts = queued[urgency].splice(0);
    if (texts.length === 0) continue;
    const el = region(urgency);
    const line = document.createElement('p');
    line.textContent = texts.join(' ');
    el.append(line);
    while (el.childElementCount > KEPT) el.firstElementChild?.remove();
  }
}
