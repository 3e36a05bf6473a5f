// The gate in front of every HTTP request and websocket upgrade, before Colyseus's
// matchmaker or Express see them: it decides the client's address (proxy headers are
// trusted only when TRUST_PROXY says how many proxies stand in front), refuses bodies
// over the size limit, refuses generic matchmaking into classrooms (a class is joined
// by its id, with its code), and caps seat reservations and class creation per address.
// Everything after the gate reads the address from `x-real-ip`, which the gate writes.

import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { ErrorCode } from '@colyseus/core';
import { KeyedLimiter, type BucketOptions } from './rate-limit.ts';

/** The header the gate writes the client's address into (Colyseus reads it first). */
export const ADDRESS_HEADER = 'x-real-ip';
/**
 * The header the gate writes the room id of a `joinById` reservation into, so a room's
 * static onAuth (which Colyseus gives no room id) can check the options against that room.
 */
export const ROOM_HEADER = 'x-mallocade-room';
const PROXY_HEADERS = ['x-real-ip', 'x-forwarded-for', 'x-client-ip', 'forwarded'] as const;

export interface GateOptions {
  /** How many reverse proxies stand in front of the server (TRUST_PROXY); 0 trusts no forwarded header. */
  readonly trustedProxies: number;
  /** The largest request body accepted, in bytes. */
  readonly maxBodyBytes: number;
  /** Routes that take an upload (a trace, a lesson plan) and the larger body they accept. */
  readonly uploads?: { readonly path: RegExp; readonly maxBodyBytes: number };
  /** Seat reservations (`POST /matchmake/...`) per address. */
  readonly reservations: BucketOptions;
  /** Classes created (`POST /api/classes`) per address. */
  readonly classCreation: BucketOptions;
  /** Room names that can be entered only by id (`joinById`), never by generic matchmaking. */
  readonly joinByIdOnly: readonly string[];
  readonly now: () => number;
}

/** TRUST_PROXY: unset, empty, "0" or "false" trust no proxy; a number is how many proxies; "true" is one. */
export function trustedProxiesFrom(value: string | undefined): number {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === 'false' || text === '0') return 0;
  if (text === 'true') return 1;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new Error(`TRUST_PROXY must be a number of proxies (0-10) or true/false, not ${JSON.stringify(value)}`);
  return n;
}

function headerText(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * The client's address: the socket's peer, or, behind `trustedProxies` proxies, the
 * address the outermost trusted proxy saw (X-Forwarded-For read from the right: each
 * proxy appends the address it received the request from).
 */
export function clientAddress(req: IncomingMessage, trustedProxies: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies === 0) return peer;
  const forwarded = (headerText(req, 'x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? peer;
}

type Refusal = { readonly status: number; readonly code: string; readonly message: string; readonly retryAfterMs?: number };

/** Matchmaking methods that pick or create a room by name (only `joinById` and `reconnect` name a room). */
const BY_NAME = new Set(['join', 'joinorcreate', 'create']);

export class HttpGate {
  private readonly options: GateOptions;
  private readonly reservations: KeyedLimiter;
  private readonly creations: KeyedLimiter;

  constructor(options: GateOptions) {
    this.options = options;
    this.reservations = new KeyedLimiter({ ...options.reservations, idleMs: 10 * 60_000 });
    this.creations = new KeyedLimiter({ ...options.classCreation, idleMs: 60 * 60_000 });
  }

  /** Rewrites the address headers of `req` to the one address the server trusts, and returns it. */
  settleAddress(req: IncomingMessage): string {
    const address = clientAddress(req, this.options.trustedProxies);
    for (const name of PROXY_HEADERS) delete req.headers[name];
    req.headers[ADDRESS_HEADER] = address;
    delete req.headers[ROOM_HEADER];
    return address;
  }

  /** Why an HTTP request is refused before anyone reads it, or null to let it through. */
  check(req: IncomingMessage, address: string): Refusal | null {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (method !== 'GET' && method !== 'HEAD') {
      const length = Number(headerText(req, 'content-length') ?? NaN);
      const chunked = /chunked/i.test(headerText(req, 'transfer-encoding') ?? '');
      if (chunked && !(length >= 0)) return { status: 411, code: 'request/length_required', message: 'send the body with a Content-Length' };
      const { uploads } = this.options;
      const limit = method === 'POST' && uploads?.path.test(path) ? uploads.maxBodyBytes : this.options.maxBodyBytes;
      if (length > limit) return { status: 413, code: 'request/too_large', message: `a request body may be at most ${limit} bytes` };
    }
    const matchmake = /^\/matchmake\/([^/]+)\/([^/]+)\/?$/.exec(path);
    if (matchmake && method === 'POST') {
      const verb = (matchmake[1] ?? '').toLowerCase();
      const target = decodeURIComponent(matchmake[2] ?? '');
      if (verb === 'joinbyid') req.headers[ROOM_HEADER] = target;
      if (BY_NAME.has(verb) && this.options.joinByIdOnly.includes(target)) {
        return { status: 403, code: 'class/join_by_code', message: 'a class is joined with its code: look it up at /api/classes/:code' };
      }
      if (!this.reservations.take(address, this.options.now())) {
        return { status: 429, code: 'join/too_many_reservations', message: 'too many seats asked for from this address; wait a little', retryAfterMs: this.reservations.waitMs(address, this.options.now()) };
      }
    }
    if (method === 'POST' && /^\/api\/classes\/?$/.test(path) && !this.creations.take(address, this.options.now())) {
      return { status: 429, code: 'class/too_many_created', message: 'too many classes created from this address; wait a little', retryAfterMs: this.creations.waitMs(address, this.options.now()) };
    }
    return null;
  }

  /**
   * Puts the gate in front of `server`: every `request` and `upgrade` passes it before any
   * listener (Colyseus prepends its own request listener, so order alone cannot do this).
   */
  install(server: Server): void {
    const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
    server.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
      if (event === 'request') {
        const [req, res] = args as [IncomingMessage, ServerResponse];
        const refusal = this.check(req, this.settleAddress(req));
        if (refusal) {
          refuse(res, refusal);
          return true;
        }
        if ((req.url ?? '').startsWith('/matchmake/')) answerErrorsAsJson(res);
      } else if (event === 'upgrade') {
        this.settleAddress(args[0] as IncomingMessage);
      }
      return emit(event, ...args);
    }) as Server['emit'];
  }
}

