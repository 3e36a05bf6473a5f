// A host's round as JSON: checked into a round (defaults, clocks), refused in the
// engine's own words, never throwing; its outline and preview worked out by hand.

import { describe, expect, it } from 'vitest';
import { createPrng, nextFloat, nextInt } from '../../../shared/core/prng.ts';
import { createAllocator, createPolicy, policiesFor } from '../../../shared/match/kinds.ts';
import { checkRoundSettings, MAX_ROUND_EVENTS, traceRoundSettings } from '../../../shared/match/round-settings.ts';
import { outlineRound, previewRound } from '../../../shared/match/round-preview.ts';
import { parseRep } from '../../../shared/trace/rep.ts';
import { BEST_FIT_GONE_WRONG } from '../../../shared/streams/lecture.ts';
import { CSAPP_CONFIG, LECTURE_CONFIG } from '../../../shared/freelist/presets.ts';

const LECTURE_99 = { align: 1, overhead: 0, header: 0, minBlock: 1, growth: 'fixed', limit: 99 };

const RAMP = {
  title: 'A ramp',
  kind: 'freelist',
  source: { source: 'pattern', spec: { pattern: 'ramp', count: 10, sizes: { kind: 'uniform', min: 8, max: 64 } } },
};

describe('round settings (MATCH-SET)', () => {
  it('[MATCH-SET-1] fills in the defaults: seed 1, the kind\'s fallback, no clock, no hints', () => {
    const checked = checkRoundSettings(RAMP);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value).toMatchObject({ title: 'A ramp', description: '', showHints: false, roundTimeMs: null });
    expect(checked.value.config).toMatchObject({ kind: 'freelist', options: {}, seed: 1, timePerRequestMs: null, fallback: 'first-fit-address' });
  });

  it('[MATCH-SET-1] takes a clock per request (ms in the config) or for the whole round (beside it)', () => {
    const perRequest = checkRoundSettings({ ...RAMP, clock: { per: 'request', seconds: 20 }, hints: true, seed: 9, description: ' ten blocks ' });
    expect(perRequest.ok && perRequest.value).toMatchObject({ showHints: true, roundTimeMs: null, description: 'ten blocks', config: { timePerRequestMs: 20_000, seed: 9 } });
    const perRound = checkRoundSettings({ ...RAMP, clock: { per: 'round', seconds: 300 } });
    expect(perRound.ok && perRound.value).toMatchObject({ roundTimeMs: 300_000, config: { timePerRequestMs: null } });
  });

  it('[MATCH-SET-1] reads an OSTEP op list into the pointers it names', () => {
    const checked = checkRoundSettings({ title: 'OSTEP', kind: 'freelist', options: LECTURE_99, source: { source: 'ostep', ops: '+10,-0,+20' } });
    expect(checked.ok && checked.value.config.source).toEqual({
      source: 'events', events: [{ op: 'alloc', id: 0, size: 10 }, { op: 'free', id: 0 }, { op: 'alloc', id: 1, size: 20 }],
    });
  });

  it('[MATCH-SET-3] refuses bad values with the engine\'s own code and words', () => {
    const engineSays = createAllocator({ kind: 'freelist', options: { align: 3 } });
    expect(engineSays.ok).toBe(false);
    const align = checkRoundSettings({ ...RAMP, options: { align: 3 } });
    expect(align).toEqual({ ok: false, code: engineSays.ok ? '' : engineSays.code, message: engineSays.ok ? '' : engineSays.message });

    const policy = createPolicy('freelist', 'fastest-fit');
    expect(checkRoundSettings({ ...RAMP, fallback: 'fastest-fit' })).toEqual(policy);

    const rep = 'x\n';
    const parsed = parseRep(rep);
    expect(checkRoundSettings({ ...RAMP, source: { source: 'rep', text: rep } })).toEqual(parsed);

    expect(checkRoundSettings({ ...RAMP, source: { source: 'script', name: 'no-such-script' } })).toMatchObject({ ok: false, code: 'source/unknown' });
    expect(checkRoundSettings({ ...RAMP, source: { source: 'ostep', ops: '+10,-3' } })).toMatchObject({ ok: false, code: 'trace/malformed' });
    expect(checkRoundSettings({ ...RAMP, kind: 'slab', source: { source: 'adaptive', liveBudget: 100, maxSize: 10 } })).toMatchObject({ ok: false, code: 'source/unsupported' });
    expect(checkRoundSettings({ ...RAMP, source: { source: 'events', events: [{ op: 'free', id: 4 }] } })).toMatchObject({ ok: false, code: 'stream/malformed' });
  });

  it('[MATCH-SET-2] refuses a bad shape as settings/invalid, naming the setting', () => {
    const cases: [unknown, RegExp][] = [
      [null, /JSON object/],
      [{ ...RAMP, title: '' }, /title/],
      [{ ...RAMP, colour: 'red' }, /"colour"/],
      [{ ...RAMP, kind: 'stack' }, /kind must be one of freelist, buddy, slab, arena/],
      [{ ...RAMP, options: { align: '8' } }, /options\.align must be a number/],
      [{ ...RAMP, options: { wings: 2 } }, /"wings"/],
      [{ ...RAMP, seed: -1 }, /seed/],
      [{ ...RAMP, clock: { per: 'request', seconds: 0 } }, /clock\.seconds/],
      [{ ...RAMP, clock: { per: 'week' } }, /clock\.per/],
      [{ ...RAMP, source: { source: 'pattern', spec: { pattern: 'ramp', count: 10, sizes: { kind: 'uniform', min: 64, max: 8 } } } }, /min must not exceed max/],
      [{ ...RAMP, source: { source: 'pattern', spec: { pattern: 'peaks', peaks: 200, perPeak: 200, sizes: { kind: 'uniform', min: 1, max: 8 } } } }, new RegExp(`at most ${MAX_ROUND_EVENTS}`)],
      [{ ...RAMP, source: { source: 'pattern', spec: { pattern: 'spiral' } } }, /source\.spec\.pattern/],
      [{ ...RAMP, source: { source: 'fair', liveBudget: 400, requests: 40, sizes: { kind: 'uniform', min: 4, max: 40 }, menu: 99 } }, /source\.menu/],
      [{ ...RAMP, source: { source: 'events', events: [{ op: 'alloc', id: 0 }] } }, /size/],
      [{ ...RAMP, source: { source: 'telepathy' } }, /source\.source/],
    ];
    for (const [settings, words] of cases) {
      const checked = checkRoundSettings(settings);
      expect(checked, JSON.stringify(settings)).toMatchObject({ ok: false, code: 'settings/invalid' });
      expect(checked.ok ? '' : checked.message).toMatch(words);
    }
  });

  it('[MATCH-SET-2] refuses a trace with more events than a round has, after reading it', () => {
    const n = MAX_ROUND_EVENTS / 2 + 1;
    const lines = Array.from({ length: n }, (_, i) => `a ${i} 8\nf ${i}`);
    const text = `${n}\n${2 * n}\n${lines.join('\n')}\n`;
    expect(checkRoundSettings({ ...RAMP, source: { source: 'rep', text } })).toMatchObject({ ok: false, code: 'settings/invalid', message: expect.stringMatching(/20002 events/) });
  });

  it('[MATCH-SET-2] never throws on mangled settings (seed 1401)', () => {
    const prng = createPrng(1401);
    const junk = [null, -1, 0, 1.5, 2 ** 40, '', 'x', true, [], {}, [1, 2], { kind: 'uniform' }, Infinity, NaN];
    const base = { ...RAMP, options: { align: 8 }, clock: { per: 'request', seconds: 5 }, fallback: 'best-fit' };
    for (let i = 0; i < 500; i++) {
      const mangled = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
      const paths = [['title'], ['kind'], ['options'], ['options', 'align'], ['source'], ['source', 'spec'], ['source', 'spec', 'count'], ['source', 'spec', 'sizes'], ['source', 'spec', 'sizes', 'max'], ['clock'], ['clock', 'seconds'], ['seed'], ['fallback'], ['hints']];
      const path = paths[nextInt(prng, 0, paths.length - 1)]!;
      let at: Record<string, unknown> = mangled;
      for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
      at[path[path.length - 1]!] = nextFloat(prng) < 0.1 ? undefined : junk[nextInt(prng, 0, junk.length - 1)];
      const checked = checkRoundSettings(mangled);
      if (!checked.ok) expect(checked.message.length, JSON.stringify(mangled)).toBeGreaterThan(0);
    }
  });
});

