// A class's results as CSV for gradebooks: UTF-8 with a byte-order mark (so Excel
// reads names right), spreadsheet formulas defused. Three layouts: `rows` (one row per
// student per round, with the round's title, fallback placements and the student's
// total), and one column per round keyed by the student's identifier, as Canvas's and
// Moodle's gradebook importers take them.

import { countsTowardTotal } from '../../shared/score/podium.ts';

/** One stored result of one student in one round. */
export interface GradebookResult {
  readonly roundNo: number;
  readonly playerId: string;
  readonly utilization: number;
  readonly fragmentation: number;
  readonly failures: number;
  readonly fallbacks: number;
  readonly score: number;
  /** Requests played (results stored before they were counted have none). */
  readonly played?: number;
  /** The score against the round's best policy on the same part (shared/score SC-7). */
  readonly vsBest?: number;
  /** 0: no rank (the student played nothing, SC-8). */
  readonly rank: number;
  /** An assignment's attempt finished after its deadline. */
  readonly late?: boolean;
}

export interface GradebookStudent {
  readonly playerId: string;
  readonly nickname: string;
  /** The private identifier the host asked for at join (student ID or e-mail), '' when none. */
  readonly studentId: string;
}

export interface GradebookRound {
  readonly roundNo: number;
  readonly title: string;
}

export interface Gradebook {
  readonly rounds: readonly GradebookRound[];
  readonly students: readonly GradebookStudent[];
  readonly results: readonly GradebookResult[];
}

export const GRADEBOOK_LAYOUTS = ['rows', 'canvas', 'moodle'] as const;
export type GradebookLayout = (typeof GRADEBOOK_LAYOUTS)[number];

export function isGradebookLayout(value: unknown): value is GradebookLayout {
  return typeof value === 'string' && (GRADEBOOK_LAYOUTS as readonly string[]).includes(value);
}

const BOM = '\uFEFF';

/** Quotes a CSV field when it needs it, and defuses spreadsheet formulas (a number is never one: −40 stays a number). */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(lines: readonly (readonly (string | number)[])[]): string {
  return `${BOM}${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Each student's total score over the session's rounds: those they played a request in (shared/score SC-10, as the podium sums). */
function totals(results: readonly GradebookResult[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of results) if (countsTowardTotal(r.played)) sums.set(r.playerId, (sums.get(r.playerId) ?? 0) + r.score);
  return sums;
}

function roundLabel(round: GradebookRound): string {
  return round.title ? `Round ${round.roundNo}: ${round.title}` : `Round ${round.roundNo}`;
}

/** One row per student per round, in round order, then by nickname. */
function rowsLayout(book: Gradebook): string {
  const byId = new Map(book.students.map((s) => [s.playerId, s]));
  const titles = new Map(book.rounds.map((r) => [r.roundNo, r.title]));
  const sums = totals(book.results);
  const sorted = [...book.results].sort((a, b) => a.roundNo - b.roundNo || (byId.get(a.playerId)?.nickname ?? '').localeCompare(byId.get(b.playerId)?.nickname ?? ''));
  const header = ['round', 'round title', 'nickname', 'student id', 'utilization', 'fragmentation', 'failures', 'fallbacks', 'played', 'score', 'vs best', 'rank', 'total', 'late'];
  return csv([
    header,
    ...sorted.map((r) => {
      const student = byId.get(r.playerId);
      return [
        r.roundNo, titles.get(r.roundNo) ?? '', student?.nickname ?? r.playerId, student?.studentId ?? '',
        r.utilization.toFixed(4), r.fragmentation.toFixed(4), r.failures, r.fallbacks, r.played ?? '', r.score, r.vsBest ?? '', r.rank > 0 ? r.rank : '', sums.get(r.playerId) ?? 0, r.late ? 'late' : '',
      ];
    }),
  ]);
}

/** The students to list in a gradebook layout: those with a result, by nickname. */
function gradedStudents(book: Gradebook): GradebookStudent[] {
  const graded = new Set(book.results.map((r) => r.playerId));
  return book.students.filter((s) => graded.has(s.playerId)).sort((a, b) => a.nickname.localeCompare(b.nickname));
}

function scoreGrid(book: Gradebook, student: GradebookStudent): (string | number)[] {
  const scores = book.rounds.map((round) => book.results.find((r) => r.roundNo === round.roundNo && r.playerId === student.playerId)?.score ?? '');
  return [...scores, totals(book.results).get(student.playerId) ?? 0];
}

/**
 * Canvas's gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, then one
 * column per assignment. Canvas matches a row by SIS User ID (the student identifier)
 * when ID is empty; a second row holds "Points Possible".
 */
function canvasLayout(book: Gradebook): string {
  const rounds = book.rounds.map(roundLabel);
  const header = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', ...rounds, 'Mallocade total'];
  const possible = ['    Points Possible', '', '', '', '', ...book.rounds.map(() => 1000), book.rounds.length * 1000];
  return csv([header, possible, ...gradedStudents(book).map((s) => [s.nickname, '', s.studentId, '', '', ...scoreGrid(book, s)])]);
}

/** Moodle's grade import: a user-identifying column (ID number) to map, then one column per grade item. */
function moodleLayout(book: Gradebook): string {
  const header = ['ID number', 'Nickname', ...book.rounds.map(roundLabel), 'Mallocade total'];
  return csv([header, ...gradedStudents(book).map((s) => [s.studentId, s.nickname, ...scoreGrid(book, s)])]);
}

export function gradebookCsv(book: Gradebook, layout: GradebookLayout): string {
  if (layout === 'canvas') return canvasLayout(book);
  if (layout === 'moodle') return moodleLayout(book);
  return rowsLayout(book);
}
