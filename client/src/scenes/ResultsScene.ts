// The results screen: the player's score and stars, the debrief (what decided the
// run, in words), a bar chart of the player against every built-in policy and, where
// it does better than all of them, the clairvoyant reference on the same stream, and
// a plot of heap and live bytes (and external fragmentation) over the round.
// It only reads the results the server computed; nothing is scored here.

import Phaser from 'phaser';
import type { RoundResults } from '../../../shared/match/results.ts';
import type { ContenderResult } from '../../../shared/match/contenders.ts';
import { externalFragmentation } from '../../../shared/core/metrics.ts';
import { Sound } from '../audio/sound.ts';
import { scoreTerms, starsFor } from '../../../shared/score/score.ts';
import { playerWords, type PlayerWords } from '../../../shared/score/player-words.ts';
import { ComparisonBarsView } from '../views/ComparisonBarsView.ts';
import { LinePlotView } from '../views/LinePlotView.ts';
import { formatAddress, formatBytes } from '../views/format.ts';
import { Button } from '../ui/Button.ts';
import { announce } from '../a11y/announcer.ts';
import { readScreen } from '../a11y/screen-text.ts';
import { UI, baseFontSize } from '../palette.ts';
import { publishForTests } from '../test-hook.ts';
import { visibleTexts } from './class/screen-report.ts';
import type { AssignmentRound } from '../net/connection.ts';
import { recordStars } from '../progress.ts';
import { ReplayView, type ReplaySide } from '../views/ReplayView.ts';
import { clairvoyantFrames, frameAt, playerFrames, policyFrames, type Frame } from '../../../shared/replay/frames.ts';
import { writeStep } from '../../../shared/replay/steps.ts';
import { engineOf, replayMatch, type LoggedMove, type RoundConfig } from '../../../shared/match/match.ts';
import { lineUpAreas } from '../../../shared/match/kind-view.ts';
import { policyLabel } from '../../../shared/match/kinds.ts';
import { onKey } from '../ui/keys.ts';
import { forScreen, isTouchOnly, withoutKeyHint } from '../ui/touch.ts';
import { currentTextSize, isMotionReduced } from '../a11y/comfort.ts';
import { chipRows, resultsLayout, resultsType, type Box, type ResultsLayout, type ResultsType } from './results-layout.ts';
import { measureText } from '../views/labels.ts';

/** What the server sends beside the results so a round can be replayed here. */
interface ReplaySource {
  readonly config: RoundConfig;
  readonly startedAtMs: number;
  readonly log: readonly LoggedMove[];
}

/** The results as a practice room sends them: with the replay source and, for a level, par and stars. */
type PracticeResults = RoundResults & {
  readonly replay?: ReplaySource;
  readonly level?: { readonly id: string; readonly par: { readonly policy: string; readonly score: number }; readonly stars: readonly [number, number, number] };
};

export interface ResultsSceneData {
  /** RoundResults as JSON (from the synced match). */
  readonly results: string;
  readonly level?: string;
  readonly title?: string;
  /** Score thresholds for one, two and three stars (from the level). */
  readonly stars?: readonly [number, number, number];
  /** A class round's results shown over the (sleeping) class scene: one button goes back to it. */
  readonly backTo?: string;
  /** An assignment's round: "play again" plays it again, and the other way on is back to the assignment. */
  readonly assignment?: AssignmentRound;
  /** Who played, when the reader is someone else (the host replaying a student's round): the words name them, not "you". */
  readonly player?: string;
}

/**
 * Whether the clairvoyant is a target of its own ([MATCH-CLAIR-3]): only where it beats
 * every built-in policy (results from before the flag existed always showed it).
 */
function showsClairvoyant(r: RoundResults): boolean {
  return (r as Partial<RoundResults>).clairvoyantBetter ?? true;
}

/** A contender's name on the bars: the player as `who` names them ("you", or the student the host watches). */
function barLabel(entry: ContenderResult, role: 'player' | 'policy' | 'reference', who: PlayerWords): string {
  return role === 'player' ? who.name : role === 'reference' ? 'clairvoyant (saw it all)' : policyLabel(entry.name);
}

