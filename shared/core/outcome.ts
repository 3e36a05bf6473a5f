// Outcome values: how the engine answers a move. An illegal move is data with a
// stable, namespaced code (`place/overlaps`); exceptions are kept for broken invariants.

export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

export interface Refusal<C extends string = string> {
  readonly ok: false;
  readonly code: C;
  readonly message: string;
}

export type Outcome<T, C extends string = string> = Success<T> | Refusal<C>;

export function succeed<T>(value: T): Success<T> {
  return { ok: true, value };
}

export function refuse<C extends string>(code: C, message: string): Refusal<C> {
  return { ok: false, code, message };
}

/** Throws for a broken invariant: a bug in the engine, never a player's mistake. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant broken: ${message}`);
}
