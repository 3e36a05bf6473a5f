// The classroom room: an instructor's live session. The host (who holds the host
// key) runs rounds and moderates; students join with the session's code and a
// nickname, each playing their own match through a Seat. Per-client views: a
// student sees their own heap and the leaderboard as the host allows; the host sees
// every heap and the class figures. Everything is written to storage before it is
// acknowledged, so a restarted server rebuilds the session by replaying the logs.

import { Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import { scoreRound } from '../../shared/score/score.ts';
import { boardScore, rankByScore } from '../../shared/score/rank.ts';
import { replayMatch, startMatch, type LoggedMove, type RoundConfig } from '../../shared/match/match.ts';
import type { RoomServices } from '../services.ts';
import type { PlayerRecord, SessionRecord } from '../storage/storage.ts';
import { parseMessage } from '../protocol/validate.ts';
import { CLASSROOM_JOIN_SHAPE, parseClientMessage, type ClientMessage, type HostMessageType, type RefusalMessage, type RoomMessageType } from '../protocol/messages.ts';
import { ClientRate, refuseTo, refuseUnknownType } from './room-edge.ts';
import { chooseNickname } from '../classroom/nicknames.ts';
import { nicknameKey } from '../../shared/classroom/nickname.ts';
import { hashSecret, newSecret, secretMatches } from '../classroom/secrets.ts';
import { ClassFigures, ClassroomState, PlayerInfo, syncLeaderboard } from '../state/classroom-state.ts';
import { syncNumbers } from '../state/match-state.ts';
import { resolveRound } from './rounds.ts';
import type { KeyedLimiter } from '../protocol/rate-limit.ts';
import { Seat, type SeatMove } from './seat.ts';

const TICK_MS = 100;
const RECONNECT_SECONDS = 90;
const HEAT_BINS = 32;
/**
 * While a round runs, a move only marks the leaderboard and the class figures stale;
 * the tick publishes them at most this often. Rebuilding them on every move sent the
 * whole board to every student up to 20 times a second (about 10 KB/s each in a class of 300).
 */
const CLASS_VIEW_REFRESH_MS = 1000;

export interface SessionSettings {
  locked: boolean;
  lateJoin: boolean;
  leaderboardMode: 'shown' | 'hidden' | 'anonymous';
  /** Milliseconds the session's clock has spent paused (match time = wall time - this). */
  pausedMs: number;
}

const DEFAULT_SETTINGS: SessionSettings = { locked: false, lateJoin: true, leaderboardMode: 'shown', pausedMs: 0 };

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
  private session!: SessionRecord;
  private settings: SessionSettings = { ...DEFAULT_SETTINGS };
  private readonly seated = new Map<string, Seated>();
  private services!: NonNullable<ClassroomRoomOptions['services']>;
  private rate!: ClientRate;
  private roundConfig: RoundConfig | null = null;
  private pausedAt: number | null = null;
  /** Whether a move changed scores or placements since the board and figures were last published. */
  private classViewStale = false;
  private classViewAt = 0;
  /** The most recently placed request and where each student put it: what the heat map shows. */
  private heat: { readonly requestId: number; readonly targets: Map<string, number> } | null = null;

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
    this.services = options.services;
    this.rate = new ClientRate(this.services.messageRate, this.services.now);
    const { storage } = this.services;
    const session = typeof options?.sessionId === 'string' ? await storage.getSession(options.sessionId) : null;
    if (!session || session.status !== 'open') throw new ServerError(404, 'class/unknown: there is no open class session with that id');
    this.session = session;
    this.settings = { ...DEFAULT_SETTINGS, ...(JSON.parse(session.settings) as Partial<SessionSettings>) };
    await this.setMetadata({ sessionId: session.id, code: session.code });
    this.state.code = session.code;
    this.state.figures = new ClassFigures();
    this.state.phase = 'lobby';
    this.state.roundNo = 0;
    this.state.roundTitle = '';
    this.state.playerCount = 0;
    for (const record of await storage.listPlayers(session.id)) if (!record.barred) this.addSeated(record);
    await this.restoreRounds();
    this.applySettingsToState();
    this.refreshClassView();
    this.clock.setInterval(() => this.tick(), TICK_MS);
  }

  override async onAuth(_client: Client, rawOptions: unknown, context: AuthContext): Promise<ClientData & { nickname?: string; token?: string }> {
    const address = context.ip ?? 'unknown';
    const parsed = parseMessage(CLASSROOM_JOIN_SHAPE, rawOptions ?? {});
    if (!parsed.ok) throw new ServerError(400, `${parsed.code}: ${parsed.message}`);
    const options = parsed.value;
    if (options.hostKey !== undefined) {
      if (secretMatches(options.hostKey, this.session.hostKeyHash)) return { role: 'host' };
      this.noteBadJoin(address);
      throw new ServerError(403, 'host/forbidden: that host key does not open this class');
    }
    if (options.code?.toUpperCase() !== this.session.code) {
      this.noteBadJoin(address);
      throw new ServerError(403, 'class/unknown: that code does not open this class');
    }
    if (options.token !== undefined) {
      const known = [...this.seated.values()].find((s) => secretMatches(options.token, s.record.tokenHash));
      if (known) return { role: 'student', playerId: known.record.playerId };
      const barred = (await this.services.storage.listPlayers(this.session.id)).find((p) => p.barred && secretMatches(options.token, p.tokenHash));
      if (barred) throw new ServerError(403, 'class/barred: the host removed you from this class');
    }
    if (this.settings.locked) throw new ServerError(403, 'class/locked: the host has locked this class');
    if (!this.settings.lateJoin && this.roundConfig && this.state.phase !== 'results') {
      throw new ServerError(403, 'class/no_late_join: a round is running and the host is not letting anyone join late');
    }
    const name = chooseNickname(options.nickname, (key) => [...this.seated.values()].some((s) => nicknameKey(s.record.nickname) === key));
    if (!name.ok) throw new ServerError(409, `${name.code}: ${name.message}`);
    return { role: 'student', nickname: name.nickname };
  }

  override async onJoin(client: Client, _options: unknown, auth: ClientData & { nickname?: string }): Promise<void> {
    client.view = new StateView();
    if (auth.role === 'host') {
      client.userData = { role: 'host' };
      client.view.add(this.state.figures);
      for (const s of this.seated.values()) this.showTo(client, s);
      client.send('welcome', { role: 'host', code: this.session.code, sessionId: this.session.id });
      return;
    }
    let seatedPlayer = auth.playerId ? this.seated.get(auth.playerId) : undefined;
    let token: string | undefined;
    if (!seatedPlayer) {
      token = newSecret();
      const record: PlayerRecord = {
        sessionId: this.session.id,
        playerId: `p${this.seated.size + 1}-${newSecret().slice(0, 6)}`,
        nickname: auth.nickname ?? 'Player',
        tokenHash: hashSecret(token),
        joinedAt: Date.now(),
        barred: false,
      };
      await this.services.storage.savePlayer(record);
      seatedPlayer = this.addSeated(record);
      if (this.roundConfig && this.state.phase !== 'results') this.seatInRound(seatedPlayer, this.matchNow());
      for (const host of this.hosts()) this.showTo(host, seatedPlayer);
    }
    if (seatedPlayer.client && seatedPlayer.client !== client) seatedPlayer.client.leave();
    seatedPlayer.client = client;
    seatedPlayer.info.connected = true;
    client.userData = { role: 'student', playerId: seatedPlayer.record.playerId };
    this.showTo(client, seatedPlayer);
    client.send('welcome', { role: 'student', playerId: seatedPlayer.record.playerId, nickname: seatedPlayer.record.nickname, token, code: this.session.code });
    if (seatedPlayer.seat?.isFinished) {
      seatedPlayer.resultsSent = false;
      this.sendResults(seatedPlayer);
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

  // ---- moves -------------------------------------------------------------

  private async studentMove(client: Client, raw: unknown, kind: SeatMove): Promise<void> {
    if (!this.rate.admit(client)) return;
    const s = this.seatedOf(client);
    if (!s) return refuseTo(client, { code: 'class/not_a_player', message: 'only students place blocks' });
    if (this.state.phase === 'paused') return refuseTo(client, { code: 'round/paused', message: 'the host has paused the round' });
    if (!s.seat || this.state.phase !== 'playing') return refuseTo(client, { code: 'round/not_running', message: 'no round is running' });
    const now = this.matchNow();
    const result = s.seat.play(kind, raw, now);
    if (!result.ok) return refuseTo(client, { code: result.code, message: result.message });
    await this.persistMove(s, result.value);
    client.send('ack', { version: s.seat.match.version });
    this.afterChange(s, result.value);
  }

  private async persistMove(s: Seated, move: LoggedMove): Promise<void> {
    if (!s.seat) return;
    await this.services.storage.appendMove({
      sessionId: this.session.id,
      roundNo: this.state.roundNo,
      playerId: s.record.playerId,
      seq: s.seat.match.version - 1,
      move: JSON.stringify(move),
      at: Date.now(),
    });
  }

  private tick(): void {
    if (this.state.phase !== 'playing') return;
    const now = this.matchNow();
    for (const s of this.seated.values()) {
      const expired = s.seat?.expireIfDue(now);
      if (expired) {
        void this.persistMove(s, expired);
        this.afterChange(s, expired);
      }
    }
    if (this.classViewStale && Date.now() - this.classViewAt >= CLASS_VIEW_REFRESH_MS) this.refreshClassView();
  }

  private afterChange(s: Seated, move: LoggedMove): void {
    this.updateInfo(s);
    if (s.seat?.isFinished) this.sendResults(s);
    if (move.type === 'place') this.noteHeat(s.record.playerId, move.requestId, move.target);
    this.classViewStale = true;
    if ([...this.seated.values()].every((p) => !p.seat || p.seat.isFinished)) void this.finishRound();
  }

  // ---- host actions --------------------------------------------------------

  private hostAction<T extends HostMessageType>(
    client: Client,
    type: T,
    raw: unknown,
    act: (message: ClientMessage<T>) => Promise<RefusalMessage | null> | RefusalMessage | null,
  ): void {
    if (!this.rate.admit(client)) return;
    if ((client.userData as ClientData | undefined)?.role !== 'host') {
      refuseTo(client, { code: 'host/forbidden', message: 'only the host can do that' });
      return;
    }
    const parsed = parseClientMessage(type, raw);
    if (!parsed.ok) {
      refuseTo(client, { code: parsed.code, message: parsed.message });
      return;
    }
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
    if (!round.ok) return { code: round.code, message: round.message };
    const roundNo = this.state.roundNo + 1;
    const now = this.matchNow();
    const config = round.value.config;
    const probe = startMatch(config, now);
    if (!probe.ok) return { code: probe.code, message: probe.message };
    await this.services.storage.startRound({ sessionId: this.session.id, roundNo, config: JSON.stringify({ config, title: round.value.title, hints: round.value.showHints }), startedAt: now, endedAt: null });
    this.roundConfig = config;
    this.state.roundNo = roundNo;
    this.state.roundTitle = round.value.title;
    this.state.phase = 'playing';
    for (const s of this.seated.values()) if (s.client) this.seatInRound(s, now, round.value.showHints);
    this.heat = null;
    this.refreshClassView();
    return null;
  }

  private pause(): RefusalMessage | null {
    if (this.state.phase !== 'playing') return { code: 'round/not_running', message: 'no round is running' };
    this.pausedAt = Date.now();
    this.state.phase = 'paused';
    for (const s of this.seated.values()) if (s.seat) s.seat.view.phase = 'paused';
    return null;
  }

  private async resume(): Promise<RefusalMessage | null> {
    if (this.state.phase !== 'paused' || this.pausedAt === null) return { code: 'round/not_paused', message: 'the round is not paused' };
    await this.saveSettings({ pausedMs: this.settings.pausedMs + (Date.now() - this.pausedAt) });
    this.pausedAt = null;
    this.state.phase = 'playing';
    for (const s of this.seated.values()) {
      if (!s.seat) continue;
      s.seat.clockOffsetMs = this.settings.pausedMs;
      s.seat.view.phase = 'playing';
      s.seat.mirror();
    }
    return null;
  }

  private async endRound(): Promise<RefusalMessage | null> {
    if (!this.roundConfig || this.state.phase === 'results') return { code: 'round/not_running', message: 'no round is running' };
    if (this.pausedAt !== null) await this.resume();
    // Whatever is left is placed by the fallback policy (with its penalty), so every
    // player is compared on the whole stream, as the policies are ([MATCH-TIME-2]).
    const now = this.matchNow();
    for (const s of this.seated.values()) {
      if (!s.seat) continue;
      let move: LoggedMove | null;
      while ((move = s.seat.concedePending(now)) !== null) await this.persistMove(s, move);
      this.updateInfo(s);
    }
    await this.finishRound();
    return null;
  }

  private async finishRound(): Promise<void> {
    if (this.state.phase === 'results') return;
    this.state.phase = 'results';
    const roundNo = this.state.roundNo;
    await this.services.storage.endRound(this.session.id, roundNo, this.matchNow());
    this.refreshClassView();
    const rows = [...this.seated.values()].filter((s) => s.seat).map((s) => ({
      sessionId: this.session.id,
      roundNo,
      playerId: s.record.playerId,
      result: JSON.stringify({
        nickname: s.record.nickname,
        utilization: s.info.utilization,
        fragmentation: s.seat ? s.seat.match.summary.fragmentation : 0,
        failures: s.info.failures,
        score: s.info.score,
        rank: s.info.rank,
      }),
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

  // ---- helpers ------------------------------------------------------------

  /** Match time: wall time minus the time spent paused, so a pause stops every clock. */
  private matchNow(): number {
    const pausedNow = this.pausedAt !== null ? Date.now() - this.pausedAt : 0;
    return Date.now() - this.settings.pausedMs - pausedNow;
  }

  private addSeated(record: PlayerRecord): Seated {
    const info = new PlayerInfo();
    info.playerId = record.playerId;
    info.nickname = record.nickname;
    info.connected = false;
    const s: Seated = { record, client: null, seat: null, info, resultsSent: false };
    this.seated.set(record.playerId, s);
    this.state.players.set(record.playerId, info);
    this.state.playerCount = this.seated.size;
    return s;
  }

  private seatInRound(s: Seated, now: number, showHints = false): void {
    if (!this.roundConfig) return;
    const started = startMatch(this.roundConfig, now);
    if (!started.ok) return;
    this.installSeat(s, new Seat(started.value, { showHints, resultsInState: false }));
  }

  private installSeat(s: Seated, seat: Seat): void {
    seat.clockOffsetMs = this.settings.pausedMs;
    seat.mirror();
    s.seat = seat;
    s.resultsSent = false;
    this.state.heaps.set(s.record.playerId, seat.view);
    if (s.client) s.client.view?.add(seat.view);
    for (const host of this.hosts()) host.view?.add(seat.view);
    this.updateInfo(s);
  }

  /** Rebuilds the last round after a restart by replaying each player's logged moves. */
  private async restoreRounds(): Promise<void> {
    const { storage } = this.services;
    const rounds = await storage.listRounds(this.session.id);
    const last = rounds[rounds.length - 1];
    if (!last) return;
    const saved = JSON.parse(last.config) as { config: RoundConfig; title: string; hints: boolean };
    this.roundConfig = saved.config;
    this.state.roundNo = last.roundNo;
    this.state.roundTitle = saved.title;
    const moves = await storage.listMoves(this.session.id, last.roundNo);
    for (const s of this.seated.values()) {
      const log = moves.filter((m) => m.playerId === s.record.playerId).map((m) => JSON.parse(m.move) as LoggedMove);
      const joinedLate = log.length === 0 && s.record.joinedAt > last.startedAt;
      if (joinedLate && last.endedAt !== null) continue;
      const replayed = replayMatch(saved.config, last.startedAt, log);
      if (replayed.ok) this.installSeat(s, new Seat(replayed.value, { showHints: saved.hints, resultsInState: false }));
    }
    this.state.phase = last.endedAt === null ? 'playing' : 'results';
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

  private noteBadJoin(address: string): void {
    if (!this.services.badJoins.take(address, this.services.now())) throw new ServerError(429, 'join/too_many_attempts: too many wrong codes; wait a minute and try again');
  }

  private updateInfo(s: Seated): void {
    if (!s.seat) return;
    const m = s.seat.match;
    const card = scoreRound({ peakLive: m.summary.peakLive, peakHeap: m.summary.peakHeap, failures: m.totals.failures, fallbacks: m.totals.fallbacks });
    s.info.score = boardScore(card.score, m.totals.placed);
    s.info.utilization = card.utilization;
    s.info.failures = m.totals.failures;
    s.info.placed = m.totals.placed;
    s.info.finished = m.finished;
  }

  private applySettingsToState(): void {
    this.state.locked = this.settings.locked;
    this.state.lateJoin = this.settings.lateJoin;
    this.state.leaderboardMode = this.settings.leaderboardMode;
  }

  /** Ranks the class and publishes the board as the host allows (everyone sees it; names hidden when anonymous). */
  private refreshBoard(): void {
    const playing = [...this.seated.values()].filter((s) => s.seat);
    const ranked = rankByScore(playing, (s) => s.info.score, (s) => s.record.nickname);
    for (const { entry, rank } of ranked) entry.info.rank = rank;
    const shown = this.settings.leaderboardMode === 'hidden' ? [] : ranked.slice(0, 50);
    syncLeaderboard(this.state.leaderboard, shown.map(({ entry, rank }, i) => ({
      rank,
      name: this.settings.leaderboardMode === 'anonymous' ? `Player ${i + 1}` : entry.record.nickname,
      score: entry.info.score,
    })));
  }

  /** Publishes the leaderboard (and the ranks) and the class figures now. */
  private refreshClassView(): void {
    this.classViewStale = false;
    this.classViewAt = Date.now();
    if (this.heat !== null) this.recordHeat();
    this.refreshFigures();
    this.refreshBoard();
  }

  private refreshFigures(): void {
    const histogram = new Array<number>(10).fill(0);
    for (const s of this.seated.values()) {
      if (!s.seat) continue;
      const decile = Math.min(9, Math.floor(s.info.utilization * 10));
      histogram[decile] = (histogram[decile] ?? 0) + 1;
    }
    syncNumbers(this.state.figures.utilizationHistogram, histogram);
  }

  /** Sends a student their finished round's full results, once (and again when they rejoin). */
  private sendResults(s: Seated): void {
    if (s.resultsSent || !s.seat?.isFinished || !s.client) return;
    s.resultsSent = true;
    s.client.send('results', s.seat.results());
  }

  /** Remembers where a student put a request; a newer request starts a fresh heat map. */
  private noteHeat(playerId: string, requestId: number, target: number): void {
    if (this.heat && requestId < this.heat.requestId) return;
    if (!this.heat || requestId > this.heat.requestId) this.heat = { requestId, targets: new Map() };
    this.heat.targets.set(playerId, target);
  }

  /** The heat map of the most recent request: where each student put it, over the class's address range. */
  private recordHeat(): void {
    const heat = this.heat;
    if (!heat) return;
    let extent = 1;
    for (const s of this.seated.values()) for (const r of s.seat?.match.heap ?? []) extent = Math.max(extent, r.start + r.size);
    const bins = new Array<number>(HEAT_BINS).fill(0);
    for (const address of heat.targets.values()) {
      const bin = Math.max(0, Math.min(HEAT_BINS - 1, Math.floor((address / extent) * HEAT_BINS)));
      bins[bin] = (bins[bin] ?? 0) + 1;
    }
    const figures = this.state.figures;
    figures.heatMapRequest = heat.requestId;
    figures.heatMapBytes = extent;
    syncNumbers(figures.heatMap, bins);
  }
}