/** ErrorCode's names by number (520 → matchmake/no_handler), for the matchmaker's numeric codes. */
const ERROR_NAMES = new Map(Object.entries(ErrorCode).map(([name, n]) => [n as number, name.toLowerCase().replace(/^matchmake_/, 'matchmake/').replace(/^(?!matchmake\/)/, 'matchmake/')]));

/**
 * The matchmaker's error body (`{ code: 522, error: '…' }`, or `{ error }`) as the protocol's
 * `{ code, message }`: the code is the namespaced one the message starts with (a room's refusal,
 * `class/unknown: …`), else the matchmaker's own by name. The message is kept whole: the SDK
 * reads `message`, and the client reads the code off its start.
 */
export function matchmakeErrorBody(status: number, text: string): { code: string; message: string } {
  let parsed: { code?: unknown; error?: unknown; message?: unknown } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // not JSON: the text itself is the message
  }
  const message = String(parsed.message ?? parsed.error ?? (text || 'the request failed'));
  const own = /^([a-z_]+\/[a-z_]+):/.exec(message)?.[1];
  const named = typeof parsed.code === 'number' ? ERROR_NAMES.get(parsed.code) : undefined;
  return { code: own ?? named ?? (status === 400 ? 'request/malformed' : 'matchmake/failed'), message };
}

/**
 * Holds back an error answer written to `res` (status 400 and up) and sends it as
 * `{ code, message }` JSON instead (matchmakeErrorBody); other answers pass untouched.
 */
function answerErrorsAsJson(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (status: number, headers?: OutgoingHttpHeaders) => ServerResponse;
  const write = res.write.bind(res) as (chunk: unknown) => boolean;
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  const held: Buffer[] = [];
  let holding = false;
  const keep = (chunk: unknown): void => {
    if (chunk !== undefined && chunk !== null) held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk instanceof Uint8Array ? chunk : String(chunk)));
  };
  res.writeHead = ((status: number, ...rest: unknown[]): ServerResponse => {
    if (status < 400) return writeHead(status, ...(rest as [OutgoingHttpHeaders?]));
    holding = true;
    res.statusCode = status;
    const headers = rest.find((h): h is OutgoingHttpHeaders => typeof h === 'object' && h !== null && !Array.isArray(h));
    for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) res.setHeader(name, value);
    return res;
  }) as ServerResponse['writeHead'];
  res.write = ((chunk: unknown): boolean => {
    if (!holding) return write(chunk);
    keep(chunk);
    return true;
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown): ServerResponse => {
    if (!holding || typeof chunk === 'function') return end(chunk);
    keep(chunk);
    const body = JSON.stringify(matchmakeErrorBody(res.statusCode, Buffer.concat(held).toString('utf8')));
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-length', String(Buffer.byteLength(body)));
    writeHead(res.statusCode);
    return end(body);
  }) as ServerResponse['end'];
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  const body = JSON.stringify({ code: refusal.code, message: refusal.message });
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
  if (refusal.retryAfterMs !== undefined) headers['retry-after'] = String(Math.max(1, Math.ceil(refusal.retryAfterMs / 1000)));
  res.writeHead(refusal.status, headers);
  res.end(body);
}


/** The class routes that take an upload: a host's round (a trace) and a lesson plan. */
export const UPLOAD_PATH = /^\/api\/classes\/[^/]+\/(rounds|plans)\/?$/;

/** "rate,burst" per minute (e.g. "6,30"), or the default when unset or malformed. */
function perMinute(value: string | undefined, fallback: BucketOptions): BucketOptions {
  const [rate, burst] = (value ?? '').split(',').map(Number);
  return rate && burst && rate > 0 && burst > 0 ? { ratePerSecond: rate / 60, burst } : fallback;
}

/**
 * The gate's settings from the environment: TRUST_PROXY (proxies in front; default none),
 * MALLOCADE_RESERVATION_RATE and MALLOCADE_CLASS_RATE ("per minute,burst" per address).
 */
export function gateOptionsFromEnv(env: Readonly<Record<string, string | undefined>>, now: () => number): GateOptions {
  return {
    trustedProxies: trustedProxiesFrom(env.TRUST_PROXY),
    maxBodyBytes: 16 * 1024,
    // A round's settings or a CS:APP trace (shared/match/round-settings.ts takes up to 1,000,000 characters of trace).
    uploads: { path: UPLOAD_PATH, maxBodyBytes: 2 * 1024 * 1024 },
    // A whole class behind one NAT can join at once; a flood from one address cannot hold a class's seats.
    reservations: perMinute(env.MALLOCADE_RESERVATION_RATE, { ratePerSecond: 10, burst: 400 }),
    classCreation: perMinute(env.MALLOCADE_CLASS_RATE, { ratePerSecond: 6 / 60, burst: 30 }),
    joinByIdOnly: ['classroom'],
    now,
  };
}
