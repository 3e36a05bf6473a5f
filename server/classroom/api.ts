// The classroom HTTP API (the protocol is in docs/PROTOCOL.md):
//   POST /api/classes                       create a session: { code, hostKey, roomId }
//   GET  /api/classes/:code                 find a session's room: { code, roomId, joinUrl, bootId }
//   GET  /api/classes/:code/results.csv     results, one row per student per round (host key required)
//   POST /api/classes/:code/rounds          a host's round: JSON settings, or a trace as text/plain (host key required)
//   GET  /api/classes/:code/rounds          the rounds the class can start, built-in and the host's (host key required)
//   POST /api/classes/:code/plans           save or import a lesson plan (host key required)
//   GET  /api/classes/:code/plans           the class's lesson plans; /plans/:id exports one as a file (host key required)
//   POST /api/classes/:code/assignments     a lesson plan as homework with a deadline; GET lists them (host key required)
//   GET  /api/assignments/:id               what a student's page shows of an assignment (its link names it)
// Code lookups are rate limited per address, so codes cannot be guessed by brute force.

import express, { type Request, type Response, type Router } from 'express';
import type { Services } from '../services.ts';
import { generateJoinCode, normalizeJoinCode } from '../protocol/join-code.ts';
import { ADDRESS_HEADER } from '../protocol/http-gate.ts';
import { joinBase, joinUrl, lanAddresses, publicUrlFrom } from '../net/join-url.ts';
import { hashSecret, newSecret, secretMatches } from './secrets.ts';
import { GRADEBOOK_LAYOUTS, gradebookCsv, isGradebookLayout, type Gradebook } from './gradebook.ts';
import { DuplicateCodeError, type SessionRecord } from '../storage/storage.ts';
import type { Outcome } from '../../shared/core/outcome.ts';
import { roomForSession as roomForSessionId, sessionsWithLiveRooms } from '../cluster/room-locator.ts';
import { CLASSROOM_ROOM_NAME } from '../rooms/class-room-id.ts';
import { traceRoundSettings } from '../../shared/match/round-settings.ts';
import { listClassRounds, saveHostRound } from './round-library.ts';
import { readSettings } from '../rooms/class-store.ts';
import { exportLessonPlan, listLessonPlans, saveLessonPlan } from './lesson-plans.ts';
import { assignmentGradebook, assignmentInfo, createAssignment, lastDeadline, listAssignments } from './assignments.ts';
import { idleSince } from '../rooms/class-closing.ts';

export const CLASSROOM_ROOM = CLASSROOM_ROOM_NAME;

/** The client's address as the HTTP gate settled it (server/protocol/http-gate.ts). */
function requestAddress(req: Request): string {
  return req.get(ADDRESS_HEADER) ?? req.ip ?? 'unknown';
}

/** PUBLIC_URL, checked once when the server starts (a malformed one stops it with a clear message). */
const PUBLIC_URL = publicUrlFrom(process.env.PUBLIC_URL);

/** Where the links students open start, reachable from their phones (server/net/join-url.ts). */
function linkBase(req: Request): string {
  return joinBase({ publicUrl: PUBLIC_URL, host: req.get('host'), protocol: req.protocol, lan: lanAddresses(), port: req.socket.localPort ?? 2567 });
}

/** The link (and QR code) students open to join the class `code`. */
function joinLinkFor(req: Request, code: string): string {
  return joinUrl(linkBase(req), code);
}

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ code, message });
}

/** The live room of an open session, on whichever process holds it; created (and restored from storage) when there is none. */
export async function roomForSession(session: SessionRecord): Promise<string> {
  return roomForSessionId(CLASSROOM_ROOM, session.id);
}

/** Join codes drawn before giving up: another process may open the same code between our read and our insert. */
const CODE_DRAWS = 5;

/**
 * The open sessions, after closing those put away (no live room) and idle for the idle
 * time: a class nobody looks up again would otherwise hold its join code for good. A live
 * room is left alone, as it judges its own idleness from activity fresher than the one stored.
 */
