// CS:APP malloc-lab `.rep` trace files, read and written (rules: shared/trace/SPEC.md).
// A header of 4 integers, one a line (suggested heap size, number of ids, number of
// ops, weight) or only the middle 2, then one op a line: `a id bytes`, `r id bytes`,
// `f id` (`f -1` is free(NULL)). CRLF or LF line ends. A malformed file is refused
// with `trace/malformed` and a message naming the line; parsing never throws.

import { refuse, succeed, type Outcome } from '../core/outcome.ts';
import { alloc, free, realloc, type StreamEvent } from '../core/stream.ts';

export interface RepHeader {
  /** The heap size the trace suggests (4-line headers only). */
  readonly suggestedHeapSize: number | null;
  /** Ids run from 0 to ids - 1. */
  readonly ids: number;
  readonly ops: number;
  /** The trace's weight in the lab's score (4-line headers only). */
  readonly weight: number | null;
}

export interface RepTrace {
  readonly header: RepHeader;
  readonly events: StreamEvent[];
}

export type RepRefusalCode = 'trace/malformed';

const INTEGER = /^-?\d+$/;

/** [REP-1..6] Parses a `.rep` file's text. */
export function parseRep(text: string): Outcome<RepTrace, RepRefusalCode> {
  const lines = text.split(/\r\n|\n|\r/);
  const numbers: { value: number; line: number }[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (!INTEGER.test(line)) break;
    numbers.push({ value: Number(line), line: i + 1 });
  }
  const header = readHeader(numbers, i + 1);
  if (!header.ok) return header;
  const { ids, ops } = header.value;
  const events: StreamEvent[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const event = parseOp(line, i + 1, ids);
    if (!event.ok) return event;
    if (events.length === ops) return malformed(i + 1, `the header says ${ops} ops, but there are more`);
    events.push(event.value);
  }
  if (events.length !== ops) return malformed(numbers[numbers.length === 4 ? 2 : 1]!.line, `the header says ${ops} ops, but the file has ${events.length}`);
  return succeed({ header: header.value, events });
}

/** [REP-7] Writes events as a `.rep` file with a 4-line header (tags are dropped; LF line ends). */
export function writeRep(events: readonly StreamEvent[], options: { suggestedHeapSize?: number; weight?: number } = {}): string {
  let ids = 0;
  const lines: string[] = [];
  for (const e of events) {
    if (e.id >= ids) ids = e.id + 1;
    lines.push(e.op === 'free' ? `f ${e.id}` : `${e.op === 'alloc' ? 'a' : 'r'} ${e.id} ${e.size}`);
  }
  const header = [options.suggestedHeapSize ?? 0, ids, events.length, options.weight ?? 1];
  return `${header.join('\n')}\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}`;
}

function readHeader(numbers: readonly { value: number; line: number }[], firstOpLine: number): Outcome<RepHeader, RepRefusalCode> {
  for (const n of numbers) {
    if (n.value < 0) return malformed(n.line, `a header number cannot be negative (${n.value})`);
  }
  const at = (k: number): number => numbers[k]!.value;
  if (numbers.length === 4) return succeed({ suggestedHeapSize: at(0), ids: at(1), ops: at(2), weight: at(3) });
  if (numbers.length === 2) return succeed({ suggestedHeapSize: null, ids: at(0), ops: at(1), weight: null });
  const line = numbers.length > 4 ? numbers[4]!.line : firstOpLine;
  return malformed(line, `expected a header of 4 numbers (heap size, ids, ops, weight) or 2 (ids, ops), one a line, and found ${numbers.length}`);
}

function parseOp(line: string, lineNo: number, ids: number): Outcome<StreamEvent, RepRefusalCode> {
  const parts = line.split(/\s+/);
  const op = parts[0];
  const want = op === 'f' ? 2 : 3;
  if (op !== 'a' && op !== 'r' && op !== 'f') return malformed(lineNo, `"${line}" is not an op (a id bytes, r id bytes or f id)`);
  if (parts.length !== want || !parts.slice(1).every((p) => INTEGER.test(p))) {
    return malformed(lineNo, `"${line}" should be ${op === 'f' ? '"f id"' : `"${op} id bytes"`} with whole numbers`);
  }
  const id = Number(parts[1]);
  if (op === 'f' && id === -1) return succeed(free(-1));
  if (id < 0 || id >= ids) return malformed(lineNo, `id ${id} is outside the header's ${ids} ids (0 to ${ids - 1})`);
  if (op === 'f') return succeed(free(id));
  const size = Number(parts[2]);
  if (size < 0) return malformed(lineNo, `a request cannot ask for ${size} bytes`);
  return succeed(op === 'a' ? alloc(id, size) : realloc(id, size));
}

function malformed(line: number, what: string): Outcome<never, RepRefusalCode> {
  return refuse('trace/malformed', `line ${line}: ${what}`);
}
