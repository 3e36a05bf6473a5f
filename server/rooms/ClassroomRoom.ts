// The classroom room: an instructor's live session. The host (who holds the host
// key) runs rounds and moderates; students join with the session's code and a
// nickname, each playing their own match through a Seat. Per-client views: a
// student sees their own heap and the leaderboard as the host allows; the host sees
// every heap and the class figures. A move is stored before it is shown or
// acknowledged (stored-moves.ts), so a restarted server rebuilds the session by
// replaying the logs (class-store.ts). Who may join is admission.ts's; the host's actions
// are host-actions.ts's; how long the room lives (put away when empty, closed when idle
// or by the host) is class-lifetime.ts's; the class-wide pictures are class-figures.ts's;
// this file wires them to Colyseus.

import { matchMaker, Room, SchemaSerializer, ServerError, type AuthContext, type Client } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import type { KeyedLimiter } from '../protocol/rate-limit.ts';
import type { RefusalMessage, RoomMessageType } from '../protocol/messages.ts';
import type { RoomServices } from '../services.ts';
import type { PlayerRecord, SessionRecord } from '../storage/storage.ts';
import { hashSecret, newSecret } from '../classroom/secrets.ts';
import { ClassFigures, ClassroomState, PodiumReveal, Projection } from '../state/classroom-state.ts';
import { ViewPatchSerializer } from '../state/view-patches.ts';
import { admitJoin, type Admission } from './admission.ts';
import { ClassProjection } from './class-projection.ts';
import { hostMessages, type HostDesk } from './host-actions.ts';
import { ClassRound } from './class-round.ts';
import { PodiumRevealer } from './podium-reveal.ts';
import { ClassSeats, type Seated } from './class-seats.ts';
import { HostPages } from './host-pages.ts';
import { readSettings, type SessionSettings } from './class-store.ts';
import { ClientRate, dropUndecodableFrames, refuseTo } from './room-edge.ts';
import { checkReservation, type ClassListing } from './reservation.ts';
import { CLASSROOM_ROOM_NAME, classRoomId } from './class-room-id.ts';
import { ClassLifetime } from './class-lifetime.ts';
import { ROOM_HEADER } from '../protocol/http-gate.ts';
import type { SeatMove } from './seat.ts';
import { MoveAnswers } from './move-answers.ts';

const TICK_MS = 100;
const RECONNECT_SECONDS = 90;
interface ClientData {
  role: 'host' | 'student';
  playerId?: string;
}
const isHost = (client: Client): boolean => (client.userData as ClientData | undefined)?.role === 'host';

/** What onCreate receives: the session to open, and the services given when the room was defined (app.config.ts). */
export interface ClassroomRoomOptions {
  readonly sessionId?: unknown;
  readonly services?: RoomServices & { readonly badJoins: KeyedLimiter };
}

export class ClassroomRoom extends Room<{ state: ClassroomState; client: Client<{ userData: ClientData }> }> {
  override maxClients = 500;
  override state = new ClassroomState();

  /** Colyseus picks its schema serializer when the state is set; a class's patches go only to the clients they change something for. */
  override setSerializer(serializer: Parameters<Room<{ state: ClassroomState }>['setSerializer']>[0]): void {
    super.setSerializer(serializer instanceof SchemaSerializer && !(serializer instanceof ViewPatchSerializer) ? new ViewPatchSerializer<ClassroomState>() : serializer);
  }
  private services!: NonNullable<ClassroomRoomOptions['services']>;
  private session!: SessionRecord;
  private settings!: SessionSettings;
  private rate!: ClientRate;
  private readonly seated = new ClassSeats(this.state, () => this.round.now());
  private round!: ClassRound;
  private projection!: ClassProjection;
  private podium!: PodiumRevealer;
  private pages!: HostPages;
  /** What the host's actions work on (host-actions.ts). */
  private desk!: HostDesk;
  /** Activity, put away when empty, closed when idle or by the host (class-lifetime.ts). */
  private lifetime!: ClassLifetime;
  /** Acks and the patches that show the moves, written together at the end of each turn (move-answers.ts). */
  private readonly answers = new MoveAnswers(() => this.broadcastPatch());

  override messages = {
    place: (client: Client, raw: unknown) => this.studentMove(client, raw, 'place'),
    coalesce: (client: Client, raw: unknown) => this.studentMove(client, raw, 'coalesce'),
    release: (client: Client, raw: unknown) => this.studentMove(client, raw, 'release'),
    ...hostMessages(() => this.desk),
    // An unknown type costs a token of the sender's rate like any other message.
    _: (client: Client, type: unknown) => this.rate.refuseUnknown(client, type),
  } satisfies Record<RoomMessageType<'classroom'> | '_', unknown>;

