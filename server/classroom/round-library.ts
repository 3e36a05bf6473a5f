// The rounds a class can start: the built-in catalogue (shared/levels/rounds.ts) and the
// rounds its host made, stored with the session as JSON settings. A host's round is
// checked by the engine's own rules (shared/match/round-settings.ts) when it is saved and
// again when it is started; a round is named by its id in `host:start`. The round picker's
// list carries each round's outline (kind, requests, length: shared/match/round-preview.ts).

import { randomBytes } from 'node:crypto';
import { refuse, succeed, type Outcome } from '../../shared/core/outcome.ts';
import type { RoundConfig } from '../../shared/match/match.ts';
import { checkRoundSettings, type CheckedRound, type RoundSettings } from '../../shared/match/round-settings.ts';
import { outlineRound, type RoundOutline } from '../../shared/match/round-preview.ts';
import { builtInRounds, resolveRound } from '../../shared/levels/rounds.ts';
import type { HostRoundRecord, Storage } from '../storage/storage.ts';

/** A round ready to start in a class. */
export interface StartableRound extends CheckedRound {
  readonly id: string;
}

/** A round as the picker lists it. */
export interface ListedRound extends RoundOutline {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** True for the built-in catalogue; false for the host's own rounds. */
  readonly builtIn: boolean;
  readonly hints: boolean;
  /** The host's own round's settings as saved (for the editor to open a copy); absent for built-in rounds. */
  readonly settings?: RoundSettings;
}

/** The prefix of every host round's id; no built-in id starts with it. */
export const HOST_ROUND_PREFIX = 'h-';

export function newHostRoundId(): string {
  return `${HOST_ROUND_PREFIX}${randomBytes(6).toString('hex')}`;
}

/** Built-in outlines, computed once per process (the catalogue does not change while it runs). */
let builtInList: readonly ListedRound[] | null = null;

function listed(id: string, round: { config: RoundConfig; title: string; description: string; showHints: boolean; roundTimeMs: number | null }, builtIn: boolean, settings?: RoundSettings): ListedRound | null {
  const outline = outlineRound(round.config, round.roundTimeMs);
  if (!outline.ok) return null;
  return { id, title: round.title, description: round.description, builtIn, hints: round.showHints, ...outline.value, ...(settings ? { settings } : {}) };
}

function builtInListing(): readonly ListedRound[] {
  builtInList ??= builtInRounds().flatMap((r) => listed(r.id, { ...r, roundTimeMs: null }, true) ?? []);
  return builtInList;
}

/** A stored host round, checked again (a round the rules no longer accept is logged and left out). */
function checkedHostRound(record: HostRoundRecord): { id: string; settings: RoundSettings; checked: CheckedRound } | null {
  const settings = JSON.parse(record.settings) as RoundSettings;
  const checked = checkRoundSettings(settings);
  if (checked.ok) return { id: record.roundId, settings, checked: checked.value };
  console.error(`round ${record.roundId} of session ${record.sessionId} no longer checks (${checked.code}: ${checked.message})`);
  return null;
}

/** Every round the class can start: the built-in ones, then the host's, oldest first. */
export async function listClassRounds(storage: Storage, sessionId: string): Promise<ListedRound[]> {
  const own = (await storage.listHostRounds(sessionId)).flatMap((record) => {
    const r = checkedHostRound(record);
    return (r && listed(r.id, r.checked, false, r.settings)) ?? [];
  });
  return [...builtInListing(), ...own];
}

/** Checks a host's round settings and stores them under a new id; a refusal stores nothing. */
export async function saveHostRound(storage: Storage, sessionId: string, settings: unknown, now: number): Promise<Outcome<ListedRound, string>> {
  const checked = checkRoundSettings(settings);
  if (!checked.ok) return checked;
  const id = newHostRoundId();
  const round = listed(id, checked.value, false, settings as RoundSettings);
  if (!round) return refuse('settings/invalid', 'the round could not be played through');
  await storage.saveHostRound({ sessionId, roundId: id, settings: JSON.stringify(settings), createdAt: now });
  return succeed(round);
}

/** The round `id` names in this class: a built-in round, or one its host made. */
export async function findClassRound(storage: Storage, sessionId: string, id: string): Promise<Outcome<StartableRound, string>> {
  if (id.startsWith(HOST_ROUND_PREFIX)) {
    const record = (await storage.listHostRounds(sessionId)).find((r) => r.roundId === id);
    const own = record ? checkedHostRound(record) : null;
    return own ? succeed({ id, ...own.checked }) : refuse('level/unknown', `this class has no round "${id}"`);
  }
  const builtIn = resolveRound(id);
  if (!builtIn.ok) return builtIn;
  const { config, title, description, showHints } = builtIn.value;
  return succeed({ id, config, title, description, showHints, roundTimeMs: null });
}
