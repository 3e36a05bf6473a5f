// Key handlers that see each key press once. Phaser's keyboard plugin re-reads every key
// event still queued this frame each time a new one arrives (its manager emits a
// process event per DOM event and empties the queue only once per frame; its duplicate
// check compares with the last event alone). On a slow frame, a press followed by
// another key before the next frame reaches its handlers twice: a replay step skips a
// moment, a placement key moves the focus two holes. Every keyboard handler in the
// client goes through `onKey` or a `KeyOnce` guard.

import type Phaser from 'phaser';

/** True the first time it is asked about an event, false after. */
export class KeyOnce {
  private readonly seen = new WeakSet<KeyboardEvent>();

  first(event: KeyboardEvent): boolean {
    if (this.seen.has(event)) return false;
    this.seen.add(event);
    return true;
  }
}

/** Key presses already used (a button pressed, an overlay closed): other handlers of the same press leave it alone. */
const used = new WeakSet<KeyboardEvent>();

/** Marks a key press as used: the Enter that closes the explanation does not also place the request. */
export function useKey(event: KeyboardEvent): void {
  used.add(event);
}

/** Whether another handler already used this key press. */
export function keyUsed(event: KeyboardEvent): boolean {
  return used.has(event);
}

/** Listens for `name` (a Phaser keyboard event, e.g. 'keydown-LEFT') and calls `handler` once per DOM event. */
export function onKey(keyboard: Phaser.Input.Keyboard.KeyboardPlugin | null | undefined, name: string, handler: (event: KeyboardEvent) => void): void {
  if (!keyboard) return;
  const once = new KeyOnce();
  keyboard.on(name, (event: KeyboardEvent) => {
    if (once.first(event)) handler(event);
  });
}
