// client/src/ui/keys.ts: a key handler sees each DOM key event once, however often
// Phaser's keyboard plugin replays the events still queued in a frame.
import { describe, it, expect } from 'vitest';
import type Phaser from 'phaser';
import { KeyOnce, onKey } from '../../../client/src/ui/keys.ts';

/** Stands in for Phaser's keyboard plugin: `replay` emits every queued event again, as the plugin does when another key arrives in the same frame. */
class FakeKeyboard {
  private readonly handlers = new Map<string, ((e: KeyboardEvent) => void)[]>();
  readonly queue: { name: string; event: KeyboardEvent }[] = [];

  on(name: string, handler: (e: KeyboardEvent) => void): this {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
    return this;
  }

  press(name: string): void {
    this.queue.push({ name, event: { key: name } as unknown as KeyboardEvent });
    this.replay();
  }

  replay(): void {
    for (const { name, event } of this.queue) for (const h of this.handlers.get(name) ?? []) h(event);
  }
}

describe('key handlers', () => {
  it('a press reaches an onKey handler once, even when the queue is replayed within the frame', () => {
    const keyboard = new FakeKeyboard();
    const seen: string[] = [];
    onKey(keyboard as unknown as Phaser.Input.Keyboard.KeyboardPlugin, 'keydown-RIGHT', () => seen.push('right'));
    onKey(keyboard as unknown as Phaser.Input.Keyboard.KeyboardPlugin, 'keydown-LEFT', () => seen.push('left'));
    keyboard.press('keydown-RIGHT');
    keyboard.press('keydown-RIGHT');
    keyboard.press('keydown-LEFT');
    keyboard.replay();
    expect(seen).toEqual(['right', 'right', 'left']);
  });

  it('two handlers of the same event each see it once; a missing keyboard is ignored', () => {
    const keyboard = new FakeKeyboard();
    let a = 0;
    let b = 0;
    onKey(keyboard as unknown as Phaser.Input.Keyboard.KeyboardPlugin, 'keydown-ENTER', () => a++);
    onKey(keyboard as unknown as Phaser.Input.Keyboard.KeyboardPlugin, 'keydown-ENTER', () => b++);
    keyboard.press('keydown-ENTER');
    keyboard.replay();
    expect([a, b]).toEqual([1, 1]);
    expect(() => onKey(null, 'keydown-ENTER', () => a++)).not.toThrow();
  });

  it('KeyOnce answers true for an event the first time only', () => {
    const once = new KeyOnce();
    const e1 = { key: 'a' } as unknown as KeyboardEvent;
    const e2 = { key: 'a' } as unknown as KeyboardEvent;
    expect([once.first(e1), once.first(e1), once.first(e2)]).toEqual([true, false, true]);
  });
});
