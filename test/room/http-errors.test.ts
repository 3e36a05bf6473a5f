// Issue #12, item 15: every HTTP error the server answers is JSON `{ code, message }`,
// also where Colyseus's matchmaker answers (an unknown room, a malformed body) and where
// the gate does (a body too large), and for a route that does not exist.
import { describe, expect, it } from 'vitest';
import { appServer } from './app-server.ts';

const colyseus = appServer();

async function answer(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: unknown }> {
  const res = await fetch(`${colyseus.base}${path}`, { method, body, headers: { 'content-type': 'application/json', ...headers } });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: the assertion below says so
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: parsed };
}

const isError = { code: expect.stringMatching(/^[a-z_]+\/[a-z_]+$/), message: expect.any(String) };

describe('HTTP errors are { code, message } JSON on every route', () => {
  it.each([
    ['an unknown room id (matchmaker)', 'POST', '/matchmake/joinById/no-such-room', '{}'],
    ['a malformed JSON body (matchmaker)', 'POST', '/matchmake/create/practice', '{"level": '],
    ['a level that does not exist (matchmaker)', 'POST', '/matchmake/create/practice', '{"level":"nope"}'],
    ['an unknown matchmaking method', 'POST', '/matchmake/teleport/practice', '{}'],
    ['a body over the limit', 'POST', '/matchmake/create/practice', JSON.stringify({ pad: 'x'.repeat(40_000) })],
    ['an unknown API route', 'GET', '/api/nothing-here', undefined],
    ['an unknown class', 'GET', '/api/classes/ZZZZZZ', undefined],
    ['results without the key', 'GET', '/api/classes/ZZZZZZ/results.csv', undefined],
  ])('%s', async (_what, method, path, body) => {
    const got = await answer(method, path, body);
    expect(got.status).toBeGreaterThanOrEqual(400);
    expect(got.type).toMatch(/application\/json/);
    expect(got.body).toEqual(expect.objectContaining(isError));
  });
});
