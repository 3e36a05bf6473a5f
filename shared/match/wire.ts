// Readers for the compact wire forms a seat's synced strings carry (the happenings,
// happening-wire.ts; the kind view, kind-view-wire.ts): JSON arrays read by position.
// A reader answers the value it read, or `undefined` when the input is not of its shape,
// so a decoder can turn anything malformed into "nothing" instead of throwing.

/** Reads one value of a wire form; `undefined` when `value` is not of the expected shape. */
export type Reader<T> = (value: unknown) => T | undefined;

/** What a reader reads. */
type ReadBy<R> = R extends Reader<infer T> ? T : never;

/** A finite number. */
export const num: Reader<number> = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** A string. */
export const str: Reader<string> = (v) => (typeof v === 'string' ? v : undefined);

/** A flag sent as 1 or 0. */
export const bit: Reader<boolean> = (v) => (v === 1 ? true : v === 0 ? false : undefined);

/** A flag as the wire carries it. */
export function toBit(flag: boolean): 0 | 1 {
  return flag ? 1 : 0;
}

/** One of the given strings. */
export function oneOf<const S extends string>(...values: readonly S[]): Reader<S> {
  return (v) => (typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as S) : undefined);
}

/** `null`, or what `read` reads. */
export function orNull<T>(read: Reader<T>): Reader<T | null> {
  return (v) => (v === null ? null : read(v));
}

/** An array whose every item `read` reads. */
export function listOf<T>(read: Reader<T>): Reader<T[]> {
  return (v) => {
    if (!Array.isArray(v)) return undefined;
    const out: T[] = [];
    for (const item of v) {
      const value = read(item);
      if (value === undefined) return undefined;
      out.push(value);
    }
    return out;
  };
}

/**
 * An array of exactly `readers.length` items, each read by its reader; or, when
 * `optional` is given, also one more item at the end read by it (missing: undefined).
 */
export function tuple<const R extends readonly Reader<unknown>[]>(readers: R): Reader<{ -readonly [K in keyof R]: ReadBy<R[K]> }>;
export function tuple<const R extends readonly Reader<unknown>[], O>(readers: R, optional: Reader<O>): Reader<[...{ -readonly [K in keyof R]: ReadBy<R[K]> }, O | undefined]>;
export function tuple(readers: readonly Reader<unknown>[], optional?: Reader<unknown>): Reader<unknown[]> {
  return (v) => {
    if (!Array.isArray(v)) return undefined;
    const fits = v.length === readers.length || (optional !== undefined && v.length === readers.length + 1);
    if (!fits) return undefined;
    const out: unknown[] = [];
    for (const [i, read] of readers.entries()) {
      const item = read(v[i]);
      if (item === undefined) return undefined;
      out.push(item);
    }
    if (optional === undefined) return out;
    const last = v.length > readers.length ? optional(v[readers.length]) : undefined;
    if (v.length > readers.length && last === undefined) return undefined;
    out.push(last);
    return out;
  };
}

/** What `read` reads, made into something else by `make`. */
export function readAs<T, U>(read: Reader<T>, make: (value: T) => U): Reader<U> {
  return (v) => {
    const value = read(v);
    return value === undefined ? undefined : make(value);
  };
}

/** Parses JSON; `undefined` for text that is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
