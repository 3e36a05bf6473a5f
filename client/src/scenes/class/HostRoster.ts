// The dashboard's roster controls for a class of hundreds: a search field (a name or a
// student ID) and an order (rank, name, score, placed, fallbacks, joined late) as real HTML
// controls over the canvas, and ◀ ▶ for the previous and next page. The server keeps the
// page (`host:page`, shared/classroom/SPEC.md CLASS-ROSTER): the host's view carries only
// its students, whom the student list and the heap thumbnails both show. This module holds
// the query, sends it when it changes (and again after a reconnection), and lays the bar out.

import type Phaser from 'phaser';
import { ROSTER_SORTS, ROSTER_PAGE_MAX, ROSTER_SEARCH_MAX, type RosterSort } from '../../../../shared/classroom/roster.ts';
import type { ClientMessages } from '../../net/messages.ts';
import type { RosterPageView } from './class-state.ts';
import type { Box } from './layout.ts';
import type { ButtonSet } from './screen-report.ts';
import { currentTextSize } from '../../a11y/comfort.ts';
import { textPx } from '../../palette.ts';
import { htmlFont } from '../../ui/html-text.ts';
import { pageButtonSize } from './views/PlayerListView.ts';

export const ROSTER_BUTTONS = ['page-prev', 'page-next'] as const;
const SORT_WORDS: Record<RosterSort, string> = { rank: 'Rank', name: 'Name', score: 'Score', placed: 'Placed', fallbacks: 'Fallbacks', late: 'Joined late' };
/** The bar's row at 100 % text; its fields grow with the text size (barHeight). */
const BAR_HEIGHT = 44;
const ROW_GAP = 8;
/**
 * The narrowest one-row bar at 100 % text: "Find" (40 px), a search field that shows its
 * placeholder (160), "Sort" (40), the widest order (140) and the gap; it grows with the
 * text size. Narrower (a phone, or large text), the search field takes a row of its own.
 */
const ONE_ROW_MIN = 400;
/** How long typing may pause before the search is sent (one message per word, not per key). */
const SEARCH_PAUSE_MS = 250;
const INPUT_STYLE: Partial<CSSStyleDeclaration> = {
  font: htmlFont(16), padding: '6px 8px', borderRadius: '6px', border: '2px solid #4a5163', background: '#1f232d', color: '#e8eaf0', minWidth: '0',
};

type PageQuery = ClientMessages['host:page'];

/** A row of the bar: a field's text at the player's size, its padding and border (INPUT_STYLE), at least BAR_HEIGHT. */
function barHeight(): number {
  return Math.max(BAR_HEIGHT, Math.ceil(textPx(16) * 1.25) + 20);
}

export class HostRoster {
  private readonly scene: Phaser.Scene;
  private readonly buttons: ButtonSet;
  private readonly post: (query: PageQuery) => void;
  private readonly bar: HTMLDivElement;
  private readonly search: HTMLInputElement;
  private readonly sort: HTMLSelectElement;
  private query: { offset: number; limit: number; sort: RosterSort; search: string; open: string } = { offset: 0, limit: 10, sort: 'name', search: '', open: '' };
  /** The query last sent, as JSON ('' when it must be sent again: a new connection). */
  private sent = '';
  private typing: Phaser.Time.TimerEvent | null = null;
  /** The server's page as last seen (how many the search finds). */
  private total = 0;

  constructor(scene: Phaser.Scene, buttons: ButtonSet, post: (query: PageQuery) => void) {
    this.scene = scene;
    this.buttons = buttons;
    this.post = post;
    // ◀ ▶ sit in the room the list's heading leaves them (PlayerListView's pageButtonSize).
    const options = { fontSize: 18, height: pageButtonSize().h, width: pageButtonSize().w };
    buttons.add('page-prev', '◀', () => this.turn(-1), { ...options, label: 'Previous page of students' });
    buttons.add('page-next', '▶', () => this.turn(1), { ...options, label: 'Next page of students' });
    this.bar = document.createElement('div');
    this.bar.setAttribute('role', 'search');
    this.bar.setAttribute('aria-label', 'Find students');
    Object.assign(this.bar.style, { position: 'absolute', display: 'none', gap: '8px', alignItems: 'center', zIndex: '5', font: htmlFont(15), color: '#a0a6b4' } satisfies Partial<CSSStyleDeclaration>);
    // Only its controls take the pointer, not the bar's empty room.
    Object.assign(this.bar.style, { flexWrap: 'wrap', rowGap: `${ROW_GAP}px`, alignContent: 'flex-start', pointerEvents: 'none' } satisfies Partial<CSSStyleDeclaration>);
    this.search = this.labelled('Find', document.createElement('input'));
    this.search.type = 'search';
    this.search.name = 'roster-search';
    this.search.placeholder = 'name or student ID';
    this.search.maxLength = ROSTER_SEARCH_MAX;
    this.search.autocomplete = 'off';
    this.search.spellcheck = false;
    this.search.style.flex = '1 1 auto';
    this.search.addEventListener('input', () => this.typed());
    this.sort = this.labelled('Sort', document.createElement('select'));
    this.sort.name = 'roster-sort';
    for (const sort of ROSTER_SORTS) this.sort.append(new Option(SORT_WORDS[sort], sort, sort === 'name', sort === 'name'));
    this.sort.addEventListener('change', () => this.change({ sort: ROSTER_SORTS.find((s) => s === this.sort.value) ?? 'name', offset: 0 }));
    document.body.append(this.bar);
    scene.events.once('shutdown', () => this.destroy());
    scene.events.once('destroy', () => this.destroy());
  }

