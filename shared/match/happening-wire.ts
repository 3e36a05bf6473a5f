// [MATCH-EVENT-5] The happenings as the synced state carries them: a JSON array of short
// tuples, one per happening in order, each led by a one-letter code, instead of objects
// with their keys spelled out (a seat's happenings are rewritten on every move; as objects
// they were the largest part of a buddy move's patch). The server encodes, the client
// decodes (client/src/net/synced.ts); docs/PROTOCOL.md gives the same table.
//
//   placed   ["p", requestId, size, target, byFallback 1|0]
//   freed    ["f", requestId, start, size, area?]
//   merged   ["m", start, size, area?]
//   failed   ["n", requestId, size, freeBytes, largestFree]      (malloc returned NULL)
//   timeout  ["t", requestId, policy, placed 1|0, penalty]

import type { Happening } from './happenings.ts';
import { bit, num, parseJson, readAs, str, toBit, tuple, type Reader } from './wire.ts';

type Tuple = readonly (string | number)[];

/** The tuple's code for each kind of happening. */
const CODES = { placed: 'p', freed: 'f', merged: 'm', failed: 'n', timeout: 't' } as const satisfies Record<Happening['type'], string>;

/** `fields`, with the area at the end when there is one. */
function withArea(fields: Tuple, area: string | undefined): Tuple {
  return area === undefined ? fields : [...fields, area];
}

function areaOf(area: string | undefined): { readonly area?: string } {
  return area === undefined ? {} : { area };
}

/** One happening as its tuple. */
function happeningTuple(h: Happening): Tuple {
  const code = CODES[h.type];
  switch (h.type) {
    case 'placed': return [code, h.requestId, h.size, h.target, toBit(h.byFallback)];
    case 'freed': return withArea([code, h.requestId, h.start, h.size], h.area);
    case 'merged': return withArea([code, h.start, h.size], h.area);
    case 'failed': return [code, h.requestId, h.size, h.freeBytes, h.largestFree];
    case 'timeout': return [code, h.requestId, h.policy, toBit(h.placed), h.penalty];
  }
}

/** Each code's reader of the fields after it. */
const READERS: ReadonlyMap<string, Reader<Happening>> = new Map<string, Reader<Happening>>([
  [CODES.placed, readAs(tuple([num, num, num, bit]), ([requestId, size, target, byFallback]) => ({ type: 'placed', requestId, size, target, byFallback }))],
  [CODES.freed, readAs(tuple([num, num, num], str), ([requestId, start, size, area]) => ({ type: 'freed', requestId, start, size, ...areaOf(area) }))],
  [CODES.merged, readAs(tuple([num, num], str), ([start, size, area]) => ({ type: 'merged', start, size, ...areaOf(area) }))],
  [CODES.failed, readAs(tuple([num, num, num, num]), ([requestId, size, freeBytes, largestFree]) => ({ type: 'failed', requestId, size, freeBytes, largestFree }))],
  [CODES.timeout, readAs(tuple([num, str, bit, num]), ([requestId, policy, placed, penalty]) => ({ type: 'timeout', requestId, policy, placed, penalty }))],
]);

/** [MATCH-EVENT-5] The happenings as the synced string. */
export function encodeHappenings(happenings: readonly Happening[]): string {
  return JSON.stringify(happenings.map(happeningTuple));
}

/** One tuple as its happening; undefined for an unknown code or a malformed tuple. */
function decodeHappening(item: unknown): Happening | undefined {
  if (!Array.isArray(item) || typeof item[0] !== 'string') return undefined;
  return READERS.get(item[0])?.(item.slice(1));
}

/**
 * [MATCH-EVENT-5] The synced string as happenings, in order. A tuple with an unknown code
 * or the wrong fields is left out; anything but a JSON array ('' included) is none.
 */
export function decodeHappenings(text: string): Happening[] {
  const parsed = parseJson(text);
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((item) => decodeHappening(item) ?? []);
}