describe('round outline and preview (MATCH-SET-4, MATCH-SET-5)', () => {
  // The lecture's "best fit gone wrong": 19, 21, 19, 21, 19 fill 99 bytes; the 19s die; 20 fails everywhere.
  const GONE_WRONG = { title: 'Best fit gone wrong', kind: 'freelist', options: LECTURE_99, source: { source: 'script', name: 'best-fit-gone-wrong' } };

  it('[MATCH-SET-5] previews the sizes over time and every policy\'s score on the stream', () => {
    const preview = previewRound(GONE_WRONG);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.sizes.map((p) => p.size)).toEqual([19, 21, 19, 21, 19, 20]);
    // Live bytes once each request is dealt with: 19, 40, 59, 80, 99; after the three 19s die, 42 (the 20 fails).
    expect(preview.value.sizes.map((p) => p.liveBytes)).toEqual([19, 40, 59, 80, 99, 42]);
    expect(preview.value).toMatchObject({ kind: 'freelist', requests: 6, events: 9, peakLive: 99, title: 'Best fit gone wrong' });
    expect(preview.value.policies.map((p) => p.name)).toEqual(policiesFor('freelist').map((p) => p.name));
    // Every policy the lecture names fails the 20 once on the same 99-byte heap: the same score each.
    const lecture = preview.value.policies.filter((p) => BEST_FIT_GONE_WRONG.expect[0]!.policies.includes(p.name));
    expect(lecture.map((p) => p.failures)).toEqual(BEST_FIT_GONE_WRONG.expect[0]!.policies.map(() => 1));
    expect(new Set(lecture.map((p) => p.score)).size).toBe(1);
    const top = Math.max(...preview.value.policies.map((p) => p.score));
    expect(preview.value.best).toBe(preview.value.policies.find((p) => p.score === top)?.name);
    expect(preview.value.policies.find((p) => p.name === 'best-fit')?.label).toBe('best fit');
  });

  it('[MATCH-SET-4] a round\'s length: its clocks bound it, 4 s a request estimates it', () => {
    const untimed = previewRound(GONE_WRONG);
    expect(untimed.ok && untimed.value.length).toEqual({ limitMs: null, estimateMs: 6 * 4000 });
    const perRequest = previewRound({ ...GONE_WRONG, clock: { per: 'request', seconds: 3 } });
    expect(perRequest.ok && perRequest.value.length).toEqual({ limitMs: 6 * 3000, estimateMs: 6 * 3000 });
    const perRound = previewRound({ ...GONE_WRONG, clock: { per: 'round', seconds: 20 } });
    expect(perRound.ok && perRound.value.length).toEqual({ limitMs: 20_000, estimateMs: 20_000 });
  });

  it('[MATCH-SET-4] outlines an adversary\'s round by the stream it plays against the fallback', () => {
    const checked = checkRoundSettings({ title: 'Duel', kind: 'freelist', source: { source: 'fair', liveBudget: 400, requests: 40, sizes: { kind: 'uniform', min: 4, max: 40 }, menu: 4 } });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const outline = outlineRound(checked.value.config, null);
    expect(outline.ok && outline.value).toMatchObject({ kind: 'freelist', requests: 40 });
  });

  it('[MATCH-SET-5] refuses to preview what it refuses to check', () => {
    expect(previewRound({ ...GONE_WRONG, fallback: 'nope' })).toMatchObject({ ok: false, code: 'policy/unknown' });
  });
});