async function openSessionsSwept(services: Services): Promise<SessionRecord[]> {
  const open = await services.storage.listOpenSessions();
  const live = await sessionsWithLiveRooms(CLASSROOM_ROOM);
  const kept: SessionRecord[] = [];
  for (const session of open) {
    if (live.has(session.id) || !(await closedForIdleness(services, session))) kept.push(session);
  }
  return kept;
}

/** Stores a new open session under a fresh code; the store refuses a code another open session has (DuplicateCodeError). */
async function openSession(services: Services, hostKey: string): Promise<SessionRecord> {
  const { storage } = services;
  for (let draw = 1; ; draw++) {
    const open = new Set((await openSessionsSwept(services)).map((s) => s.code));
    const code = generateJoinCode((c) => open.has(c));
    const session: SessionRecord = { id: `s-${newSecret()}`, code, hostKeyHash: hashSecret(hostKey), createdAt: services.now(), status: 'open', settings: '{}' };
    try {
      await storage.createSession(session);
      return session;
    } catch (error) {
      if (!(error instanceof DuplicateCodeError) || draw >= CODE_DRAWS) throw error;
    }
  }
}

async function createClass(services: Services, req: Request, res: Response): Promise<void> {
  const hostKey = newSecret();
  const session = await openSession(services, hostKey);
  const roomId = await roomForSession(session);
  res.status(201).json({ code: session.code, hostKey, roomId, sessionId: session.id, joinUrl: joinLinkFor(req, session.code), bootId: services.bootId });
}

async function findClass(services: Services, req: Request, res: Response): Promise<void> {
  const { storage, codeLookups } = services;
  const address = requestAddress(req);
  if (!codeLookups.take(address, services.now())) {
    res.setHeader('Retry-After', String(Math.ceil(codeLookups.waitMs(address, services.now()) / 1000)));
    return fail(res, 429, 'join/too_many_attempts', 'too many codes tried; wait a little and try again');
  }
  const code = normalizeJoinCode(String(req.params.code ?? ''));
  const session = code ? await storage.findOpenSessionByCode(code) : null;
  if (!session || (await closedForIdleness(services, session))) return fail(res, 404, 'class/unknown', 'no class is open with that code');
  // What the join form asks beside a nickname (a private student ID or e-mail, CLASS-SID-1).
  const { askStudentId } = readSettings(session.settings);
  res.json({ code: session.code, roomId: await roomForSession(session), joinUrl: joinLinkFor(req, session.code), askStudentId, bootId: services.bootId });
}

/**
 * A class put away (no room) whose last activity is older than the idle time is closed
 * here rather than restored (a live room closes itself: server/rooms/class-closing.ts).
 */
async function closedForIdleness(services: Services, session: SessionRecord): Promise<boolean> {
  const { lastActiveAt } = readSettings(session.settings);
  if (lastActiveAt === null) return false;
  const activeUntil = Math.max(lastActiveAt, await lastDeadline(services.storage, session.id));
  if (!idleSince(activeUntil, services.now(), services.classIdleMs)) return false;
  await services.storage.updateSession(session.id, { status: 'closed' });
  return true;
}

/** What the stored rounds, players and results say, as the gradebook reads it. */
async function loadGradebook(services: Services, sessionId: string): Promise<Gradebook> {
  const { storage } = services;
  const rounds = (await storage.listRounds(sessionId)).map((r) => ({ roundNo: r.roundNo, title: String((JSON.parse(r.config) as { title?: unknown }).title ?? '') }));
  const students = (await storage.listPlayers(sessionId)).map((p) => ({ playerId: p.playerId, nickname: p.nickname, studentId: p.studentId ?? '' }));
  const results = (await storage.listResults(sessionId)).map((r) => {
    const result = JSON.parse(r.result) as { utilization: number; fragmentation: number; failures: number; fallbacks?: number; score: number; rank: number };
    return { roundNo: r.roundNo, playerId: r.playerId, ...result, fallbacks: result.fallbacks ?? 0 };
  });
  // Assignments follow the live rounds, each of their rounds a column of its own.
  const homework = await assignmentGradebook(storage, sessionId, rounds.length + 1);
  return { rounds: [...rounds, ...homework.rounds], students, results: [...results, ...homework.results] };
}