function contenders(r: RoundResults): { entry: ContenderResult; role: 'player' | 'policy' | 'reference' }[] {
  return [
    { entry: r.player, role: 'player' as const },
    ...r.policies.map((p) => ({ entry: p, role: 'policy' as const })),
    ...(showsClairvoyant(r) ? [{ entry: r.clairvoyant, role: 'reference' as const }] : []),
  ];
}

/** What the clairvoyant is, said under the summary where it is shown and the debrief (which names it) is missing. */
function clairvoyantNote(r: RoundResults): string {
  return showsClairvoyant(r) && !r.debrief
    ? `The clairvoyant saw the whole stream in advance, every free included, and placed each block knowing it: it scores ${r.clairvoyant.card.score}.`
    : '';
}

const CLAIRVOYANT = 'clairvoyant';

/** The clairvoyant's frames on the stream the player faced (an adversary's stream depends on the player). */
function seerFrames(source: ReplaySource): ReturnType<typeof clairvoyantFrames> {
  const replayed = replayMatch(source.config, source.startedAtMs, source.log);
  return replayed.ok ? clairvoyantFrames(source.config, engineOf(replayed.value).events) : replayed;
}

/** The number keys that choose the replay's rival directly (1 for the first chip, …). */
const DIGIT_KEYS = ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'] as const;
/** The rival chips' text size and height (a touch target). */
const CHIP = { fontSize: 14, height: 44, padding: 24 } as const;

/** The replay panel with its row of rivals: what the scene lays out, shows and reads. */
interface Replay {
  readonly view: ReplayView;
  /** One chip per rival (each built-in policy, then the clairvoyant where it is shown). */
  readonly chips: readonly Button[];
  /** The rivals' names, in the chips' order. */
  readonly rivals: readonly string[];
  chosen(): number;
  refresh(): void;
  seek(moment: number): void;
}

/** A rival's name on its chip and on the replay's right side. */
function rivalLabel(name: string): string {
  return name === CLAIRVOYANT ? 'clairvoyant' : policyLabel(name);
}

/** A rival's chip: its name with the number key that chooses it ("lowest buddy (1)"; a touch screen shows no key). */
function chipText(name: string, index: number): string {
  const text = index < DIGIT_KEYS.length ? `${rivalLabel(name)} (${index + 1})` : rivalLabel(name);
  return isTouchOnly() ? withoutKeyHint(text) : text;
}

/** A chip's width for its text at CHIP's size, times a projector's factor. */
function chipWidth(name: string, index: number, scale = 1): number {
  return Math.ceil((measureText(chipText(name, index), CHIP.fontSize) + CHIP.padding) * scale);
}

/** A button's centre and size on screen. */
function spotOf(button: Button): { x: number; y: number; w: number; h: number } {
  return { x: button.x, y: button.y, w: button.width, h: button.height };
}

export class ResultsScene extends Phaser.Scene {
  private input_: ResultsSceneData = { results: '{}' };

  constructor() {
    super('ResultsScene');
  }

  init(data: ResultsSceneData): void {
    this.input_ = data;
  }

