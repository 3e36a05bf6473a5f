// The dashboard's part in what the class looks at: a student's heap opened from their
// thumbnail (live, as they play), with "Show on projector" (named), "Anonymously" and
// "Back" (to the class), and the student's time accommodation (TimeAllowanceRow.ts); and, over the class figures, what the projector shows (the board, the
// best and worst beside first fit's, the class figures) and "Podium" (revealed between
// rounds: the session's podium on every screen, podium-reveal.ts), the current choice marked.
// The scene hands it a box and the state; it sends `host:project` through the scene's post.

import type Phaser from 'phaser';
import type { ClientMessages } from '../../net/messages.ts';
import { UI } from '../../palette.ts';
import { fitText, lineHeight } from '../../views/labels.ts';
import { classPhase, isRoundOn, type ClassStateLike } from './class-state.ts';
import { podiumOn } from './podium-reveal.ts';
import { takeTop, type Box } from './layout.ts';
import { projectionShow, spotlightHeap, type ProjectionShow } from './projection.ts';
import type { ButtonSet } from './screen-report.ts';
import { textStyle } from './views/text-style.ts';
import { TimeAllowanceRow } from './TimeAllowanceRow.ts';
import { WallHeapsView } from './views/WallHeapsView.ts';

/** The projector choices on the dashboard, with their buttons' words. */
const WALL_CHOICES: readonly { readonly show: Exclude<ProjectionShow, 'heap'>; readonly label: string; readonly short: string }[] = [
  { show: 'board', label: 'Board', short: 'Board' },
  { show: 'compare', label: 'Best & worst', short: 'Compare' },
  { show: 'figures', label: 'Figures', short: 'Figures' },
];
/** Below this width a projector button takes its short word (four buttons on a phone held upright). */
const NARROW_BUTTON = 110;
export const WALL_BUTTONS = [...WALL_CHOICES.map((c) => `wall-${c.show}`), 'wall-podium'];
export const SPOTLIGHT_BUTTONS = ['spot-named', 'spot-anonymous', 'spot-close'] as const;
/** Under a finished student's heap: their round, step by step (host:replay; the scene opens it). */
const REPLAY_BUTTON = 'spot-replay';
const BUTTON_HEIGHT = 44;

export class HostWall {
  private readonly buttons: ButtonSet;
  private readonly post: (body: ClientMessages['host:project']) => void;
  private readonly label: Phaser.GameObjects.Text;
  private readonly heaps: WallHeapsView;
  private readonly time: TimeAllowanceRow;
  /** The student whose heap is open on the dashboard, or null. */
  private opened: string | null = null;

  constructor(
    scene: Phaser.Scene, buttons: ButtonSet, post: (body: ClientMessages['host:project']) => void, onChange: () => void,
    postTime: (body: ClientMessages['host:time']) => void,
    revealPodium: () => void,
    replay: (playerId: string) => void,
  ) {
    this.buttons = buttons;
    this.post = post;
    this.label = scene.add.text(0, 0, 'Projector shows', textStyle(14, UI.dim, true));
    this.heaps = new WallHeapsView(scene);
    this.time = new TimeAllowanceRow(scene, buttons, postTime);
    const options = { fontSize: 16, height: BUTTON_HEIGHT };
    for (const { show, label } of WALL_CHOICES) buttons.add(`wall-${show}`, label, () => this.post({ show }), options);
    buttons.add('wall-podium', 'Podium', revealPodium, { ...options, label: 'Reveal the podium: totals across the rounds, on every screen' });
    buttons.add('spot-named', 'Show on projector', () => this.project(true), { ...options, primary: true });
    buttons.add('spot-anonymous', 'Anonymously', () => this.project(false), options);
    buttons.add('spot-close', 'Back', () => { this.opened = null; onChange(); }, options);
    buttons.add(REPLAY_BUTTON, 'Replay their round', () => {
      if (this.opened) replay(this.opened);
    }, { ...options, label: 'Replay this student\'s round step by step' });
  }

  /** The student whose heap is open, or null. */
  get openStudent(): string | null {
    return this.opened;
  }

