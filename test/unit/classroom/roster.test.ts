import { describe, expect, it } from 'vitest';
import { matchesSearch, rosterPage, sortRoster, type RosterEntry } from '../../../shared/classroom/roster.ts';

function entry(playerId: string, nickname: string, fields: Partial<RosterEntry> = {}): RosterEntry {
  return { playerId, nickname, studentId: '', rank: 0, score: 0, placed: 0, fallbacks: 0, lateMs: 0, ...fields };
}

const CLASS: readonly RosterEntry[] = [
  entry('p1', 'zoë', { rank: 2, score: 700, placed: 9, fallbacks: 0, studentId: 'S-1001' }),
  entry('p2', 'Ada', { rank: 1, score: 900, placed: 8, fallbacks: 1, studentId: 'ada@uni.example' }),
  entry('p3', 'bob', { rank: 0, score: 0, placed: 0, fallbacks: 0, lateMs: 40_000 }),
  entry('p4', 'Chen', { rank: 2, score: 700, placed: 3, fallbacks: 4, lateMs: 5_000 }),
];

const ids = (entries: readonly RosterEntry[]): string[] => entries.map((e) => e.playerId);

describe('the host roster (CLASS-ROSTER)', () => {
  it('[CLASS-ROSTER-1] orders by each key, equal keys by name, unranked students last', () => {
    expect(ids(sortRoster(CLASS, 'name'))).toEqual(['p2', 'p3', 'p4', 'p1']);
    // Ada is rank 1; Chen and zoë share rank 2 (by name); bob has no rank yet.
    expect(ids(sortRoster(CLASS, 'rank'))).toEqual(['p2', 'p4', 'p1', 'p3']);
    expect(ids(sortRoster(CLASS, 'score'))).toEqual(['p2', 'p4', 'p1', 'p3']);
    expect(ids(sortRoster(CLASS, 'placed'))).toEqual(['p1', 'p2', 'p4', 'p3']);
    expect(ids(sortRoster(CLASS, 'fallbacks'))).toEqual(['p4', 'p2', 'p3', 'p1']);
    expect(ids(sortRoster(CLASS, 'late'))).toEqual(['p3', 'p4', 'p2', 'p1']);
  });

  it('[CLASS-ROSTER-1] same names are ordered by id, so pages of equal keys neither overlap nor skip', () => {
    const twins = Array.from({ length: 25 }, (_, i) => entry(`p${String(i).padStart(2, '0')}`, 'Sam', { score: 10 }));
    const seen = [0, 10, 20].flatMap((offset) => rosterPage(twins, { offset, limit: 10, sort: 'score', search: '' }).ids);
    expect(seen).toEqual(ids(twins));
  });

  it('[CLASS-ROSTER-2] finds a student by part of their nickname or identifier, case, accents and spaces ignored', () => {
    const found = (search: string): string[] => CLASS.filter((e) => matchesSearch(e, search)).map((e) => e.playerId);
    expect(found('ZOE')).toEqual(['p1']);
    expect(found('s-10')).toEqual(['p1']);
    expect(found('uni.example')).toEqual(['p2']);
    expect(found('  c h ')).toEqual(['p4']);
    expect(found('')).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(found('nobody')).toEqual([]);
  });

  it('[CLASS-ROSTER-3] pages what the search finds, at most 60, and an offset past the end gives the last page', () => {
    const many = Array.from({ length: 130 }, (_, i) => entry(`p${i}`, `Student ${String(i).padStart(3, '0')}`));
    const first = rosterPage(many, { offset: 0, limit: 60, sort: 'name', search: '' });
    expect(first.total).toBe(130);
    expect(first.ids).toHaveLength(60);
    expect(first.ids[0]).toBe('p0');
    expect(rosterPage(many, { offset: 0, limit: 500, sort: 'name', search: '' }).ids).toHaveLength(60);
    const past = rosterPage(many, { offset: 400, limit: 50, sort: 'name', search: '' });
    expect(past).toMatchObject({ offset: 100, total: 130 });
    expect(past.ids).toHaveLength(30);
    const searched = rosterPage(many, { offset: 60, limit: 60, sort: 'name', search: 'student 12' });
    expect(searched).toEqual({ ids: ['p120', 'p121', 'p122', 'p123', 'p124', 'p125', 'p126', 'p127', 'p128', 'p129'], total: 10, offset: 0 });
    expect(rosterPage([], { offset: 30, limit: 30, sort: 'rank', search: 'x' })).toEqual({ ids: [], total: 0, offset: 0 });
  });
});