  create(): void {
    let results: PracticeResults;
    try {
      results = JSON.parse(this.input_.results) as PracticeResults;
      if (!results.player) throw new Error('no player result');
    } catch {
      this.add.text(24, 24, 'The results could not be read.', { fontFamily: 'system-ui, sans-serif', fontSize: '22px', color: UI.bad });
      new Button(this, 160, 100, 'Back to the title', () => this.scene.start('TitleScene'));
      return;
    }
    const score = results.player.card.score;
    const who = playerWords(this.input_.player);
    const thresholds = this.input_.stars ?? results.level?.stars;
    const stars = thresholds ? starsFor(score, thresholds) : 0;
    if (this.input_.level) recordStars(this.input_.level, stars);
    if (stars > 0) Sound.of('play').play('stars');
    const font = { fontFamily: 'system-ui, sans-serif', color: UI.text };
    const heading = this.add.text(0, 0, this.input_.title ? `${this.input_.title} — results` : 'Results', { ...font, fontSize: '26px', fontStyle: 'bold' });
    // The stars earned, large at the top right: each earned one pops in (at once with reduced motion).
    const starGlyphs = thresholds ? [0, 1, 2].map((i) => this.add.text(0, 0, i < stars ? '★' : '☆', { ...font, fontSize: '34px', color: i < stars ? '#f0e442' : UI.dim }).setOrigin(0.5)) : [];
    const animated = !isMotionReduced();
    starGlyphs.forEach((glyph, i) => {
      if (i >= stars || !animated) return;
      glyph.setScale(0);
      this.tweens.add({ targets: glyph, scale: 1, delay: 250 + i * 220, duration: 320, ease: 'Back.Out' });
    });
    const starText = thresholds ? `${'★'.repeat(stars)}${'☆'.repeat(3 - stars)}  (${stars} of 3 stars)` : '';
    const terms = scoreTerms({
      peakLive: results.player.summary.peakLive,
      peakHeap: results.player.summary.peakHeap,
      failures: results.player.totals.failures,
      fallbacks: results.player.totals.fallbacks,
    }, who);
    const summary = this.add.text(0, 0,
      `${who.Possessive} score ${score}  ${starText}\n` +
      `= ${terms.map((t) => t.text).join('   ')}\n` +
      `no heap can be smaller than ${formatBytes(results.lowerBound.peakLive)} (the stream's peak live) · ` +
      `${results.level ? `par: ${policyLabel(results.level.par.policy)} scores ${results.level.par.score} · ` : ''}best built-in policy: ${policyLabel(results.best.name)} (${results.best.card.score}); ${who.name} ${who.are} ${results.relative.delta >= 0 ? `${results.relative.delta} ahead` : `${-results.relative.delta} behind`}`,
      { ...font, fontSize: '17px', color: UI.text, lineSpacing: 6 });
    const debrief = this.add.text(0, 0, [results.debrief ?? '', clairvoyantNote(results)].filter((line) => line !== '').join('\n'),
      { ...font, fontSize: '17px', color: UI.text, fontStyle: 'italic', lineSpacing: 4 });
    const bars = new ComparisonBarsView(this);
    bars.show({
      title: 'score on the same stream (higher is better)',
      entries: contenders(results).map(({ entry, role }) => ({ label: barLabel(entry, role, who), value: entry.card.score, role })),
      format: (v) => String(Math.round(v)),
    });
    // A choice of rival (or a step) is published for the tests, as a layout is.
    const replay = this.makeReplay(results, who, () => publish());
    const plot = new LinePlotView(this);
    const timeline = results.player.timeline;
    plot.show({
      xLabel: replay ? forScreen('step (click to replay it)') : 'step',
      leftLabel: 'bytes',
      rightLabel: 'external fragmentation',
      leftFormat: formatBytes,
      rightFormat: (v) => v.toFixed(1),
      series: [
        { name: `${who.possessive} heap`, axis: 'left', style: 'solid', colour: 0xe69f00, points: timeline.map((p) => ({ x: p.op, y: p.heapBytes })) },
        { name: 'live bytes', axis: 'left', style: 'dashed', colour: 0x56b4e9, points: timeline.map((p) => ({ x: p.op, y: p.liveBytes })) },
        { name: `${policyLabel(results.best.name)}'s heap`, axis: 'left', style: 'dotted', colour: 0x009e73, points: results.best.timeline.map((p) => ({ x: p.op, y: p.heapBytes })) },
        { name: 'ext. fragmentation', axis: 'right', style: 'dotted', colour: 0xcc79a7, points: timeline.map((p) => ({ x: p.op, y: externalFragmentation(p) })) },
      ],
    });
    let showingReplay = false;
    const showReplay = (on: boolean): void => {
      showingReplay = on && replay !== null;
      replay?.view.setVisible(showingReplay);
      for (const chip of replay?.chips ?? []) chip.setVisible(showingReplay);
      if (showingReplay) replay?.refresh();
      toggle.setText(showingReplay ? 'Charts (P)' : 'Replay (P)');
      layout();
    };
    const toggle = new Button(this, 0, 0, 'Replay (P)', () => showReplay(!showingReplay), { key: 'P', width: 180 });
    // A click on the plot opens the replay at that step (the plot's operation N is the replay's step N).
    if (replay) {
      plot.onPick = (step) => {
        replay.seek(step);
        showReplay(true);
      };
    }
    toggle.setEnabled(replay !== null);
    const backTo = this.input_.backTo;
    // In a class the round is the host's to restart: the one way on is back to the class.
    const again = backTo
      ? new Button(this, 0, 0, 'Back to the class (B)', () => this.backToClass(backTo), { key: 'B', primary: true, width: 220 })
      : new Button(this, 0, 0, 'Play again (R)', () => this.scene.start('PlayScene', { level: this.input_.level, title: this.input_.title, assignment: this.input_.assignment }), { key: 'R', primary: true, width: 220 });
    const homework = this.input_.assignment;
    const levels = homework
      ? new Button(this, 0, 0, 'Assignment (L)', () => this.scene.start('AssignmentScene', { id: homework.info.id }), { key: 'L', width: 180 })
      : new Button(this, 0, 0, 'Levels (L)', () => this.scene.start('LevelSelectScene'), { key: 'L', width: 180 }).setVisible(!backTo);

    announce(`Round over. ${who.Possessive} score ${score}${thresholds ? `, ${stars} of 3 stars` : ''}; the best built-in policy, ${policyLabel(results.best.name)}, scores ${results.best.card.score}.`, 'assertive');
    /** What the last layout made, for the tests: the projector's factor, the text size, where the words and panels went. */
    let placed: Record<string, unknown> = {};
    const publish = (): void => publishForTests({
      scene: 'ResultsScene',
      thresholds: thresholds ?? null,
      replayable: replay !== null,
      showingReplay,
      score,
      stars,
      summary: summary.text,
      debrief: debrief.text,
      starsAnimated: animated && stars > 0,
      terms: terms.map((t) => ({ term: t.term, points: t.points, text: t.text })),
      contenders: contenders(results).map(({ entry, role }) => ({ name: entry.name, role, score: entry.card.score })),
      /** Where each button is on screen (centre and size), to click or tap. */
      buttons: backTo ? { back: spotOf(again), replay: spotOf(toggle) } : { again: spotOf(again), levels: spotOf(levels), replay: spotOf(toggle) },
      /** The replay's rivals: each chip's name, whether it is the one shown, and where it is. */
      layout: placed,
      rivals: replay ? replay.rivals.map((name, i) => ({ name, chosen: i === replay.chosen(), ...spotOf(replay.chips[i]!) })) : [],
      texts: visibleTexts(this),
    });
    const layout = (): void => {
      const { width, height } = this.scale;
      // Larger on a projector (the play screen's rule), smaller words on a phone (results-layout.ts).
      // The words at the player's text size, smaller only where they would leave the charts less than half the screen.
      let grow: number = currentTextSize();
      let type = resultsType(width, height, grow);
      let top = this.layOutWords({ heading, summary, debrief, starGlyphs }, type, width);
      while (grow > 1 && top > height * 0.5) {
        grow = Math.max(1, grow - 0.125);
        type = resultsType(width, height, grow);
        top = this.layOutWords({ heading, summary, debrief, starGlyphs }, type, width);
      }
      // The charts' words at the player's text size, smaller only until the bars' rows fit their box.
      const lay = (): ResultsLayout => resultsLayout({
        width, height, type, top, inClass: backTo !== undefined,
        barsHeight: bars.height(), barsMinHeight: bars.minHeight(), buttonWidths: [220, 180, 180],
      });
      let chartFont = baseFontSize(width, height);
      bars.setFont(chartFont);
      let at = lay();
      while (chartFont > baseFontSize(width, height, 1) && bars.minHeight() > at.bars.h) {
        bars.setFont(--chartFont);
        at = lay();
      }
      if (showingReplay && replay) {
        bars.layout(-10_000, -10_000, 1, 1);
        plot.layout(-10_000, -10_000, 1, 1);
        this.layOutReplay(replay, at.replay, type.scale);
      } else {
        bars.layout(at.bars.x, at.bars.y, at.bars.w, at.bars.h, chartFont);
        plot.layout(at.plot.x, at.plot.y, at.plot.w, at.plot.h, chartFont);
      }
      const boxOf = (t: Phaser.GameObjects.Text): Box => ({ x: t.x, y: t.y, w: t.width, h: t.height });
      placed = { width, height, scale: type.scale, body: type.body, heading: boxOf(heading), summary: boxOf(summary), bars: at.bars, plot: at.plot };
      [again, levels, toggle].forEach((button, i) => {
        const box = at.buttons[i];
        if (box) button.resize(box.w, box.h).setFontSize(type.button.fontSize).setPosition(box.x, box.y);
      });
      readScreen(this, heading.text);
      publish();
    };
    layout();
    this.scale.on('resize', layout);
    this.events.once('shutdown', () => {
      this.scale.off('resize', layout);
      bars.destroy();
      plot.destroy();
      replay?.view.destroy();
    });
    publish();
  }

