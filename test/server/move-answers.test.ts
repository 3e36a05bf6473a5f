// MoveAnswers (server/rooms/move-answers.ts): the moves answered in one turn share one patch
// broadcast, each mover's ack is queued behind that patch, and each mover's socket stays
// corked from the ack until the broadcast is over, so the kernel gets both in one write.

import { describe, expect, it, vi } from 'vitest';
import type { Client } from '@colyseus/core';
import { MoveAnswers } from '../../server/rooms/move-answers.ts';

/** A client of the ws transport as far as MoveAnswers sees it, recording what happens in order. */
function fakeClient(name: string, log: string[]): Client {
  const socket = { cork: () => log.push(`${name} cork`), uncork: () => log.push(`${name} uncork`) };
  return {
    ref: { _socket: socket },
    send: (type: string, body: unknown, options?: { afterNextPatch?: boolean }) => log.push(`${name} send ${type} ${JSON.stringify(body)}${options?.afterNextPatch ? ' after patch' : ''}`),
  } as unknown as Client;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('MoveAnswers', () => {
  it('answers the moves of one turn with one patch broadcast, each ack after it, each socket corked until it is sent', async () => {
    const log: string[] = [];
    const answers = new MoveAnswers(() => log.push('broadcast'));
    const ada = fakeClient('ada', log);
    const bob = fakeClient('bob', log);
    answers.ack(ada, 3);
    answers.ack(bob, 7);
    answers.ack(ada, 4);
    expect(log).not.toContain('broadcast');
    await vi.waitFor(() => expect(log).toContain('broadcast'));
    expect(log).toEqual([
      'ada cork', 'ada send ack 3 after patch',
      'bob cork', 'bob send ack 7 after patch',
      'ada send ack 4 after patch',
      'broadcast', 'ada uncork', 'bob uncork',
    ]);
    // A later turn's move gets a broadcast of its own.
    answers.ack(bob, 8);
    await nextTurn();
    expect(log.filter((l) => l === 'broadcast')).toHaveLength(2);
    expect(log.slice(-2)).toEqual(['broadcast', 'bob uncork']);
  });

  it('uncorks every socket even when the broadcast throws (a bug there must not silence the movers)', () => {
    const log: string[] = [];
    const answers = new MoveAnswers(() => {
      throw new Error('encoder bug');
    });
    answers.ack(fakeClient('ada', log), 1);
    expect(() => answers.flush()).toThrow('encoder bug');
    expect(log).toEqual(['ada cork', 'ada send ack 1 after patch', 'ada uncork']);
  });

  it('still acks a client of another transport (no socket to cork)', async () => {
    const log: string[] = [];
    const answers = new MoveAnswers(() => log.push('broadcast'));
    const plain = { send: (type: string, body: unknown) => log.push(`send ${type} ${String(body)}`) } as unknown as Client;
    answers.ack(plain, 2);
    await vi.waitFor(() => expect(log).toEqual(['send ack 2', 'broadcast']));
  });
});
