// The HTTP gate (issue #12, security items 12-15): forged proxy headers do not move a
// client to another address, bodies are size-limited everywhere, classrooms are not
// open to generic matchmaking, class creation and seat reservations are capped per
// address, and HTTP errors are { code, message } JSON.

import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxiesFrom } from '../../server/protocol/http-gate.ts';
import { lanAddresses } from '../../server/net/join-url.ts';
import { appServer } from '../room/app-server.ts';

const server = appServer({ MALLOCADE_CLASS_RATE: '1,4', MALLOCADE_RESERVATION_RATE: '1,6' });

async function json(res: Response): Promise<Record<string, unknown>> {
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return (await res.json()) as Record<string, unknown>;
}

function fakeRequest(peer: string, headers: Record<string, string>): IncomingMessage {
  return { socket: { remoteAddress: peer }, headers } as unknown as IncomingMessage;
}

describe('the client address', () => {
  it('is the socket peer when no proxy is trusted, whatever the headers say', () => {
    expect(clientAddress(fakeRequest('10.0.0.7', { 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '5.6.7.8' }), 0)).toBe('10.0.0.7');
  });

  it('behind trusted proxies, is read from X-Forwarded-For from the right, one entry per proxy', () => {
    const req = fakeRequest('127.0.0.1', { 'x-forwarded-for': 'forged, 203.0.113.9' });
    expect(clientAddress(req, 1)).toBe('203.0.113.9');
    expect(clientAddress(req, 2)).toBe('forged');
    expect(clientAddress(fakeRequest('127.0.0.1', {}), 1)).toBe('127.0.0.1');
  });

  it('TRUST_PROXY is a number of proxies or true/false; anything else is a clear error', () => {
    expect(trustedProxiesFrom(undefined)).toBe(0);
    expect(trustedProxiesFrom('false')).toBe(0);
    expect(trustedProxiesFrom('true')).toBe(1);
    expect(trustedProxiesFrom('2')).toBe(2);
    expect(() => trustedProxiesFrom('loopback')).toThrow(/TRUST_PROXY/);
  });
});

describe('the HTTP gate in front of the server', () => {
  it('hands out a join link phones can reach, not the loopback address the host used', async () => {
    const res = await fetch(`${server.base}/api/classes`, { method: 'POST' });
    const body = (await json(res)) as { code: string; joinUrl: string };
    const lan = lanAddresses()[0];
    expect(body.joinUrl).toBe(`http://${lan ?? '127.0.0.1'}:${server.port}/?join=${body.code}`);
    const found = await json(await fetch(`${server.base}/api/classes/${body.code}`, { headers: { host: `localhost:${server.port}` } }));
    expect(found.joinUrl).toBe(`http://${lan ?? 'localhost'}:${server.port}/?join=${body.code}`);
  });

  it('rotating X-Forwarded-For and X-Real-IP does not escape the wrong-code limiter', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const forged = `198.51.100.${i + 1}`;
      const res = await fetch(`${server.base}/api/classes/ZZZZZZ`, { headers: { 'x-forwarded-for': forged, 'x-real-ip': forged, 'x-client-ip': forged } });
      statuses.push(res.status);
      await res.body?.cancel();
    }
    // One address, whatever the headers say: its burst of 10 lookups, then refusals.
    const firstRefused = statuses.indexOf(429);
    expect(firstRefused).toBeGreaterThan(0);
    expect(firstRefused).toBeLessThanOrEqual(10);
    expect(statuses.slice(0, firstRefused).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(firstRefused).every((s) => s === 429)).toBe(true);
  });

  it('refuses generic matchmaking into classrooms, without handing out a room id', async () => {
    const created = await fetch(`${server.base}/api/classes`, { method: 'POST' });
    expect(created.status).toBe(201);
    for (const verb of ['join', 'joinOrCreate', 'create']) {
      const res = await fetch(`${server.base}/matchmake/${verb}/classroom`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status, verb).toBe(403);
      const body = await json(res);
      expect(body.code).toBe('class/join_by_code');
      expect(JSON.stringify(body)).not.toMatch(/roomId/);
    }
  });

  it('refuses a body over the limit before anything parses it, on every route', async () => {
    const big = `{"x":"${'a'.repeat(20 * 1024 * 1024)}"}`;
    for (const url of ['/matchmake/joinById/whatever', '/api/classes']) {
      const res = await fetch(`${server.base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
      expect(res.status, url).toBe(413);
      expect((await json(res)).code).toBe('request/too_large');
    }
  });

  it('answers an unknown API route with { code, message } JSON', async () => {
    const res = await fetch(`${server.base}/api/nothing-here`);
    expect(res.status).toBe(404);
    const body = await json(res);
    expect(typeof body.code).toBe('string');
    expect(typeof body.message).toBe('string');
  });

  it('caps seat reservations per address (MALLOCADE_RESERVATION_RATE), also when the address is forged', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${server.base}/matchmake/joinById/no-such-room`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${i}` }, body: '{}',
      });
      statuses.push(res.status);
      await res.body?.cancel();
    }
    expect(statuses.slice(0, 6)).not.toContain(429);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });

  it('rate-limits creating classes per address (MALLOCADE_CLASS_RATE)', async () => {
    // Two classes were created above; the burst is 4.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${server.base}/api/classes`, { method: 'POST', headers: { 'x-forwarded-for': `192.0.2.${i}` } });
      statuses.push(res.status);
      await res.body?.cancel();
    }
    expect(statuses.slice(0, 2)).toEqual([201, 201]);
    expect(statuses.slice(2)).toEqual([429, 429]);
    const res = await fetch(`${server.base}/api/classes`, { method: 'POST' });
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await json(res)).code).toBe('class/too_many_created');
  });
});
