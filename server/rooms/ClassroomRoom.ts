// The classroom room: an instructor's live session. The host (who holds the host
// key) runs rounds and moderates; students join with the session's code and a
// nickname, each playing their own match through a Seat. Per-client views: a
// student sees their own heap and the leaderboard as the host allows; the host sees
// every heap and the class figures. A move is stored before it is shown or
// acknowledged (stored-moves.ts), so a restarted server rebuilds the session by
// replaying the logs (class-store.ts). Who may join is admission.ts's; the class-wide
// pictures are class-figures.ts's; this file wires them to Colyseus.

import { Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import { refuse, succeed, type Outcome } from '../../shared/core/outcome.ts';
import { startMatch, type LoggedMove, type MatchState as Match, type RoundConfig } from '../../shared/match/match.ts';
import type { KeyedLimiter } from '../protocol/rate-limit.ts';
import { parseClientMessage, type ClientMessage, type HostMessageType, type RefusalMessage, type RoomMessageType } from '../protocol/messages.ts';
import type { RoomServices } from '../services.ts';
import type { PlayerRecord, SessionRecord } from '../storage/storage.ts';
import { hashSecret, newSecret } from '../classroom/secrets.ts';
import { ClassFigures, ClassroomState, PlayerInfo, syncLeaderboard } from '../state/classroom-state.ts';
import { syncNumbers } from '../state/match-state.ts';
import { admitJoin, type Admission } from './admission.ts';
import { classBoard, classExtent, Heat, heatMapBins, standingOf, utilizationHistogram } from './class-figures.ts';
import { readSettings, restoreLastRound, writeRound, type SessionSettings } from './class-store.ts';
import { MatchClock } from './match-clock.ts';
import { ClientRate, refuseTo, refuseUnknownType } from './room-edge.ts';
import { resolveRound } from './rounds.ts';
import { Seat, type SeatMove } from './seat.ts';
import { StoredMoves, type Decided } from './stored-moves.ts';

const TICK_MS = 100;
const RECONNECT_SECONDS = 90;
/**
 * While a round runs, a move only marks the leaderboard and the class figures stale;
 * the tick publishes them at most this often. Rebuilding them on every move sent the
 * whole board to every student up to 20 times a second (about 10 KB/s each in a class of 300).
 */
const CLASS_VIEW_REFRESH_MS = 1000;

interface Seated {
  record: PlayerRecord;
  client: Client | null;
  seat: Seat | null;
  info: PlayerInfo;
  /** Whether this player's client has had their finished round's full results. */
  resultsSent: boolean;
}

interface ClientData {
  role: 'host' | 'student';
  playerId?: string;
}

/** What onCreate receives: the session to open, and the services given when the room was defined (app.config.ts). */
export interface ClassroomRoomOptions {
  readonly sessionId?: unknown;
  readonly services?: RoomServices & { readonly badJoins: KeyedLimiter };
}

export class ClassroomRoom extends Room<{ state: ClassroomState; client: Client<{ userData: ClientData }> }> {
  override maxClients = 500;
  override state = new ClassroomState();
  private services!: NonNullable<ClassroomRoomOptions['services']>;
  private session!: SessionRecord;
  private settings!: SessionSettings;
  private rate!: ClientRate;
  /** The class's clock: match time stands still while the host has paused the round. */
  private matchClock!: MatchClock;
  private moves!: StoredMoves;
  private readonly seated = new Map<string, Seated>();
  private roundConfig: RoundConfig | null = null;
  /** Whether a move changed scores or placements since the board and figures were last published. */
  private classViewStale = false;
  private classViewAt = 0;
  private heat = new Heat();

  override messages = {
    place: (client: Client, raw: unknown) => this.studentMove(client, raw, 'place'),
    coalesce: (client: Client, raw: unknown) => this.studentMove(client, raw, 'coalesce'),
    release: (client: Client, raw: unknown) => this.studentMove(client, raw, 'release'),
    'host:start': (client: Client, raw: unknown) => this.hostAction(client, 'host:start', raw, (m) => this.startRound(m.round)),
    'host:pause': (client: Client, raw: unknown) => this.hostAction(client, 'host:pause', raw, () => this.pause()),
    'host:resume': (client: Client, raw: unknown) => this.hostAction(client, 'host:resume', raw, () => this.resume()),
    'host:end': (client: Client, raw: unknown) => this.hostAction(client, 'host:end', raw, () => this.endRound()),
    'host:kick': (client: Client, raw: unknown) => this.hostAction(client, 'host:kick', raw, (m) => this.kick(m.playerId, m.bar ?? false)),
    'host:lock': (client: Client, raw: unknown) => this.hostAction(client, 'host:lock', raw, (m) => this.saveSettings({ locked: m.value })),
    'host:late-join': (client: Client, raw: unknown) => this.hostAction(client, 'host:late-join', raw, (m) => this.saveSettings({ lateJoin: m.value })),
    'host:leaderboard': (client: Client, raw: unknown) => this.hostAction(client, 'host:leaderboard', raw, (m) => this.saveSettings({ leaderboardMode: m.mode })),
    _: refuseUnknownType,
  } satisfies Record<RoomMessageType<'classroom'> | '_', unknown>;

  override async onCreate(options: ClassroomRoomOptions): Promise<void> {
    if (!options.services) throw new Error('the classroom room was defined without its services (app.config.ts)');
    const services = (this.services = options.services);
    const session = typeof options.sessionId === 'string' ? await services.storage.getSession(options.sessionId) : null;
    if (!session || session.status !== 'open') throw new ServerError(404, 'class/unknown: there is no open class session with that id');
    this.session = session;
    this.settings = readSettings(session.settings);
    this.rate = new ClientRate(services.messageRate, services.now);
    this.matchClock = new MatchClock(services.now, this.settings.pausedMs);
    this.moves = new StoredMoves(services.storage, services.now);
    await this.setMetadata({ sessionId: session.id, code: session.code });
    Object.assign(this.state, { code: session.code, figures: new ClassFigures(), phase: 'lobby', roundNo: 0, roundTitle: '', playerCount: 0 });
    for (const record of await services.storage.listPlayers(session.id)) if (!record.barred) this.addSeated(record);
    await this.restoreRound();
    this.applySettingsToState();
    this.refreshClassView();
    this.clock.setInterval(() => this.tick(), TICK_MS);
  }

  override async onAuth(_client: Client, rawOptions: unknown, context: AuthContext): Promise<Admission> {
    const address = context.ip ?? 'unknown';
    const admitted = await admitJoin(rawOptions, {
      session: this.session,
      locked: this.settings.locked,
      lateJoin: this.settings.lateJoin,
      roundRunning: this.roundRunning(),
      seated: () => [...this.seated.values()].map((s) => s.record),
      stored: () => this.services.storage.listPlayers(this.session.id),
      noteBadJoin: () => this.services.badJoins.take(address, this.services.now()),
    });
    if (!admitted.ok) throw new ServerError(admitted.status, `${admitted.code}: ${admitted.message}`);
    return admitted.value;
  }

  override async onJoin(client: Client, _options: unknown, auth: Admission): Promise<void> {
    client.view = new StateView();
    if (auth.role === 'host') {
      client.userData = { role: 'host' };
      client.view.add(this.state.figures);
      for (const s of this.seated.values()) this.showTo(client, s);
      client.send('welcome', { role: 'host', code: this.session.code, sessionId: this.session.id });
      return;
    }
    let s = 'playerId' in auth ? this.seated.get(auth.playerId) : undefined;
    let token: string | undefined;
    if (!s) {
      token = newSecret();
      const nickname = 'nickname' in auth ? auth.nickname : 'Player';
      const record: PlayerRecord = { sessionId: this.session.id, playerId: `p${this.seated.size + 1}-${newSecret().slice(0, 6)}`, nickname, tokenHash: hashSecret(token), joinedAt: this.services.now(), barred: false };
      await this.services.storage.savePlayer(record);
      s = this.addSeated(record);
      if (this.roundRunning()) this.seatInRound(s, this.matchClock.now());
      for (const host of this.hosts()) this.showTo(host, s);
    }
    if (s.client && s.client !== client) s.client.leave();
    s.client = client;
    s.info.connected = true;
    client.userData = { role: 'student', playerId: s.record.playerId };
    this.showTo(client, s);
    client.send('welcome', { role: 'student', playerId: s.record.playerId, nickname: s.record.nickname, token, code: this.session.code });
    if (s.seat?.isFinished) {
      s.resultsSent = false;
      this.sendResults(s);
    }
    this.refreshBoard();
  }

  override async onDrop(client: Client): Promise<void> {
    const s = this.seatedOf(client);
    if (s) s.info.connected = false;
    try {
      await this.allowReconnection(client, RECONNECT_SECONDS);
      if (s) s.info.connected = true;
    } catch {
      // The grace period ran out; the player can still come back with their token.
      if (s && s.client === client) s.client = null;
    }
  }

  override onLeave(client: Client): void {
    this.rate.forget(client);
    const s = this.seatedOf(client);
    if (s && s.client === client) {
      s.client = null;
      s.info.connected = false;
    }
  }

  // ---- changes to a seat: decided, stored, then shown ------------------------

  private async studentMove(client: Client, raw: unknown, type: SeatMove): Promise<void> {
    if (!this.rate.admit(client)) return;
    const s = this.seatedOf(client);
    if (!s) return refuseTo(client, { code: 'class/not_a_player', message: 'only students place blocks' });
    const refusal = this.moveRefusal(s);
    if (refusal) return refuseTo(client, refusal);
    // Asked again in the player's queue: the round may have changed while an earlier move was stored.
    const result = await this.change(s, (seat) => this.moveRefusal(s) ?? seat.decide(type, raw, this.matchClock.now()));
    if (!result) return;
    if (!result.ok) return refuseTo(client, result);
    client.send('ack', { version: s.seat?.match.version });
    this.afterChange(s, result.value);
  }

  /** Why a student cannot move now, or null. */
  private moveRefusal(s: Seated): ({ readonly ok: false } & RefusalMessage) | null {
    if (this.state.phase === 'paused') return refuse('round/paused', 'the host has paused the round');
    if (!s.seat || this.state.phase !== 'playing') return refuse('round/not_running', 'no round is running');
    return null;
  }

  /** One change to a student's seat, in their queue: decided on their current match, stored, and only then shown. */
  private change(s: Seated, decide: (seat: Seat) => Decided): Promise<Outcome<LoggedMove, string> | null> {
    if (!s.seat) return Promise.resolve(null);
    return this.moves.change(() => ({ sessionId: this.session.id, roundNo: this.state.roundNo, playerId: s.record.playerId }), s.seat, decide);
  }

  private tick(): void {
    if (this.state.phase !== 'playing') return;
    for (const s of this.seated.values()) {
      if (!s.seat?.expiryDue(this.matchClock.now()) || this.moves.busy(s.record.playerId)) continue;
      void this.change(s, (seat) => orNothing(seat.decideExpiry(this.matchClock.now()))).then((result) => {
        if (result?.ok) this.afterChange(s, result.value);
      });
    }
    if (this.classViewStale && this.services.now() - this.classViewAt >= CLASS_VIEW_REFRESH_MS) this.refreshClassView();
  }

  private afterChange(s: Seated, move: LoggedMove): void {
    this.updateInfo(s);
    if (s.seat?.isFinished) this.sendResults(s);
    if (move.type === 'place') this.heat.note(s.record.playerId, move.requestId, move.target);
    this.classViewStale = true;
    if ([...this.seated.values()].every((p) => !p.seat || p.seat.isFinished)) void this.finishRound();
  }

  // ---- host actions --------------------------------------------------------

  private hostAction<T extends HostMessageType>(client: Client, type: T, raw: unknown, act: (message: ClientMessage<T>) => Promise<RefusalMessage | null> | RefusalMessage | null): void {
    if (!this.rate.admit(client)) return;
    if ((client.userData as ClientData | undefined)?.role !== 'host') return refuseTo(client, { code: 'host/forbidden', message: 'only the host can do that' });
    const parsed = parseClientMessage(type, raw);
    if (!parsed.ok) return refuseTo(client, parsed);
    Promise.resolve()
      .then(() => act(parsed.value))
      .then((refusal) => {
        if (refusal) refuseTo(client, refusal);
      })
      .catch((error: unknown) => {
        console.error('host action failed', error);
        refuseTo(client, { code: 'server/error', message: 'the server could not do that; try again' });
      });
  }

  private async startRound(choice: string): Promise<RefusalMessage | null> {
    if (this.state.phase === 'playing' || this.state.phase === 'paused') return { code: 'round/running', message: 'end the current round first' };
    const round = resolveRound(choice);
    if (!round.ok) return round;
    const roundNo = this.state.roundNo + 1;
    const now = this.matchClock.now();
    const { config, title, showHints: hints } = round.value;
    const probe = startMatch(config, now);
    if (!probe.ok) return probe;
    await this.services.storage.startRound({ sessionId: this.session.id, roundNo, config: writeRound({ config, title, hints }), startedAt: now, endedAt: null });
    this.roundConfig = config;
    Object.assign(this.state, { roundNo, roundTitle: title, phase: 'playing' });
    for (const s of this.seated.values()) if (s.client) this.seatInRound(s, now, hints);
    this.heat = new Heat();
    this.refreshClassView();
    return null;
  }

  private pause(): RefusalMessage | null {
    if (this.state.phase !== 'playing') return { code: 'round/not_running', message: 'no round is running' };
    this.matchClock.stop();
    this.state.phase = 'paused';
    for (const s of this.seated.values()) if (s.seat) s.seat.view.phase = 'paused';
    return null;
  }

  private async resume(): Promise<RefusalMessage | null> {
    if (this.state.phase !== 'paused' || !this.matchClock.stopped) return { code: 'round/not_paused', message: 'the round is not paused' };
    await this.saveSettings({ pausedMs: this.matchClock.pausedMsIfStartedNow() });
    this.matchClock.start();
    this.state.phase = 'playing';
    for (const s of this.seated.values()) {
      if (!s.seat) continue;
      s.seat.clockOffsetMs = this.matchClock.pausedMs;
      s.seat.view.phase = 'playing';
      s.seat.mirror();
    }
    return null;
  }

  private async endRound(): Promise<RefusalMessage | null> {
    if (!this.roundConfig || this.state.phase === 'results') return { code: 'round/not_running', message: 'no round is running' };
    if (this.matchClock.stopped) await this.resume();
    // Whatever is left is placed by the fallback policy (with its penalty), so every
    // player is compared on the whole stream, as the policies are ([MATCH-TIME-2]).
    const now = this.matchClock.now();
    for (const s of this.seated.values()) {
      while ((await this.change(s, (seat) => orNothing(seat.decideConcession(now))))?.ok);
      this.updateInfo(s);
    }
    await this.finishRound();
    return null;
  }

  private async finishRound(): Promise<void> {
    if (this.state.phase === 'results') return;
    this.state.phase = 'results';
    const roundNo = this.state.roundNo;
    await this.services.storage.endRound(this.session.id, roundNo, this.matchClock.now());
    this.refreshClassView();
    const rows = this.playing().map(({ record, info, seat }) => ({
      sessionId: this.session.id,
      roundNo,
      playerId: record.playerId,
      result: JSON.stringify({ nickname: record.nickname, utilization: info.utilization, fragmentation: seat.match.summary.fragmentation, failures: info.failures, score: info.score, rank: info.rank }),
    }));
    await this.services.storage.saveResults(rows);
    // Each student's full results (every policy, the clairvoyant) take a few ms to compute:
    // one student per turn of the event loop, so moves and patches keep flowing.
    for (const s of this.seated.values()) {
      if (s.resultsSent || !s.seat?.isFinished) continue;
      await new Promise((resolve) => setImmediate(resolve));
      this.sendResults(s);
    }
    for (const s of this.seated.values()) s.seat?.mirror();
  }

  private async kick(playerId: string, bar: boolean): Promise<RefusalMessage | null> {
    const s = this.seated.get(playerId);
    if (!s) return { code: 'player/unknown', message: 'there is no such player' };
    if (bar) await this.services.storage.savePlayer({ ...s.record, barred: true });
    s.client?.send('kicked', { barred: bar });
    s.client?.leave();
    this.seated.delete(playerId);
    this.state.players.delete(playerId);
    this.state.heaps.delete(playerId);
    this.state.playerCount = this.seated.size;
    this.refreshBoard();
    return null;
  }

  private async saveSettings(changes: Partial<SessionSettings>): Promise<RefusalMessage | null> {
    this.settings = { ...this.settings, ...changes };
    await this.services.storage.updateSession(this.session.id, { settings: JSON.stringify(this.settings) });
    this.applySettingsToState();
    this.refreshBoard();
    return null;
  }

  // ---- seats ----------------------------------------------------------------

  private roundRunning(): boolean {
    return this.roundConfig !== null && this.state.phase !== 'results';
  }

  private addSeated(record: PlayerRecord): Seated {
    const info = Object.assign(new PlayerInfo(), { playerId: record.playerId, nickname: record.nickname, connected: false });
    const s: Seated = { record, client: null, seat: null, info, resultsSent: false };
    this.seated.set(record.playerId, s);
    this.state.players.set(record.playerId, info);
    this.state.playerCount = this.seated.size;
    return s;
  }

  private seatInRound(s: Seated, now: number, showHints = false): void {
    const started = this.roundConfig ? startMatch(this.roundConfig, now) : null;
    if (started?.ok) this.installSeat(s, started.value, showHints);
  }

  private installSeat(s: Seated, match: Match, showHints: boolean): void {
    const seat = new Seat(match, { showHints, resultsInState: false });
    seat.clockOffsetMs = this.matchClock.pausedMs;
    seat.mirror();
    s.seat = seat;
    s.resultsSent = false;
    this.state.heaps.set(s.record.playerId, seat.view);
    if (s.client) s.client.view?.add(seat.view);
    for (const host of this.hosts()) host.view?.add(seat.view);
    this.updateInfo(s);
  }

  /** Rebuilds the last round after a restart by replaying each player's logged moves. */
  private async restoreRound(): Promise<void> {
    const round = await restoreLastRound(this.services.storage, this.session.id, [...this.seated.values()].map((s) => s.record));
    if (!round) return;
    this.roundConfig = round.config;
    Object.assign(this.state, { roundNo: round.roundNo, roundTitle: round.title });
    for (const [playerId, match] of round.matches) {
      const s = this.seated.get(playerId);
      if (s) this.installSeat(s, match, round.hints);
    }
    this.state.phase = round.ended ? 'results' : 'playing';
  }

  private showTo(client: Client, s: Seated): void {
    client.view?.add(s.info);
    if (s.seat) client.view?.add(s.seat.view);
  }

  private hosts(): Client[] {
    return this.clients.filter((c) => (c.userData as ClientData | undefined)?.role === 'host');
  }

  private seatedOf(client: Client): Seated | undefined {
    const data = client.userData as ClientData | undefined;
    return data?.playerId ? this.seated.get(data.playerId) : undefined;
  }

  /** The students with a heap in the current (or last) round. */
  private playing(): (Seated & { seat: Seat })[] {
    return [...this.seated.values()].filter((s): s is Seated & { seat: Seat } => s.seat !== null);
  }

  /** Sends a student their finished round's full results, once (and again when they rejoin). */
  private sendResults(s: Seated): void {
    if (s.resultsSent || !s.seat?.isFinished || !s.client) return;
    s.resultsSent = true;
    s.client.send('results', s.seat.results());
  }

  // ---- class-wide views (class-figures.ts decides; this copies into state) ----

  private updateInfo(s: Seated): void {
    if (s.seat) Object.assign(s.info, standingOf(s.seat.match));
  }

  private applySettingsToState(): void {
    Object.assign(this.state, { locked: this.settings.locked, lateJoin: this.settings.lateJoin, leaderboardMode: this.settings.leaderboardMode });
  }

  /** Ranks the class and publishes the board as the host allows. */
  private refreshBoard(): void {
    const playing = this.playing();
    const board = classBoard(playing.map((s) => ({ playerId: s.record.playerId, nickname: s.record.nickname, score: s.info.score })), this.settings.leaderboardMode);
    for (const s of playing) s.info.rank = board.ranks.get(s.record.playerId) ?? 0;
    syncLeaderboard(this.state.leaderboard, board.rows);
  }

  /** Publishes the heat map, the utilization histogram and the leaderboard (with the ranks) now. */
  private refreshClassView(): void {
    this.classViewStale = false;
    this.classViewAt = this.services.now();
    const playing = this.playing();
    const figures = this.state.figures;
    if (this.heat.requestId >= 0) {
      const extent = classExtent(playing.map((s) => s.seat.match.heap));
      Object.assign(figures, { heatMapRequest: this.heat.requestId, heatMapBytes: extent });
      syncNumbers(figures.heatMap, heatMapBins(this.heat.places(), extent));
    }
    syncNumbers(figures.utilizationHistogram, utilizationHistogram(playing.map((s) => s.info.utilization)));
    this.refreshBoard();
  }
}

/** A decision or nothing, as a change's decider answers. */
function orNothing<T>(value: T | null): Outcome<T, string> | null {
  return value === null ? null : succeed(value);
}
