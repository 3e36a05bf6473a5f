// CS:APP `.rep` traces read and written (shared/trace/SPEC.md).
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { alloc, free, realloc } from '../../../shared/core/stream.ts';
import { parseRep, writeRep } from '../../../shared/trace/rep.ts';

const fixture = (name: string): string => readFileSync(`test/fixtures/traces/${name}`, 'utf8');

describe('.rep traces', () => {
  it('[REP-1] [REP-2] reads a 4-line header and the ops', () => {
    const trace = parseRep(fixture('short1-bal.rep'));
    expect(trace.ok && trace.value.header).toEqual({ suggestedHeapSize: 20000, ids: 6, ops: 12, weight: 1 });
    expect(trace.ok && trace.value.events.slice(0, 4)).toEqual([alloc(0, 2040), alloc(1, 2040), free(1), alloc(2, 48)]);
  });

  it('[REP-1] [REP-3] [REP-4] [REP-5] reads a 2-line header with CRLF, free(NULL) and a realloc of a new id', () => {
    const trace = parseRep(fixture('crlf-short-header.rep'));
    expect(trace.ok && trace.value).toEqual({
      header: { suggestedHeapSize: null, ids: 4, ops: 6, weight: null },
      events: [alloc(0, 19), alloc(1, 21), free(0), realloc(1, 30), free(-1), realloc(3, 5)],
    });
  });

  it('[REP-6] a malformed file is refused with the line named', () => {
    expect(parseRep(fixture('bad-op.rep'))).toEqual({ ok: false, code: 'trace/malformed', message: 'line 6: "x 1 2" is not an op (a id bytes, r id bytes or f id)' });
    const cases: [string, string][] = [
      ['1\n2\n3\na 0 1\n', 'line 4: expected a header of 4 numbers'],
      ['2\n1\na 0\n', 'line 3: "a 0" should be "a id bytes"'],
      ['2\n1\nf 0 5\n', 'line 3: "f 0 5" should be "f id"'],
      ['2\n1\na 0 ten\n', 'line 3: "a 0 ten" should be "a id bytes"'],
      ['2\n1\na 2 8\n', 'line 3: id 2 is outside'],
      ['2\n1\nf -2\n', 'line 3: id -2 is outside'],
      ['2\n2\na 0 8\n', 'line 2: the header says 2 ops, but the file has 1'],
      ['0\n2\n1\n1\na 0 8\nf 0\n', 'line 6: the header says 1 ops, but there are more'],
      ['2\n-1\n', 'line 2: a header number cannot be negative'],
    ];
    for (const [text, start] of cases) {
      const parsed = parseRep(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message.startsWith(start), `${JSON.stringify(text)} -> ${parsed.message}`).toBe(true);
    }
  });

  it('[REP-7] writes a 4-line header; reading it back gives the same events', () => {
    const events = [alloc(0, 19, 'tmp'), realloc(0, 40), alloc(2, 1), free(-1), free(0), free(2)];
    const text = writeRep(events, { suggestedHeapSize: 100 });
    expect(text).toBe('100\n3\n6\n1\na 0 19\nr 0 40\na 2 1\nf -1\nf 0\nf 2\n');
    const back = parseRep(text);
    expect(back.ok && back.value.events).toEqual([alloc(0, 19), realloc(0, 40), alloc(2, 1), free(-1), free(0), free(2)]);
    expect(writeRep([])).toBe('0\n0\n0\n1\n');
    expect(parseRep(writeRep([]))).toMatchObject({ ok: true, value: { events: [] } });
  });
});