describe('traces as rounds (MATCH-SET-6)', () => {
  it('[MATCH-SET-6] reads a CS:APP .rep file onto the CS:APP heap, first fit as the fallback, no clock', () => {
    const rep = '20000\n2\n4\n1\na 0 24\na 1 40\nf 0\nf 1\n';
    const checked = checkRoundSettings(traceRoundSettings(rep, ' Short trace '));
    expect(checked.ok && checked.value).toMatchObject({ title: 'Short trace', roundTimeMs: null, showHints: false });
    expect(checked.ok && checked.value.config).toMatchObject({ kind: 'freelist', options: CSAPP_CONFIG, fallback: 'first-fit-address', timePerRequestMs: null, source: { source: 'rep', text: rep } });
    expect(traceRoundSettings(rep).title).toBe('Imported trace');
  });

  it('[MATCH-SET-6] reads an OSTEP op list onto malloc.py\'s 100-byte heap', () => {
    const settings = traceRoundSettings(' +10, -0, +20 \n');
    expect(settings).toMatchObject({ title: 'OSTEP operations', options: LECTURE_CONFIG, source: { source: 'ostep', ops: '+10, -0, +20' } });
    const preview = previewRound(settings);
    expect(preview.ok && preview.value.sizes.map((p) => p.size)).toEqual([10, 20]);
  });

  it('[MATCH-SET-6] refuses a malformed trace in the reader\'s words', () => {
    const text = '1\n1\nq 0 1\n';
    expect(checkRoundSettings(traceRoundSettings(text))).toEqual(parseRep(text));
  });
});
