// Grades home (issue #14, item 12): the results CSV opens right in Excel (BOM), names
// rounds by title, counts fallback placements, totals each student, and comes in the
// one-column-per-round layouts Canvas's and Moodle's gradebook importers take.

import { describe, expect, it } from 'vitest';
import { gradebookCsv, type Gradebook } from '../../server/classroom/gradebook.ts';

const book: Gradebook = {
  rounds: [{ roundNo: 1, title: 'Best fit gone wrong' }, { roundNo: 2, title: 'Buddy: four peaks' }],
  students: [
    { playerId: 'p1', nickname: 'Zoé', studentId: 's1001' },
    { playerId: 'p2', nickname: 'Ada', studentId: 'ada@example.edu' },
    { playerId: 'p3', nickname: '=cmd()', studentId: '' },
  ],
  results: [
    { roundNo: 1, playerId: 'p1', utilization: 0.8, fragmentation: 0.25, failures: 0, fallbacks: 2, played: 12, score: 750, vsBest: -150, rank: 2 },
    { roundNo: 1, playerId: 'p2', utilization: 0.9, fragmentation: 0.1111, failures: 0, fallbacks: 0, score: 900, rank: 1 },
    { roundNo: 2, playerId: 'p2', utilization: 0.5, fragmentation: 1, failures: 1, fallbacks: 0, score: 400, rank: 1 },
    { roundNo: 1, playerId: 'p3', utilization: 0.1, fragmentation: 9, failures: 3, fallbacks: 0, score: 0, rank: 3 },
  ],
};

function lines(text: string): string[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  return text.slice(1, -2).split('\r\n');
}

describe('the gradebook CSV', () => {
  it('rows: one per student per round, with the round title, fallbacks and the student\'s total; formulas defused', () => {
    expect(lines(gradebookCsv(book, 'rows'))).toEqual([
      'round,round title,nickname,student id,utilization,fragmentation,failures,fallbacks,played,score,vs best,rank,total,late',
      "1,Best fit gone wrong,'=cmd(),,0.1000,9.0000,3,0,,0,,3,0,",
      '1,Best fit gone wrong,Ada,ada@example.edu,0.9000,0.1111,0,0,,900,,1,1300,',
      '1,Best fit gone wrong,Zoé,s1001,0.8000,0.2500,0,2,12,750,-150,2,750,',
      '2,Buddy: four peaks,Ada,ada@example.edu,0.5000,1.0000,1,0,,400,,1,1300,',
    ]);
  });

  it('[SC-7] [SC-8] [SC-10] rows: the requests played, the figure against the best policy as a number (a minus is no formula), no rank and nothing toward the total for a student who played nothing', () => {
    const idle: Gradebook = {
      rounds: [{ roundNo: 1, title: 'Buddy: four peaks' }],
      students: [{ playerId: 'p1', nickname: 'Ahead', studentId: '' }, { playerId: 'p2', nickname: 'Idle', studentId: '' }],
      results: [
        { roundNo: 1, playerId: 'p1', utilization: 0.78, fragmentation: 0.28, failures: 0, fallbacks: 0, played: 20, score: 780, vsBest: -40, rank: 1 },
        { roundNo: 1, playerId: 'p2', utilization: 1, fragmentation: 0, failures: 0, fallbacks: 0, played: 0, score: 1000, vsBest: 0, rank: 0 },
      ],
    };
    expect(lines(gradebookCsv(idle, 'rows')).slice(1)).toEqual([
      '1,Buddy: four peaks,Ahead,,0.7800,0.2800,0,0,20,780,-40,1,780,',
      '1,Buddy: four peaks,Idle,,1.0000,0.0000,0,0,0,1000,0,,0,',
    ]);
  });

  it('rows: an assignment\'s attempt finished after its deadline is marked late', () => {
    const homework: Gradebook = {
      rounds: [{ roundNo: 1, title: 'Assignment: Week 3 · Ramp' }],
      students: [{ playerId: 'p1', nickname: 'Ada', studentId: 'S1' }, { playerId: 'p2', nickname: 'Bo', studentId: 'S2' }],
      results: [
        { roundNo: 1, playerId: 'p1', utilization: 1, fragmentation: 0, failures: 0, fallbacks: 0, played: 4, score: 1000, vsBest: 0, rank: 0, late: true },
        { roundNo: 1, playerId: 'p2', utilization: 1, fragmentation: 0, failures: 0, fallbacks: 0, played: 4, score: 1000, vsBest: 0, rank: 0, late: false },
      ],
    };
    expect(lines(gradebookCsv(homework, 'rows')).slice(1).map((l) => l.split(',').slice(-2).join(','))).toEqual(['1000,late', '1000,']);
  });

  it('canvas: Student, ID, SIS User ID (the student identifier), SIS Login ID, Section, a column per round, points possible', () => {
    expect(lines(gradebookCsv(book, 'canvas'))).toEqual([
      'Student,ID,SIS User ID,SIS Login ID,Section,Round 1: Best fit gone wrong,Round 2: Buddy: four peaks,Mallocade total',
      '    Points Possible,,,,,1000,1000,2000',
      "'=cmd(),,,,,0,,0",
      'Ada,,ada@example.edu,,,900,400,1300',
      'Zoé,,s1001,,,750,,750',
    ]);
  });

  it('moodle: the ID number to map users by, then a column per round and the total', () => {
    expect(lines(gradebookCsv(book, 'moodle'))).toEqual([
      'ID number,Nickname,Round 1: Best fit gone wrong,Round 2: Buddy: four peaks,Mallocade total',
      ",'=cmd(),0,,0",
      'ada@example.edu,Ada,900,400,1300',
      's1001,Zoé,750,,750',
    ]);
  });
});
