// Each host client's page of the roster (`host:page`): which students, in which order, its
// view of the class carries. A class of 300 would otherwise stream every student's entry
// and heap to the dashboard (and to the projector, which joins as a host); a page holds at
// most 60 (shared/classroom/roster.ts decides it: CLASS-ROSTER-1..3), plus the students
// whose heap is open on the dashboard or put on the projector. The page is recomputed when
// the host asks for another and, when the class changed (joins, kicks, ranks), on the tick.

import type { Client } from '@colyseus/core';
import { FIRST_PAGE, rosterPage, type RosterEntry, type RosterQuery } from '../../shared/classroom/roster.ts';
import type { ClientMessage, RefusalMessage } from '../protocol/messages.ts';
import { HostPage, type ClassroomState } from '../state/classroom-state.ts';
import { syncNumbers } from '../state/match-state.ts';
import type { ClassSeats, Seated } from './class-seats.ts';

export interface HostPagesDeps {
  readonly state: ClassroomState;
  readonly seated: ClassSeats;
  /** Students the projector shows now (its heap, or the best and worst): every host sees them. */
  readonly projected: () => readonly string[];
}

interface Viewer {
  query: RosterQuery;
  /** The student whose heap the dashboard has open, kept in view whatever the page. */
  open: string;
  /** The students this host's view holds now. */
  shown: Set<string>;
  readonly page: HostPage;
}

export class HostPages {
  private readonly deps: HostPagesDeps;
  private readonly viewers = new Map<Client, Viewer>();
  /** Whether the class changed since the pages were last computed. */
  private stale = false;

  constructor(deps: HostPagesDeps) {
    this.deps = deps;
  }

  /** A host joined: their first page (by name), shown. */
  join(host: Client): void {
    const page = new HostPage();
    this.deps.state.hostPages.set(host.sessionId, page);
    host.view?.add(page);
    const viewer: Viewer = { query: FIRST_PAGE, open: '', shown: new Set(), page };
    this.viewers.set(host, viewer);
    this.show(host, viewer);
  }

  leave(host: Client): void {
    if (!this.viewers.delete(host)) return;
    this.deps.state.hostPages.delete(host.sessionId);
  }

  /** `host:page`: another page, order or search (and the student whose heap is open). */
  ask(host: Client, message: ClientMessage<'host:page'>): RefusalMessage | null {
    const viewer = this.viewers.get(host);
    if (!viewer) return { code: 'host/forbidden', message: 'only the host can do that' };
    const open = message.open ?? '';
    if (open !== '' && !this.deps.seated.get(open)) return { code: 'player/unknown', message: 'there is no such player in this class' };
    viewer.query = { offset: message.offset, limit: message.limit, sort: message.sort, search: message.search };
    viewer.open = open;
    this.show(host, viewer);
    return null;
  }

  /** The class changed (a join, a kick, new ranks, a new round): the pages follow on the next tick. */
  markStale(): void {
    this.stale = true;
  }

  /** Recomputes every page if the class changed since. */
  tick(): void {
    if (!this.stale) return;
    this.stale = false;
    for (const [host, viewer] of this.viewers) this.show(host, viewer);
  }

  /** The host clients whose view holds this student (a new heap of theirs goes to these). */
  viewersOf(playerId: string): Client[] {
    return [...this.viewers].filter(([, v]) => v.shown.has(playerId)).map(([host]) => host);
  }

  private entries(): RosterEntry[] {
    return this.deps.seated.all().map((s) => ({
      playerId: s.record.playerId,
      nickname: s.record.nickname,
      studentId: s.record.studentId ?? '',
      rank: s.info.rank,
      score: s.info.score,
      placed: s.info.placed,
      fallbacks: s.seat?.match.totals.fallbacks ?? 0,
      lateMs: s.lateMs,
    }));
  }

  /** Computes the host's page, syncs it, and makes their view hold exactly its students (and the open and projected ones). */
  private show(host: Client, viewer: Viewer): void {
    const page = rosterPage(this.entries(), viewer.query);
    const p = viewer.page;
    if (p.offset !== page.offset) p.offset = page.offset;
    if (p.limit !== viewer.query.limit) p.limit = viewer.query.limit;
    if (p.sort !== viewer.query.sort) p.sort = viewer.query.sort;
    if (p.search !== viewer.query.search) p.search = viewer.query.search;
    if (p.total !== page.total) p.total = page.total;
    // A shrinking page is rewritten whole: popping many entries of a list in one patch left a stale
    // entry on the host's side about one run in three (test/room/host-page.test.ts).
    if (page.ids.length < p.ids.length) {
      p.ids.clear();
      p.ids.push(...page.ids);
    } else syncNumbers(p.ids, page.ids);
    const wanted = new Set([...page.ids, ...this.deps.projected(), viewer.open].filter((id) => id !== ''));
    for (const id of viewer.shown) {
      const s = this.deps.seated.get(id);
      if (!wanted.has(id) && s) this.hide(host, s);
    }
    for (const id of wanted) {
      const s = this.deps.seated.get(id);
      if (s) this.deps.seated.showToHost(host, s);
    }
    viewer.shown = wanted;
  }

  private hide(host: Client, s: Seated): void {
    const view = host.view;
    if (!view) return;
    for (const ref of [s.info, s.privateInfo, s.seat?.view]) if (ref && view.has(ref)) view.remove(ref);
  }
}
