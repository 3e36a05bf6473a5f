// Message shape checking at the server's edge. A message is checked for shape,
// types, ranges and unknown fields before anything reaches the engine; a failure
// is a Refusal with a `message/...` code, never an exception.

import { refuse, succeed, type Outcome } from '../../shared/core/outcome.ts';

export type FieldSpec =
  | { readonly type: 'int'; readonly min: number; readonly max: number; readonly optional?: boolean }
  | { readonly type: 'string'; readonly maxLength: number; readonly optional?: boolean }
  | { readonly type: 'boolean'; readonly optional?: boolean }
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly optional?: boolean }
  | { readonly type: 'object'; readonly optional?: boolean };

export type Shape = Readonly<Record<string, FieldSpec>>;

export type MessageCode = 'message/malformed' | 'message/unknown_field' | 'message/missing_field' | 'message/bad_type' | 'message/out_of_range' | 'message/too_large';

/** The value one field spec accepts. */
type FieldValue<F extends FieldSpec> = F extends { type: 'int' } ? number
  : F extends { type: 'string' } ? string
    : F extends { type: 'boolean' } ? boolean
      : F extends { type: 'enum'; values: readonly (infer V)[] } ? V
        : Record<string, unknown>;

type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;

/** What `parseMessage(shape, …)` returns for a shape: required fields as required keys, optional ones as optional keys. */
export type Parsed<S extends Shape> = { -readonly [K in RequiredKeys<S>]: FieldValue<S[K]> } & { -readonly [K in OptionalKeys<S>]?: FieldValue<S[K]> };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function checkField(name: string, spec: FieldSpec, value: unknown): Outcome<unknown, MessageCode> {
  switch (spec.type) {
    case 'int':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return refuse('message/bad_type', `${name} must be a whole number`);
      if (value < spec.min || value > spec.max) return refuse('message/out_of_range', `${name} must be between ${spec.min} and ${spec.max}`);
      return succeed(value);
    case 'string':
      if (typeof value !== 'string') return refuse('message/bad_type', `${name} must be text`);
      if (value.length > spec.maxLength) return refuse('message/out_of_range', `${name} must be at most ${spec.maxLength} characters`);
      return succeed(value);
    case 'boolean':
      if (typeof value !== 'boolean') return refuse('message/bad_type', `${name} must be true or false`);
      return succeed(value);
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) return refuse('message/bad_type', `${name} must be one of ${spec.values.join(', ')}`);
      return succeed(value);
    case 'object':
      if (!isPlainObject(value)) return refuse('message/bad_type', `${name} must be an object`);
      return succeed(value);
  }
}

/** Checks `raw` against `shape`: every required field present and well typed, no other field. */
export function parseMessage<S extends Shape>(shape: S, raw: unknown): Outcome<Parsed<S>, MessageCode> {
  if (raw === undefined && Object.values(shape).every((f) => f.optional)) raw = {};
  if (!isPlainObject(raw)) return refuse('message/malformed', 'a message must be an object of named fields');
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(shape, key)) return refuse('message/unknown_field', `unknown field ${JSON.stringify(key.slice(0, 40))}`);
  }
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(shape)) {
    if (!Object.hasOwn(raw, name) || raw[name] === undefined) {
      if (spec.optional) continue;
      return refuse('message/missing_field', `${name} is missing`);
    }
    const checked = checkField(name, spec, raw[name]);
    if (!checked.ok) return checked;
    out[name] = checked.value;
  }
  return succeed(out as Parsed<S>);
}