/** The open session `:code` names, when the request carries its host key (`x-host-key`, or `?key=`); else a 403 is sent and null returned. */
async function hostSession(services: Services, req: Request, res: Response, what: string): Promise<SessionRecord | null> {
  const code = normalizeJoinCode(String(req.params.code ?? ''));
  const session = code ? await services.storage.findOpenSessionByCode(code) : null;
  const key = req.get('x-host-key') ?? (typeof req.query.key === 'string' ? req.query.key : undefined);
  if (session && secretMatches(key, session.hostKeyHash)) return session;
  fail(res, 403, 'host/forbidden', `${what} need the class code and its host key`);
  return null;
}

/** The newest session, open or closed, that had `:code` and whose host key the request carries: a closed class's results stay downloadable. */
async function resultsSession(services: Services, req: Request, res: Response): Promise<SessionRecord | null> {
  const code = normalizeJoinCode(String(req.params.code ?? ''));
  const key = req.get('x-host-key') ?? (typeof req.query.key === 'string' ? req.query.key : undefined);
  const sessions = code ? await services.storage.listSessionsByCode(code) : [];
  const session = sessions.find((s) => secretMatches(key, s.hostKeyHash));
  if (session) return session;
  fail(res, 403, 'host/forbidden', 'the results need the class code and its host key');
  return null;
}