  /**
   * Runs when a seat is reserved, before it counts against the room: without the class's
   * code or host key nobody holds a seat (reservation.ts). The rest of admission runs when
   * the seat is taken (onAuth below runs then, since this answers `true`).
   */
  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<true> {
    const services = (matchMaker.getHandler(CLASSROOM_ROOM_NAME)?.options as ClassroomRoomOptions | undefined)?.services;
    const roomId = context.headers.get(ROOM_HEADER);
    // A reservation from inside the server (a test's matchMaker call) carries no room header: admission alone decides.
    if (!services || roomId === null) return true;
    const listing = ((await matchMaker.getRoomById(roomId))?.metadata ?? null) as ClassListing | null;
    const checked = await checkReservation(options, {
      listing,
      hostKeyHash: async (sessionId) => (await services.storage.getSession(sessionId))?.hostKeyHash ?? null,
      noteBadJoin: () => services.badJoins.take(context.ip ?? 'unknown', services.now()),
    });
    if (!checked.ok) throw new ServerError(checked.status, `${checked.code}: ${checked.message}`);
    return true;
  }

  override async onCreate(options: ClassroomRoomOptions): Promise<void> {
    if (!options.services) throw new Error('the classroom room was defined without its services (app.config.ts)');
    const services = (this.services = options.services);
    const session = typeof options.sessionId === 'string' ? await services.storage.getSession(options.sessionId) : null;
    if (!session || session.status !== 'open') throw new ServerError(404, 'class/unknown: there is no open class session with that id');
    // One live room per class, under an id its clients find again after a restart.
    this.roomId = classRoomId(session.id);
    if (await matchMaker.getRoomById(this.roomId)) throw new ServerError(409, 'class/already_open: this class already has a live room');
    this.session = session;
    this.settings = readSettings(session.settings);
    this.lifetime = new ClassLifetime({
      storage: services.storage, now: services.now, idleMs: services.classIdleMs, session,
      clients: () => this.clients, roundRunning: () => this.round.running(), endRound: () => this.round.end(),
      saveLastActive: (lastActiveAt) => this.saveSettings({ lastActiveAt }), disconnect: (code) => this.disconnect(code),
    }, this.settings.lastActiveAt ?? services.now());
    this.rate = new ClientRate(services.messageRate, services.now);
    dropUndecodableFrames(this, this.rate);
    this.round = new ClassRound({
      sessionId: session.id, state: this.state, seated: this.seated, storage: services.storage, now: services.now,
      pausedMs: this.settings.pausedMs, paused: this.settings.paused, roundEndsAt: this.settings.roundEndsAt,
      saveClock: async (clock) => {
        await this.saveSettings(clock);
      },
      boardMode: () => this.settings.leaderboardMode,
      viewersOf: (playerId) => this.pages.viewersOf(playerId),
      onClassView: () => {
        this.projection.refresh();
        this.pages.markStale();
      },
    });
    await this.setMetadata({ sessionId: session.id, code: session.code });
    Object.assign(this.state, { code: session.code, figures: new ClassFigures(), projection: new Projection(), podium: new PodiumReveal(), phase: 'lobby', roundNo: 0, roundTitle: '', roundDeadline: 0, roundRemainingMs: 0, roundStartsAt: 0, playerCount: 0 });
    this.podium = new PodiumRevealer(this.state.podium, services.now, this.settings.podium);
    this.projection = new ClassProjection({ projection: this.state.projection, seated: this.seated, config: () => this.round.roundConfig });
    this.pages = new HostPages({ state: this.state, seated: this.seated, projected: () => this.projection.shownIds() });
    this.desk = {
      rate: this.rate, storage: services.storage, state: this.state, seated: this.seated, round: this.round, projection: this.projection, podium: this.podium, pages: this.pages,
      isHost,
      saveSettings: (changes) => this.saveSettings(changes), refreshBoard: () => this.refreshBoard(),
      closing: () => this.lifetime.closing, noteActivity: () => this.lifetime.note(), closeClass: () => this.lifetime.close('host'),
    };
    for (const record of await services.storage.listPlayers(session.id)) if (!record.barred && !record.kicked) this.seated.add(record);
    await this.round.restore();
    await this.round.loadTotals();
    this.applySettingsToState();
    this.round.publishClassView();
    // An empty class room stays a while (a host's page may take long to load, a class may
    // step out), then frees its memory; its session stays open, and a lookup restores it.
    this.autoDispose = false;
    this.clock.setInterval(() => {
      if (this.lifetime.closing) return;
      this.round.tick();
      this.podium.tick();
      this.pages.tick();
      this.lifetime.tick();
    }, TICK_MS);
  }

  override async onAuth(_client: Client, rawOptions: unknown, context: AuthContext): Promise<Admission> {
    const address = context.ip ?? 'unknown';
    const admitted = await admitJoin(rawOptions, {
      session: this.session,
      locked: this.settings.locked,
      lateJoin: this.settings.lateJoin,
      askStudentId: this.settings.askStudentId,
      roundRunning: this.round.running(),
      seated: () => this.seated.records(),
      stored: () => this.services.storage.listPlayers(this.session.id),
      noteBadJoin: () => this.services.badJoins.take(address, this.services.now()),
    });
    if (!admitted.ok) throw new ServerError(admitted.status, `${admitted.code}: ${admitted.message}`);
    return admitted.value;
  }