  /** The heading, the stars, the summary and the debrief in `type`'s sizes; returns where the panels may start under them. */
  private layOutWords(words: { heading: Phaser.GameObjects.Text; summary: Phaser.GameObjects.Text; debrief: Phaser.GameObjects.Text; starGlyphs: Phaser.GameObjects.Text[] }, type: ResultsType, width: number): number {
    const { heading, summary, debrief, starGlyphs } = words;
    const pad = type.pad;
    const starsWidth = starGlyphs.length ? 3 * type.starStep + 8 : 0;
    heading.setFontSize(type.heading).setPosition(pad, 14).setWordWrapWidth(width - 2 * pad - starsWidth);
    starGlyphs.forEach((glyph, i) => glyph.setFontSize(type.star).setPosition(width - pad - (2 - i) * type.starStep - type.starStep / 2, 14 + type.star / 2));
    // A long title wraps on a phone: the summary starts under it, whatever its height.
    const summaryY = 14 + Math.max(heading.height, starGlyphs.length ? type.star : 0) + 10;
    summary.setFontSize(type.body).setLineSpacing(type.lineSpacing).setPosition(pad, summaryY).setWordWrapWidth(width - 2 * pad);
    debrief.setFontSize(type.body).setLineSpacing(type.lineSpacing).setPosition(pad, summaryY + summary.height + 8).setWordWrapWidth(width - 2 * pad);
    return summaryY + summary.height + 8 + (debrief.text === '' ? 0 : debrief.height + 8) + 8;
  }

