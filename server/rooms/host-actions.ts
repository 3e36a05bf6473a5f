// The host's actions on a live class: the `host:*` messages of the message table
// (server/protocol/messages.ts). Each costs a token of the sender's rate (nothing is
// taken once the class is closing), is refused to anyone but the host (`host/forbidden`),
// counts as the class's activity, is checked against its shape, and is then done by the
// module that owns it: rounds by class-round.ts, students by class-seats.ts (a kick and a
// time allowance are stored first, so they hold across rejoins and restarts; a finished
// student's round goes back to the host to replay), the projector by class-projection.ts,
// the podium by podium-reveal.ts (stored with the settings first), the host's page of
// the roster by host-pages.ts, closing the class and its settings (lock, late join,
// leaderboard, student ID) by the room. An action that throws answers `server/error`.
// The room hands in what the actions work on (`HostDesk`), storage included; nothing is
// fetched from a global.

import type { Client } from '@colyseus/core';
import type { TimeAllowance } from '../../shared/match/time-allowance.ts';
import { parseClientMessage, type ClientMessage, type HostMessageType, type RefusalMessage } from '../protocol/messages.ts';
import type { Storage } from '../storage/storage.ts';
import type { ClassroomState } from '../state/classroom-state.ts';
import type { ClassProjection } from './class-projection.ts';
import type { ClassRound } from './class-round.ts';
import type { ClassSeats } from './class-seats.ts';
import type { HostPages } from './host-pages.ts';
import type { SessionSettings } from './class-store.ts';
import type { PodiumRevealer } from './podium-reveal.ts';
import { refuseTo, type ClientRate } from './room-edge.ts';

/** The close code a kicked student's connection ends with (docs/PROTOCOL.md): not one the SDK reconnects after. */
const CLOSE_KICKED = 4410;

/** What the host's actions work on, handed in by the classroom room. */
export interface HostDesk {
  readonly rate: ClientRate;
  readonly storage: Storage;
  readonly state: ClassroomState;
  readonly seated: ClassSeats;
  readonly round: ClassRound;
  readonly projection: ClassProjection;
  readonly podium: PodiumRevealer;
  /** Each host's page of the roster. */
  readonly pages: HostPages;
  isHost(client: Client): boolean;
  /** Stores the class's settings changed and shows them. */
  saveSettings(changes: Partial<SessionSettings>): Promise<RefusalMessage | null>;
  /** The board and the totals, after the students changed. */
  refreshBoard(): void;
  /** The class is being closed: nothing more is taken. */
  closing(): boolean;
  /** A host's message counts as activity (class-closing.ts). */
  noteActivity(): void;
  /** Closes the class for good (`host:close`). */
  closeClass(): Promise<RefusalMessage | null>;
}

type Answer = Promise<RefusalMessage | null> | RefusalMessage | null;
/** Each action, given the desk, the checked message and the host who sent it. */
type Act<T extends HostMessageType> = (desk: HostDesk, message: ClientMessage<T>, host: Client) => Answer;
type Actions = { readonly [T in HostMessageType]: Act<T> };

const ACTIONS: Actions = {
  'host:start': (d, m) => startRound(d, m.round),
  'host:pause': (d) => d.round.pause(),
  'host:resume': (d) => d.round.resume(),
  'host:end': (d) => d.round.end(),
  'host:close': (d) => d.closeClass(),
  'host:extend': (d, m) => d.round.extend(m.seconds),
  'host:kick': (d, m) => kick(d, m.playerId, m.bar ?? false),
  'host:time': (d, m) => giveTime(d, m.playerId, m.allowance),
  'host:lock': (d, m) => d.saveSettings({ locked: m.value }),
  'host:late-join': (d, m) => d.saveSettings({ lateJoin: m.value }),
  'host:leaderboard': (d, m) => d.saveSettings({ leaderboardMode: m.mode }),
  'host:student-id': (d, m) => d.saveSettings({ askStudentId: m.ask }),
  'host:project': (d, m) => project(d, m),
  'host:podium': (d) => revealPodium(d),
  'host:page': (d, m, host) => d.pages.ask(host, m),
  'host:replay': (d, m, host) => d.seated.sendReplay(host, m.playerId, d.state.roundTitle),
};

