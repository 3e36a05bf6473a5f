// Who may join a classroom (server/rooms/admission.ts): the host by key, a returning
// student by token, a new student by code and a free nickname while the class is open;
// each refusal with its status and code (docs/PROTOCOL.md), wrong codes counted.
import { describe, expect, it } from 'vitest';
import { admitJoin, type ClassDoor } from '../../server/rooms/admission.ts';
import { hashSecret } from '../../server/classroom/secrets.ts';
import type { PlayerRecord, SessionRecord } from '../../server/storage/storage.ts';

const session: SessionRecord = { id: 's-1', code: 'KCM4PQ', hostKeyHash: hashSecret('host-key'), createdAt: 0, status: 'open', settings: '{}' };
const player = (playerId: string, nickname: string, token: string, barred = false): PlayerRecord => ({ sessionId: 's-1', playerId, nickname, tokenHash: hashSecret(token), joinedAt: 0, barred });
const ada = player('p1', 'Ada', 'ada-token');
const eve = player('p2', 'Eve', 'eve-token', true);

function door(changes: Partial<ClassDoor> = {}): ClassDoor & { badJoins: number } {
  const counted = {
    badJoins: 0,
    session, locked: false, lateJoin: true, askStudentId: 'none' as const, roundRunning: false,
    seated: () => [ada],
    stored: async () => [ada, eve],
    noteBadJoin: () => {
      counted.badJoins++;
      return true;
    },
    ...changes,
  };
  return counted;
}

describe('classroom admission', () => {
  it('admits the host by key, a returning student by token, a new student by code with their nickname', async () => {
    expect(await admitJoin({ hostKey: 'host-key' }, door())).toEqual({ ok: true, value: { role: 'host' } });
    expect(await admitJoin({ code: 'kcm4pq', token: 'ada-token' }, door())).toEqual({ ok: true, value: { role: 'student', playerId: 'p1' } });
    expect(await admitJoin({ code: 'KCM4PQ', nickname: 'Grace' }, door())).toEqual({ ok: true, value: { role: 'student', nickname: 'Grace', studentId: '' } });
  });

  it('refuses a wrong key or code (403), counting it; 429 once the address has tried too many', async () => {
    const d = door();
    expect(await admitJoin({ hostKey: 'guess' }, d)).toMatchObject({ ok: false, status: 403, code: 'host/forbidden' });
    expect(await admitJoin({ code: 'AAAAAA', nickname: 'x' }, d)).toMatchObject({ ok: false, status: 403, code: 'class/unknown' });
    expect(d.badJoins).toBe(2);
    expect(await admitJoin({ code: 'AAAAAA' }, door({ noteBadJoin: () => false }))).toMatchObject({ ok: false, status: 429, code: 'join/too_many_attempts' });
  });

  it('refuses malformed options (400) before anything else', async () => {
    expect(await admitJoin({ code: 'KCM4PQ', role: 'host' }, door())).toMatchObject({ ok: false, status: 400, code: 'message/unknown_field' });
    expect(await admitJoin('KCM4PQ', door())).toMatchObject({ ok: false, status: 400, code: 'message/malformed' });
  });

  it('keeps a barred student out by their token, and newcomers out of a locked class or a running round without late join', async () => {
    expect(await admitJoin({ code: 'KCM4PQ', token: 'eve-token' }, door())).toMatchObject({ ok: false, status: 403, code: 'class/barred' });
    expect(await admitJoin({ code: 'KCM4PQ', nickname: 'Grace' }, door({ locked: true }))).toMatchObject({ ok: false, status: 403, code: 'class/locked' });
    expect(await admitJoin({ code: 'KCM4PQ', nickname: 'Grace' }, door({ lateJoin: false, roundRunning: true }))).toMatchObject({ ok: false, status: 403, code: 'class/no_late_join' });
    expect(await admitJoin({ code: 'KCM4PQ', nickname: 'Grace' }, door({ lateJoin: false, roundRunning: false }))).toMatchObject({ ok: true });
    // A returning student comes back to their seat even when the class is locked.
    expect(await admitJoin({ code: 'KCM4PQ', token: 'ada-token' }, door({ locked: true }))).toMatchObject({ ok: true, value: { playerId: 'p1' } });
  });

  it('[CLASS-SID-1] asks a new student for the identifier the class wants (400 without it), never a returning one', async () => {
    const asking = door({ askStudentId: 'email' });
    expect(await admitJoin({ code: 'KCM4PQ', nickname: 'Grace' }, asking)).toMatchObject({ ok: false, status: 400, code: 'student_id/required' });
    expect(await admitJoin({ code: 'KCM4PQ', nickname: 'Grace', studentId: 'grace' }, asking)).toMatchObject({ ok: false, status: 400, code: 'student_id/invalid' });
    expect(await admitJoin({ code: 'KCM4PQ', nickname: 'Grace', studentId: ' grace@uni.example ' }, asking))
      .toEqual({ ok: true, value: { role: 'student', nickname: 'Grace', studentId: 'grace@uni.example' } });
    expect(await admitJoin({ code: 'KCM4PQ', token: 'ada-token' }, asking)).toEqual({ ok: true, value: { role: 'student', playerId: 'p1' } });
    // A class that asks for nothing stores nothing, whatever is sent.
    expect(await admitJoin({ code: 'KCM4PQ', nickname: 'Grace', studentId: 'S1' }, door())).toMatchObject({ ok: true, value: { studentId: '' } });
  });

  it('refuses a nickname someone holds (409), ignoring case', async () => {
    expect(await admitJoin({ code: 'KCM4PQ', nickname: 'ADA' }, door())).toMatchObject({ ok: false, status: 409, code: 'nickname/taken' });
  });
});