  override async onJoin(client: Client, _options: unknown, auth: Admission): Promise<void> {
    this.lifetime.note();
    client.view = new StateView();
    if (auth.role === 'host') {
      client.userData = { role: 'host' };
      client.view.add(this.state.figures);
      client.view.add(this.state.projection);
      this.pages.join(client);
      client.send('welcome', { role: 'host', code: this.session.code, sessionId: this.session.id });
      return;
    }
    let s = 'playerId' in auth ? this.seated.get(auth.playerId) : undefined;
    let token: string | undefined;
    if (!s) {
      token = newSecret();
      const { nickname, studentId } = 'nickname' in auth ? auth : { nickname: 'Player', studentId: '' };
      const record: PlayerRecord = { sessionId: this.session.id, playerId: `p${this.seated.size + 1}-${newSecret().slice(0, 6)}`, nickname, tokenHash: hashSecret(token), joinedAt: this.services.now(), barred: false, studentId };
      await this.services.storage.savePlayer(record);
      s = this.seated.add(record);
      if (this.round.running()) await this.round.seatIn(s);
      this.pages.markStale();
    }
    if (s.client && s.client !== client) s.client.leave();
    s.client = client;
    // A returning student plays the round that is running, as a newcomer would.
    if (this.round.needsSeat(s)) await this.round.seatIn(s);
    this.seatClockRuns(s, true);
    client.userData = { role: 'student', playerId: s.record.playerId };
    this.seated.showTo(client, s);
    client.send('welcome', { role: 'student', playerId: s.record.playerId, nickname: s.record.nickname, token, code: this.session.code });
    if (s.seat?.isFinished) {
      s.resultsSent = false;
      this.seated.sendResults(s);
    }
    this.refreshBoard();
  }

  override async onDrop(client: Client): Promise<void> {
    const s = this.seatedOf(client);
    // A kicked student (no seat any more) is not waited for: the kick sticks.
    if ((client.userData as ClientData | undefined)?.role === 'student' && !s) return;
    if (s) this.seatClockRuns(s, false);
    try {
      await this.allowReconnection(client, RECONNECT_SECONDS);
      if (s && s.client === client) this.seatClockRuns(s, true);
    } catch {
      // The grace period ran out; the player can still come back with their token.
      if (s && s.client === client) s.client = null;
    }
  }

  override onLeave(client: Client): void {
    this.rate.forget(client);
    this.pages.leave(client);
    const s = this.seatedOf(client);
    if (s && s.client === client) {
      s.client = null;
      this.seatClockRuns(s, false);
    }
  }

  /** A student's clock runs while they are here and stands still while they are away, so no request of theirs runs out meanwhile. */
  private seatClockRuns(s: Seated, here: boolean): void {
    s.info.connected = here;
    if (!here) return s.clock.stop();
    s.clock.start();
    this.seated.showDeadline(s, this.round.pausedMs);
  }

  // ---- moves (class-round.ts: decided, stored, then shown) ------------------

  private async studentMove(client: Client, raw: unknown, type: SeatMove): Promise<void> {
    if (!this.rate.admit(client) || this.lifetime.closing) return;
    this.lifetime.note();
    const s = this.seatedOf(client);
    if (!s) return refuseTo(client, { code: 'class/not_a_player', message: 'only students place blocks' });
    const refusal = await this.round.move(s, type, raw, (version) => this.answers.ack(client, version));
    if (refusal) refuseTo(client, refusal);
  }

  // ---- settings and seats ---------------------------------------------------

  private async saveSettings(changes: Partial<SessionSettings>): Promise<RefusalMessage | null> {
    this.settings = { ...this.settings, ...changes };
    await this.services.storage.updateSession(this.session.id, { settings: JSON.stringify(this.settings) });
    this.applySettingsToState();
    this.refreshBoard();
    return null;
  }

  private seatedOf(client: Client): Seated | undefined {
    const data = client.userData as ClientData | undefined;
    return data?.playerId ? this.seated.get(data.playerId) : undefined;
  }

  private applySettingsToState(): void {
    this.state.locked = this.settings.locked;
    this.state.lateJoin = this.settings.lateJoin;
    this.state.leaderboardMode = this.settings.leaderboardMode;
    this.state.askStudentId = this.settings.askStudentId;
    this.projection.apply(this.settings.projection);
    this.pages?.markStale();
  }

  private refreshBoard(): void {
    this.pages.markStale();
    this.seated.publishBoard(this.settings.leaderboardMode);
    this.round.showTotals();
  }
}