  /** Ends this scene and wakes the class scene it was opened over. */
  private backToClass(scene: string): void {
    this.scene.stop();
    this.scene.wake(scene, { fromResults: true });
  }

  /** The row of rivals at the top of the replay's room (larger on a projector), the heaps and the slider under it. */
  private layOutReplay(replay: Replay, box: Box, scale: number): void {
    const widths = replay.rivals.map((name, i) => chipWidth(name, i, scale));
    const rows = chipRows(widths, box.w, Math.round(CHIP.height * scale));
    replay.chips.forEach((chip, i) => {
      const at = rows.chips[i];
      if (at) chip.resize(at.w, at.h).setFontSize(Math.round(CHIP.fontSize * scale)).setPosition(box.x + at.x, box.y + at.y);
    });
    const below = rows.height + 8;
    replay.view.layout(box.x, box.y + below, box.w, Math.max(0, box.h - below));
  }

  /**
   * The replay panel: the player's heap (titled as `who` names them) beside a rival's (a built-in policy, or the
   * clairvoyant where it is a target), frames computed here from the round's config and
   * log. The rival is chosen directly from a row of chips (or 1–9), or the next with V or a
   * tap on its title; each chip's DOM twin says which one is chosen. `changed` is called
   * after each redraw (a rival chosen, a step sought).
   */
  private makeReplay(results: PracticeResults, who: PlayerWords, changed: () => void): Replay | null {
    const source = results.replay;
    if (!source) return null;
    const mine = playerFrames(source.config, source.startedAtMs, source.log);
    if (!mine.ok) return null;
    // The clairvoyant joins the policies to step through where it is a target of its own.
    const policies = [...results.policies.map((p) => p.name), ...(showsClairvoyant(results) ? [CLAIRVOYANT] : [])];
    let policyIndex = Math.max(0, policies.indexOf(results.best.name));
    const cache = new Map<string, Frame[]>();
    const framesOf = (name: string): Frame[] => {
      let frames = cache.get(name);
      if (!frames) {
        const made = name === CLAIRVOYANT ? seerFrames(source) : policyFrames(source.config, name);
        frames = made.ok ? made.value : [];
        cache.set(name, frames);
      }
      return frames;
    };
    const lastMoment = mine.value[mine.value.length - 1]?.at ?? 0;
    let moment = lastMoment;
    const view = new ReplayView(this);
    view.setVisible(false);
    const sideOf = (title: string, frames: readonly Frame[]): ReplaySide => {
      const frame = frameAt(frames, moment);
      // Slabs and arenas each count from 0: lined up end to end for the address line.
      return { title, heap: lineUpAreas(frame?.heap ?? []), step: frame?.step ? writeStep(frame.step, formatAddress) : '' };
    };
    const chips = policies.map((name, i) => new Button(this, -10_000, -10_000, chipText(name, i), () => choose(i), {
      width: chipWidth(name, i), height: CHIP.height, fontSize: CHIP.fontSize,
      label: `Compare with ${name === CLAIRVOYANT ? 'the clairvoyant' : rivalLabel(name)}${i < DIGIT_KEYS.length ? ` (${i + 1})` : ''}`,
    }).setVisible(false));
    /** Shows the replay at `moment` beside the chosen rival; returns the two sides shown and the rival's spoken name. */
    const refresh = (): { left: ReplaySide; right: ReplaySide; rival: string } => {
      const name = policies[policyIndex] ?? '';
      const rival = name === CLAIRVOYANT ? 'the clairvoyant' : policyLabel(name);
      const title = `${name === CLAIRVOYANT ? 'clairvoyant (saw the whole stream)' : rival} ▸`;
      chips.forEach((chip, i) => chip.setSelected(i === policyIndex));
      const shown = { moment, lastMoment, left: sideOf(who.name, mine.value), right: sideOf(title, framesOf(name)) };
      view.show(shown);
      changed();
      return { left: shown.left, right: shown.right, rival };
    };
    const choose = (index: number): void => {
      if (index < 0 || index >= policies.length) return;
      policyIndex = index;
      refresh();
    };
    const seek = (to: number): void => {
      moment = Phaser.Math.Clamp(to, 0, lastMoment);
      // The step in words for a screen reader (the canvas shows it): both sides, as their labels read.
      const { left, right, rival } = refresh();
      announce(`Replay step ${moment} of ${lastMoment}. ${who.Name}: ${left.step || 'the start'}. ${rival}: ${right.step || 'the start'}.`);
    };
    view.onSeek = seek;
    const keyboard = this.input.keyboard;
    onKey(keyboard, 'keydown-LEFT', () => seek(moment - 1));
    onKey(keyboard, 'keydown-RIGHT', () => seek(moment + 1));
    onKey(keyboard, 'keydown-HOME', () => seek(0));
    onKey(keyboard, 'keydown-END', () => seek(lastMoment));
    const nextPolicy = (): void => {
      policyIndex = (policyIndex + 1) % Math.max(1, policies.length);
      refresh();
    };
    onKey(keyboard, 'keydown-V', nextPolicy);
    DIGIT_KEYS.forEach((key, i) => onKey(keyboard, `keydown-${key}`, () => chips[i]?.visible && choose(i)));
    view.onNextPolicy = nextPolicy;
    return { view, chips, rivals: policies, chosen: () => policyIndex, refresh, seek };
  }
}
