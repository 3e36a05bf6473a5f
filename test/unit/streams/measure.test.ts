import { describe, it, expect } from 'vitest';
import { checkStream, measureStream } from '../../../shared/streams/measure.ts';
import { alloc, free, realloc } from '../../../shared/core/stream.ts';
import { buildStream } from '../../../shared/streams/source.ts';

describe('stream facts', () => {
  it('[ST-MEASURE-1] peak live follows allocs, frees and reallocs', () => {
    const stream = [alloc(0, 10, 'x'), alloc(1, 20), free(0), realloc(1, 50), alloc(2, 5, 'y'), free(-1), realloc(7, 3), free(1)];
    // live: 10, 30, 20, 50, 55, 55, 58, 8
    expect(measureStream(stream)).toEqual({ allocs: 3, frees: 3, reallocs: 2, peakLive: 58, maxSize: 50, tags: ['x', 'y'] });
  });

  it('[ST-GEN-2] checkStream refuses a free of a block that is not live, a double alloc, a bad size', () => {
    expect(checkStream([alloc(0, 4), free(0), free(-1)]).ok).toBe(true);
    expect(checkStream([alloc(0, 4), free(1)])).toMatchObject({ ok: false, code: 'stream/malformed' });
    expect(checkStream([alloc(0, 4), alloc(0, 4)])).toMatchObject({ ok: false, code: 'stream/malformed' });
    expect(checkStream([alloc(0, -1)])).toMatchObject({ ok: false, code: 'stream/malformed' });
    expect(checkStream([alloc(0, 0), alloc(0, 3), realloc(0, 0), alloc(0, 1)]).ok).toBe(true);
    expect(checkStream([alloc(0, 0), free(0)])).toMatchObject({ ok: false, code: 'stream/malformed' });
    expect(checkStream([alloc(0, 2.5)])).toMatchObject({ ok: false, code: 'stream/malformed' });
  });

  it('[ST-SRC-1] a .rep trace\'s text is a source; a malformed one is refused with the line', () => {
    expect(buildStream({ source: 'rep', text: '2\n3\na 0 10\nr 0 20\nf 0\n' }, 0)).toEqual({ ok: true, value: [alloc(0, 10), realloc(0, 20), free(0)] });
    const bad = buildStream({ source: 'rep', text: '2\n3\na 0 10\nx 0\nf 0\n' }, 0);
    expect(bad).toMatchObject({ ok: false, code: 'trace/malformed' });
    expect(bad.ok ? '' : bad.message).toMatch(/4/);
  });

  it('[ST-SRC-1] sources: scripts by name, inline events checked, unknown names refused', () => {
    const script = buildStream({ source: 'script', name: 'best-fit-gone-wrong' }, 0);
    expect(script.ok && script.value.length).toBe(9);
    expect(buildStream({ source: 'script', name: 'nope' }, 0)).toMatchObject({ ok: false, code: 'source/unknown' });
    expect(buildStream({ source: 'events', events: [free(3)] }, 0)).toMatchObject({ ok: false, code: 'stream/malformed' });
    const pattern = buildStream({ source: 'pattern', spec: { pattern: 'ramp', count: 3, sizes: { kind: 'uniform', min: 1, max: 1 } } }, 0);
    expect(pattern).toEqual({ ok: true, value: [alloc(0, 1, 'ramp'), alloc(1, 1, 'ramp'), alloc(2, 1, 'ramp')] });
  });
});