async function resultsCsv(services: Services, req: Request, res: Response): Promise<void> {
  const session = await resultsSession(services, req, res);
  if (!session) return;
  const layout = req.query.layout ?? 'rows';
  if (!isGradebookLayout(layout)) return fail(res, 400, 'results/unknown_layout', `layout is one of ${GRADEBOOK_LAYOUTS.join(', ')}`);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="mallocade-${session.code}-${layout === 'rows' ? 'results' : layout}.csv"`);
  res.send(gradebookCsv(await loadGradebook(services, session.id), layout));
}

/** What a POST body says a round is: JSON settings, or a trace's text (a `.rep` file or an OSTEP op list) titled by `?title=`. */
function roundSettingsFrom(req: Request): unknown {
  if (req.is('text/plain') && typeof req.body === 'string') {
    return traceRoundSettings(req.body, typeof req.query.title === 'string' ? req.query.title : undefined);
  }
  return req.body;
}

/** A route only the class's host may use: the handler runs with the session once the host key matched. */
function hostOnly(what: string, handler: (services: Services, session: SessionRecord, req: Request, res: Response) => Promise<void>) {
  return async (services: Services, req: Request, res: Response): Promise<void> => {
    const session = await hostSession(services, req, res, what);
    if (session) await handler(services, session, req, res);
  };
}

/** `201` with what was saved, or `400` with the refusal. */
function answerSaved(res: Response, saved: Outcome<unknown, string>): void {
  if (!saved.ok) return fail(res, 400, saved.code, saved.message);
  res.status(201).json(saved.value);
}

const ROUNDS = 'a class\'s rounds';
const PLANS = 'a class\'s lesson plans';

const addRound = hostOnly(ROUNDS, async (services, session, req, res) => {
  if (!req.is('application/json') && !req.is('text/plain')) {
    return fail(res, 415, 'round/unsupported_type', 'send round settings as application/json, or a trace as text/plain');
  }
  answerSaved(res, await saveHostRound(services.storage, session.id, roundSettingsFrom(req), services.now()));
});

const listRounds = hostOnly(ROUNDS, async (services, session, _req, res) => {
  res.json({ rounds: await listClassRounds(services.storage, session.id) });
});

const addPlan = hostOnly(PLANS, async (services, session, req, res) => {
  if (!req.is('application/json')) return fail(res, 415, 'plan/unsupported_type', 'send a lesson plan as application/json');
  answerSaved(res, await saveLessonPlan(services.storage, session.id, req.body, services.now()));
});

const listPlans = hostOnly(PLANS, async (services, session, _req, res) => {
  res.json({ plans: await listLessonPlans(services.storage, session.id) });
});

const exportPlan = hostOnly(PLANS, async (services, session, req, res) => {
  const plan = await exportLessonPlan(services.storage, session.id, String(req.params.id ?? ''));
  if (!plan.ok) return fail(res, 404, plan.code, plan.message);
  const name = plan.value.title.replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'lesson-plan';
  res.setHeader('Content-Disposition', `attachment; filename="${name}.json"`);
  res.json(plan.value);
});

/** The link students open for an assignment (beside the class's join link). */
function assignmentLinkFor(req: Request, id: string): string {
  return `${linkBase(req)}/?assignment=${encodeURIComponent(id)}`;
}

const ASSIGNMENTS = 'a class\'s assignments';

const addAssignment = hostOnly(ASSIGNMENTS, async (services, session, req, res) => {
  const made = await createAssignment(services.storage, session, req.body, services.now());
  answerSaved(res, made.ok ? { ...made, value: { ...made.value, link: assignmentLinkFor(req, made.value.id) } } : made);
});

const classAssignments = hostOnly(ASSIGNMENTS, async (services, session, req, res) => {
  const all = await listAssignments(services.storage, session);
  res.json({ assignments: all.map((a) => ({ ...a, link: assignmentLinkFor(req, a.id) })) });
});

async function showAssignment(services: Services, req: Request, res: Response): Promise<void> {
  const found = await assignmentInfo(services.storage, String(req.params.id ?? ''));
  if (!found.ok) return fail(res, 404, found.code, found.message);
  res.json(found.value);
}

/** Body parsers for uploads (the HTTP gate lets these routes' bodies be larger); a body that is not JSON is a 400 { code, message }. */
const uploadBody = [express.json({ limit: '2mb' }), express.text({ type: 'text/plain', limit: '2mb' })];

function bodyRefusal(error: unknown, _req: Request, res: Response, next: (error?: unknown) => void): void {
  const status = (error as { status?: number } | null)?.status;
  if (status === 400) return fail(res, 400, 'request/malformed', 'the body is not valid JSON');
  if (status === 413) return fail(res, 413, 'request/too_large', 'the body is too large');
  next(error);
}

function asyncRoute(services: Services, handler: (services: Services, req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response): void => {
    handler(services, req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) fail(res, 500, 'server/error', 'something went wrong on the server');
    });
  };
}

export function classroomRoutes(services: Services): Router {
  const router = express.Router();
  router.post('/api/classes', asyncRoute(services, createClass));
  router.get('/api/classes/:code', asyncRoute(services, findClass));
  router.get('/api/classes/:code/results.csv', asyncRoute(services, resultsCsv));
  router.post('/api/classes/:code/rounds', ...uploadBody, asyncRoute(services, addRound));
  router.get('/api/classes/:code/rounds', asyncRoute(services, listRounds));
  router.post('/api/classes/:code/plans', ...uploadBody, asyncRoute(services, addPlan));
  router.get('/api/classes/:code/plans', asyncRoute(services, listPlans));
  router.get('/api/classes/:code/plans/:id', asyncRoute(services, exportPlan));
  router.post('/api/classes/:code/assignments', express.json(), asyncRoute(services, addAssignment));
  router.get('/api/classes/:code/assignments', asyncRoute(services, classAssignments));
  router.get('/api/assignments/:id', asyncRoute(services, showAssignment));
  router.use('/api/classes', bodyRefusal);
  return router;
}