  private labelled<T extends HTMLInputElement | HTMLSelectElement>(words: string, control: T): T {
    const label = document.createElement('label');
    Object.assign(label.style, { display: 'flex', gap: '6px', alignItems: 'center', flex: control instanceof HTMLInputElement ? '1 1 auto' : '0 0 auto', minWidth: '0', pointerEvents: 'auto' } satisfies Partial<CSSStyleDeclaration>);
    label.append(words, control);
    Object.assign(control.style, INPUT_STYLE);
    this.bar.append(label);
    return control;
  }

  destroy(): void {
    this.typing?.remove();
    this.bar.remove();
  }

  /** The connection is new (or back): the server starts every host on its first page, so the query goes again. */
  attach(): void {
    this.sent = '';
    this.flush();
  }

  /** How many students a page holds: as many as the list shows. */
  setLimit(rows: number): void {
    const limit = Math.max(1, Math.min(ROSTER_PAGE_MAX, Math.floor(rows)));
    if (limit !== this.query.limit) this.change({ limit, offset: Math.floor(this.query.offset / limit) * limit });
  }

  /** The student whose heap the dashboard has open (kept in the host's view off the page), or null. */
  setOpen(playerId: string | null): void {
    if ((playerId ?? '') !== this.query.open) this.change({ open: playerId ?? '' });
  }

  /** Takes the server's page in: an offset it moved back (a shorter list) becomes the query's. */
  follow(page: RosterPageView | null): void {
    if (!page) return;
    this.total = page.total;
    if (page.offset !== this.query.offset && page.offset < this.query.offset) {
      this.query = { ...this.query, offset: page.offset };
      this.sent = JSON.stringify(this.message());
    }
  }

  /** What the tests read: the query as sent. */
  get current(): PageQuery {
    return this.message();
  }

  private message(): PageQuery {
    const { offset, limit, sort, search, open } = this.query;
    return open ? { offset, limit, sort, search, open } : { offset, limit, sort, search };
  }

  private change(changes: Partial<HostRoster['query']>): void {
    this.query = { ...this.query, ...changes };
    this.flush();
  }

  private flush(): void {
    const message = this.message();
    const json = JSON.stringify(message);
    if (json === this.sent) return;
    this.sent = json;
    this.post(message);
  }

  private typed(): void {
    this.typing?.remove();
    this.typing = this.scene.time.delayedCall(SEARCH_PAUSE_MS, () => {
      this.typing = null;
      this.change({ search: this.search.value.slice(0, ROSTER_SEARCH_MAX), offset: 0 });
    });
  }

  private turn(step: number): void {
    const offset = Math.max(0, this.query.offset + step * this.query.limit);
    if (offset < this.total || step < 0) this.change({ offset });
  }

  /** Hides the bar and its buttons (another tab, the setup problem). */
  hide(): void {
    this.bar.style.display = 'none';
    this.buttons.setVisible(ROSTER_BUTTONS, false);
  }

  /**
   * The bar along the top of `box`: the search field and the order on one row, or, in a
   * narrow box (a phone), on two, the search field alone on the first. ◀ ▶ sit at the right
   * of the list's heading under it, the list's one paging control (the list leaves them room
   * and has none of its own: PlayerListView). Answers the box under the bar. While the
   * dashboard sleeps under another scene (a student's results) the HTML bar stays hidden,
   * whatever the class does meanwhile.
   */
  layout(box: Box, connected: boolean): Box {
    const rows = box.w < ONE_ROW_MIN * currentTextSize() ? 2 : 1;
    const height = rows * barHeight() + (rows - 1) * ROW_GAP;
    Object.assign(this.bar.style, {
      display: this.scene.sys.isSleeping() ? 'none' : 'flex',
      left: `${Math.round(box.x)}px`, top: `${Math.round(box.y)}px`, width: `${Math.max(0, Math.round(box.w))}px`, height: `${height}px`,
    } satisfies Partial<CSSStyleDeclaration>);
    this.searchLabel().style.flexBasis = rows === 2 ? '100%' : 'auto';
    const used = height + 10;
    this.buttons.setVisible(ROSTER_BUTTONS, true);
    const right = box.x + box.w;
    const page = pageButtonSize();
    const middle = box.y + used + page.h / 2;
    this.buttons.place('page-prev', right - 2 * page.w - 8 + page.w / 2, middle, page.w, page.h);
    this.buttons.place('page-next', right - page.w / 2, middle, page.w, page.h);
    this.buttons.setEnabled('page-prev', connected && this.query.offset > 0);
    this.buttons.setEnabled('page-next', connected && this.query.offset + this.query.limit < this.total);
    return { x: box.x, y: box.y + used, w: box.w, h: Math.max(0, box.h - used) };
  }

  /** The label that holds "Find" and the search field. */
  private searchLabel(): HTMLElement {
    return this.search.parentElement ?? this.search;
  }
}
