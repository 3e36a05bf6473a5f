// What the play scene publishes for the browser tests (test-hook.ts, PlayViewForTests):
// the match as synced, what the views drew and where they can be clicked.

import type Phaser from 'phaser';
import type { MatchState } from '../../../../server/state/match-state.ts';
import { extentOf } from '../../../../shared/core/extent.ts';
import type { KindView } from '../../../../shared/match/kind-view.ts';
import type { ClassRoundFactsForTests, PlayViewForTests } from '../../test-hook.ts';
import { addressProbes } from '../../test-probe.ts';
import type { BuddyView } from '../../views/BuddyView.ts';
import type { HeapView } from '../../views/HeapView.ts';
import { visibleTexts } from '../class/screen-report.ts';
import type { KindBoard } from '../kind-board.ts';

export interface PlayScreen {
  readonly scene: Phaser.Scene;
  readonly heapView: HeapView | null;
  readonly buddyView: BuddyView | null;
  readonly board: KindBoard | null;
  readonly kindView: KindView | null;
  /** The give-back button's centre while it is on screen. */
  readonly releaseButton: { readonly x: number; readonly y: number } | null;
  readonly explaining: boolean;
  readonly title: string;
  readonly status: string;
  /** The right edge of the heap's box: addresses drawn past it are not probed. */
  readonly heapRight: number;
  readonly classFacts: ClassRoundFactsForTests | null;
}

export function playViewForTests(m: MatchState, s: PlayScreen): PlayViewForTests {
  return {
    ...s.classFacts,
    scene: 'PlayScene',
    version: m.version,
    phase: m.phase,
    kind: m.kind,
    pending: m.hasPending ? { id: m.pending.id, size: m.pending.size, tag: m.pending.tag } : null,
    heapSize: extentOf(m.regions),
    blocks: m.regions.filter((r) => r.state === 'live').map((r) => ({ id: r.id, address: r.start, size: r.size })),
    holes: s.heapView?.holes().map((h) => ({ start: h.start, size: h.size, pastBreak: h.pastBreak })) ?? [],
    focus: s.heapView?.focusedHole()?.index ?? null,
    kindView: s.kindView,
    tree: s.buddyView ? Object.fromEntries(m.regions.filter((r) => r.state === 'free').map((r) => [r.start, s.buddyView?.pointOf(r.start) ?? null])) : null,
    spots: s.board?.spots() ?? [],
    boardFocus: s.board?.focused() ?? null,
    canRelease: m.canRelease,
    releaseButton: s.releaseButton,
    explaining: s.explaining,
    title: s.title,
    hints: m.hints.map((h) => ({ policy: h.policy, target: h.target })),
    status: s.status,
    probes: addressProbes(s.heapView, s.heapRight),
    texts: visibleTexts(s.scene),
    width: s.scene.scale.width,
    height: s.scene.scale.height,
  };
}