/** The room's `messages` entries for every host action; `desk` is asked at each message (the room makes it in onCreate). */
export function hostMessages(desk: () => HostDesk): Record<HostMessageType, (client: Client, raw: unknown) => void> {
  const entries = (Object.keys(ACTIONS) as HostMessageType[]).map((type) => [type, (client: Client, raw: unknown) => hostAction(desk(), client, type, raw)] as const);
  return Object.fromEntries(entries) as Record<HostMessageType, (client: Client, raw: unknown) => void>;
}

function hostAction<T extends HostMessageType>(desk: HostDesk, client: Client, type: T, raw: unknown): void {
  if (!desk.rate.admit(client) || desk.closing()) return;
  if (!desk.isHost(client)) return refuseTo(client, { code: 'host/forbidden', message: 'only the host can do that' });
  desk.noteActivity();
  const parsed = parseClientMessage(type, raw);
  if (!parsed.ok) return refuseTo(client, parsed);
  const act = ACTIONS[type] as Act<T>;
  Promise.resolve()
    .then(() => act(desk, parsed.value, client))
    .then((refusal) => {
      if (refusal) refuseTo(client, refusal);
    })
    .catch((error: unknown) => {
      console.error('host action failed', error);
      refuseTo(client, { code: 'server/error', message: 'the server could not do that; try again' });
    });
}

/** A new round puts the podium away, and the session's settings forget it. */
async function startRound(desk: HostDesk, round: string): Promise<RefusalMessage | null> {
  const refusal = await desk.round.start(round);
  if (refusal || !desk.podium.isUp) return refusal;
  desk.podium.clear();
  return desk.saveSettings({ podium: null });
}

/** The podium reveal: stored first, so a restarted server shows it as it was; then on every screen. */
async function revealPodium(desk: HostDesk): Promise<RefusalMessage | null> {
  const planned = desk.podium.plan([...desk.state.totals], desk.round.running());
  if ('code' in planned) return planned;
  const refusal = await desk.saveSettings({ podium: planned });
  if (!refusal) desk.podium.show(planned);
  return refusal;
}

/** A student's time accommodation ([MATCH-TIME-5]): stored first, so it holds across rejoins and restarts. */
async function giveTime(desk: HostDesk, playerId: string, allowance: TimeAllowance): Promise<RefusalMessage | null> {
  const s = desk.seated.get(playerId);
  if (!s) return { code: 'player/unknown', message: 'there is no such player' };
  await desk.storage.savePlayer({ ...s.record, timeAllowance: allowance });
  desk.seated.allowTime(s, allowance, desk.round.pausedMs);
  return null;
}

async function kick(desk: HostDesk, playerId: string, bar: boolean): Promise<RefusalMessage | null> {
  const s = desk.seated.get(playerId);
  if (!s) return { code: 'player/unknown', message: 'there is no such player' };
  // A kick sticks: stored, so the token opens nothing (class/kicked, or class/barred) even after a restart.
  await desk.storage.savePlayer({ ...s.record, barred: bar, kicked: !bar });
  s.client?.send('kicked', { barred: bar });
  // A close code the SDK does not take for a network drop: it does not try to reconnect.
  s.client?.leave(CLOSE_KICKED);
  s.client = null;
  s.clock.stop();
  desk.seated.remove(playerId);
  desk.refreshBoard();
  return null;
}

/** What the projector shows; the host put something else up, so the podium goes. */
async function project(desk: HostDesk, message: ClientMessage<'host:project'>): Promise<RefusalMessage | null> {
  const choice = desk.projection.check(message);
  if ('code' in choice) return choice;
  desk.podium.clear();
  return desk.saveSettings({ projection: choice, podium: null });
}