  open(playerId: string): void {
    this.opened = playerId;
  }

  private project(named: boolean): void {
    if (this.opened) this.post({ show: 'heap', playerId: this.opened, named });
  }

  /** Hides all of it (another tab, the setup problem). */
  hide(): void {
    this.buttons.setVisible([...WALL_BUTTONS, ...SPOTLIGHT_BUTTONS, REPLAY_BUTTON], false);
    this.label.setVisible(false);
    this.heaps.setVisible(false);
    this.time.hide();
  }

  /** The projector row over the class figures; answers the box left under it. */
  layoutWallRow(box: Box, font: number, state: ClassStateLike | undefined, connected: boolean): Box {
    const small = Math.round(font * 0.9);
    this.label.setVisible(true).setFontSize(small).setPosition(box.x, box.y);
    const [, afterLabel] = takeTop(box, lineHeight(small) + 4);
    const podium = podiumOn(state);
    const current = podium ? null : projectionShow(state);
    const narrow = (afterLabel.w - 8 * (WALL_BUTTONS.length - 1)) / WALL_BUTTONS.length < NARROW_BUTTON;
    WALL_CHOICES.forEach(({ show, label, short }) => {
      const word = narrow ? short : label;
      this.buttons.setLabel(`wall-${show}`, show === current ? `● ${word}` : word);
      this.buttons.setEnabled(`wall-${show}`, connected);
    });
    this.buttons.setLabel('wall-podium', podium ? '● Podium' : 'Podium');
    this.buttons.setEnabled('wall-podium', connected && !isRoundOn(classPhase(state)) && [...(state?.totals ?? [])].length > 0);
    this.buttons.setVisible(WALL_BUTTONS, true);
    this.buttons.placeRow(WALL_BUTTONS, afterLabel.x, afterLabel.y, afterLabel.w, BUTTON_HEIGHT, 8);
    return takeTop(afterLabel, BUTTON_HEIGHT, 12)[1];
  }

  /**
   * The open student's heap, live, filling `box`, with its buttons; false when the student
   * has no heap to show (not in this round, or gone), and then it closes.
   */
  layoutSpotlight(box: Box, font: number, state: ClassStateLike | undefined, connected: boolean): boolean {
    const heap = this.opened ? spotlightHeap(state, this.opened, true) : null;
    const student = this.opened ? state?.players?.get(this.opened) : undefined;
    if (!heap || !student) {
      this.opened = null;
      this.time.hide();
      this.buttons.setVisible([...SPOTLIGHT_BUTTONS, REPLAY_BUTTON], false);
      this.heaps.setVisible(false);
      return false;
    }
    const projection = state?.projection;
    const onWall = projectionShow(state) === 'heap' && projection?.playerId === this.opened;
    this.buttons.setLabel('spot-named', onWall && projection.named ? '● On projector' : 'Show on projector');
    this.buttons.setLabel('spot-anonymous', onWall && !projection.named ? '● Anonymously' : 'Anonymously');
    for (const name of ['spot-named', 'spot-anonymous']) this.buttons.setEnabled(name, connected);
    this.buttons.setVisible(SPOTLIGHT_BUTTONS, true);
    this.buttons.placeRow(SPOTLIGHT_BUTTONS, box.x, box.y, box.w, BUTTON_HEIGHT, 8);
    let under = takeTop(box, BUTTON_HEIGHT, 12)[1];
    // Their round is over: it can be replayed, step by step.
    const finished = student.finished === true;
    this.buttons.setVisible([REPLAY_BUTTON], finished);
    if (finished) {
      this.buttons.setEnabled(REPLAY_BUTTON, connected);
      this.buttons.placeRow([REPLAY_BUTTON], under.x, under.y, under.w, BUTTON_HEIGHT);
      under = takeTop(under, BUTTON_HEIGHT, 12)[1];
    }
    const rest = this.time.layout(under, font, student, connected);
    this.heaps.setVisible(true);
    this.heaps.layout(rest.x, rest.y, rest.w, rest.h, font);
    this.heaps.show([{ ...heap, label: fitText(heap.label, rest.w, font, true) }]);
    return true;
  }
}
