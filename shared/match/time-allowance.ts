// A student's time accommodation ([MATCH-TIME-5]): the host gives a student more time
// per request (x1.5, x2) or none at all, and their deadlines follow. The round's own
// deadline stays in the match (replays are unchanged); a seat asks here when the
// request is due for this student. Pure.

/** The allowances a host can give, the round's own time first. */
export const TIME_ALLOWANCES = ['standard', 'x1.5', 'x2', 'none'] as const;
export type TimeAllowance = (typeof TIME_ALLOWANCES)[number];

const FACTOR: Readonly<Record<Exclude<TimeAllowance, 'none'>, number>> = { standard: 1, 'x1.5': 1.5, x2: 2 };

export function isTimeAllowance(value: unknown): value is TimeAllowance {
  return typeof value === 'string' && (TIME_ALLOWANCES as readonly string[]).includes(value);
}

/** What the host's screens call it. */
export function allowanceLabel(allowance: TimeAllowance): string {
  return allowance === 'standard' ? 'standard time' : allowance === 'none' ? 'no time limit' : `${allowance.slice(1)}× time`;
}

/**
 * [MATCH-TIME-5] When a pending request is due for a student with `allowance`: its time
 * (deadline less the moment it was issued) times the allowance's factor after it was
 * issued; null (never) with no time limit, or when the request has no deadline.
 */
export function allowedDeadline(pending: { readonly issuedAtMs: number; readonly deadlineMs: number | null }, allowance: TimeAllowance): number | null {
  if (pending.deadlineMs === null || allowance === 'none') return null;
  return pending.issuedAtMs + (pending.deadlineMs - pending.issuedAtMs) * FACTOR[allowance];
}
