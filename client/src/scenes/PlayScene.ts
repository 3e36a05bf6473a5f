// The play scene: joins a practice room, draws the synced heap and the pending
// request, and turns a click on the heap into a `place` move. The server's answer
// shows as the new block, or as the refusal's reason in words.

import Phaser from 'phaser';
import type { Room } from '@colyseus/sdk';
import type { MatchState } from '../../../server/state/match-state.ts';
import { joinPractice, type Refusal } from '../net/connection.ts';
import { HeapView, type HeapBlockView } from '../views/HeapView.ts';
import { UI } from '../palette.ts';
import { publishForTests } from '../test-hook.ts';

export class PlayScene extends Phaser.Scene {
  private room: Room | null = null;
  private heapView!: HeapView;
  private requestText!: Phaser.GameObjects.Text;
  private statusText!: Phaser.GameObjects.Text;

  constructor() {
    super('PlayScene');
  }

  private level: string | undefined;

  init(data: { level?: string }): void {
    this.level = data.level;
  }

  create(): void {
    this.add.text(24, 20, 'Mallocade — practice', { fontFamily: 'system-ui, sans-serif', fontSize: '26px', color: UI.text });
    this.requestText = this.add.text(24, 64, 'connecting…', { fontFamily: 'system-ui, sans-serif', fontSize: '20px', color: UI.text });
    this.statusText = this.add.text(24, 0, 'Click free space on the heap to place the request there.', {
      fontFamily: 'system-ui, sans-serif', fontSize: '16px', color: UI.dim, wordWrap: { width: 600 },
    });
    this.heapView = new HeapView(this);
    this.layout();
    this.scale.on('resize', () => this.layout());
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => this.onPointerDown(p));
    void this.connect();
  }

  private layout(): void {
    const { width, height } = this.scale;
    const heapY = Math.max(120, height * 0.35);
    this.heapView.layout(24, heapY, width - 48, 72);
    this.statusText.setPosition(24, heapY + 120).setWordWrapWidth(width - 48);
    this.redraw();
  }

  private async connect(): Promise<void> {
    try {
      this.room = await joinPractice(this.level);
    } catch (error) {
      this.showStatus(`Could not reach the server: ${String(error)}`, UI.bad);
      return;
    }
    this.room.onStateChange(() => this.redraw());
    this.room.onMessage('refused', (refusal: Refusal) => this.showStatus(`Refused: ${refusal.message} (${refusal.code})`, UI.bad));
    this.redraw();
  }

  private state(): MatchState | null {
    return (this.room?.state as MatchState | undefined) ?? null;
  }

  private liveBlocks(state: MatchState): HeapBlockView[] {
    return state.regions.filter((r) => r.state === 'live').map((r) => ({ id: r.id, address: r.start, size: r.size }));
  }

  private heapExtent(state: MatchState): number {
    return state.regions.reduce((end, r) => Math.max(end, r.start + r.size), 0);
  }

  private redraw(): void {
    const state = this.state();
    if (!state || !this.heapView) return;
    this.heapView.draw(this.heapExtent(state), this.liveBlocks(state));
    if (state.phase === 'done') this.requestText.setText('Round over: every request is dealt with.');
    else if (state.hasPending) this.requestText.setText(`current request: malloc(${state.pending.size})`);
    else this.requestText.setText('waiting for the next request…');
    this.publish(state);
  }

  private publish(state: MatchState): void {
    publishForTests({
      version: state.version,
      phase: state.phase,
      pending: state.hasPending ? { id: state.pending.id, size: state.pending.size } : null,
      heapSize: this.heapExtent(state),
      blocks: this.liveBlocks(state),
      status: this.statusText.text,
    });
  }

  private onPointerDown(pointer: Phaser.Input.Pointer): void {
    const state = this.state();
    if (!state || !this.room) return;
    const address = this.heapView.addressAt(pointer.x, pointer.y);
    if (address === null) return;
    if (!state.hasPending) {
      this.showStatus('There is nothing to place right now.', UI.dim);
      return;
    }
    this.showStatus(`Placing malloc(${state.pending.size}) at address ${address}…`, UI.dim);
    this.room.send('place', { requestId: state.pending.id, target: address, version: state.version });
  }

  private showStatus(text: string, colour: string): void {
    this.statusText.setText(text).setColor(colour);
    const state = this.state();
    if (state) this.publish(state);
  }
}
