// The host's roster of a class of hundreds: the orders the dashboard offers, the search by
// nickname or private student identifier, and the one page of it the host's view carries
// (the room decides it: server/rooms/host-pages.ts; rules CLASS-ROSTER-* in SPEC.md). Pure.

import { foldedText } from './nickname.ts';

/** The orders the host can list students in (`host:page`'s `sort`). */
export const ROSTER_SORTS = ['rank', 'name', 'score', 'placed', 'fallbacks', 'late'] as const;
export type RosterSort = (typeof ROSTER_SORTS)[number];

/** The most students one page carries: what the host's view holds of a class, however large. */
export const ROSTER_PAGE_MAX = 60;
/** The longest search the host may send. */
export const ROSTER_SEARCH_MAX = 100;

/** What the roster knows of one student. */
export interface RosterEntry {
  readonly playerId: string;
  readonly nickname: string;
  /** The private identifier given at join ('' when none): searched, never shown to students. */
  readonly studentId: string;
  /** 0 until they have played a request (SC-8). */
  readonly rank: number;
  readonly score: number;
  readonly placed: number;
  /** Requests the fallback policy placed for them when their time ran out. */
  readonly fallbacks: number;
  /** How long after the round began they joined it, in ms (0: from the start, or no round). */
  readonly lateMs: number;
}

export interface RosterQuery {
  readonly offset: number;
  readonly limit: number;
  readonly sort: RosterSort;
  readonly search: string;
}

export interface RosterPage {
  /** The students on the page, in order. */
  readonly ids: string[];
  /** How many students the search finds (all of them for an empty search). */
  readonly total: number;
  /** Where the page starts among them (the query's, moved back when the list became shorter). */
  readonly offset: number;
}

/** The first page, by name: what a host sees before asking for another. */
export const FIRST_PAGE: RosterQuery = { offset: 0, limit: 30, sort: 'name', search: '' };

/** [CLASS-ROSTER-2] A text as search compares it: cleaned, lower-cased, accents and spaces dropped. */
export function searchKey(text: string): string {
  return foldedText(text);
}

/** [CLASS-ROSTER-2] Whether a student matches the search: a part of their nickname or their identifier. */
export function matchesSearch(entry: RosterEntry, search: string): boolean {
  const key = searchKey(search);
  return key === '' || searchKey(entry.nickname).includes(key) || searchKey(entry.studentId).includes(key);
}

function byName(a: RosterEntry, b: RosterEntry): number {
  const name = searchKey(a.nickname).localeCompare(searchKey(b.nickname));
  return name !== 0 ? name : a.playerId < b.playerId ? -1 : a.playerId > b.playerId ? 1 : 0;
}

/** Larger first. */
function descending(key: (e: RosterEntry) => number): (a: RosterEntry, b: RosterEntry) => number {
  return (a, b) => key(b) - key(a);
}

/** Rank 1 first; students with no rank yet (0) after everyone ranked. */
function byRank(a: RosterEntry, b: RosterEntry): number {
  return (a.rank === 0 ? Infinity : a.rank) - (b.rank === 0 ? Infinity : b.rank) || 0;
}

const ORDERS: Readonly<Record<RosterSort, (a: RosterEntry, b: RosterEntry) => number>> = {
  rank: byRank,
  name: () => 0,
  score: descending((e) => e.score),
  placed: descending((e) => e.placed),
  fallbacks: descending((e) => e.fallbacks),
  late: descending((e) => e.lateMs),
};

/** [CLASS-ROSTER-1] The students in the host's order; equal keys by name, then id, so pages never overlap. */
export function sortRoster(entries: readonly RosterEntry[], sort: RosterSort): RosterEntry[] {
  const order = ORDERS[sort];
  return [...entries].sort((a, b) => order(a, b) || byName(a, b));
}

/**
 * [CLASS-ROSTER-3] One page of the roster: the students the search finds, in the sort's order,
 * `limit` of them from `offset`. An offset past the end shows the last page, so a list that
 * became shorter (a search, a kick) never leaves the host on an empty one.
 */
export function rosterPage(entries: readonly RosterEntry[], query: RosterQuery): RosterPage {
  const found = sortRoster(entries.filter((e) => matchesSearch(e, query.search)), query.sort);
  const limit = Math.max(1, Math.min(ROSTER_PAGE_MAX, Math.floor(query.limit)));
  const lastStart = found.length === 0 ? 0 : Math.floor((found.length - 1) / limit) * limit;
  const offset = Math.max(0, Math.min(Math.floor(query.offset), lastStart));
  return { ids: found.slice(offset, offset + limit).map((e) => e.playerId), total: found.length, offset };
}
