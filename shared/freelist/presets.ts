// Named option sets ([FL-PRESET-*]): `lecture` (the slides' units: alignment 1, no
// overhead, a fixed heap) and `csapp` (the CS:APP textbook's implicit-list allocator,
// byte for byte: boundary tags, 16-byte minimum, a 16-byte prologue/epilogue start,
// 4096-byte extensions, memlib's 20 MiB limit).

import type { FreeListConfig } from './options.ts';

export const FREELIST_PRESET_NAMES = ['lecture', 'csapp'] as const;
export type FreeListPresetName = (typeof FREELIST_PRESET_NAMES)[number];

/** [FL-PRESET-1] Bytes are the slides' units: no alignment, no overhead, a fixed 100-byte heap unless told otherwise. */
export const LECTURE_CONFIG: FreeListConfig = {
  align: 1, overhead: 0, header: 0, minBlock: 1, split: true, coalesce: 'immediate', growth: 'fixed', limit: 100,
};

/**
 * [FL-PRESET-2] CS:APP (Bryant & O'Hallaron, §9.9.12): 4-byte header and footer,
 * 8-byte alignment, 16-byte minimum block; the heap starts with 4 bytes of padding, an
 * 8-byte prologue block and a 4-byte epilogue header (12 bytes before the first block,
 * 4 after the last), then extends by 4096 bytes: a 4112-byte break. With no fit it
 * extends by max(block, 4096). MAX_HEAP is 20 MiB.
 */
export const CSAPP_CONFIG: FreeListConfig = {
  align: 8, overhead: 8, header: 4, minBlock: 16, split: true, coalesce: 'immediate',
  growth: 'sbrk', prologue: 12, epilogue: 4, initial: 16 + 4096, chunk: 4096, growthStep: 'block-or-chunk',
  limit: 20 * 2 ** 20,
};

export const FREELIST_PRESETS: Readonly<Record<FreeListPresetName, FreeListConfig>> = {
  lecture: LECTURE_CONFIG,
  csapp: CSAPP_CONFIG,
};

export function isFreeListPreset(name: string): name is FreeListPresetName {
  return (FREELIST_PRESET_NAMES as readonly string[]).includes(name);
}

/** A preset's options with `overrides` on top (undefined entries are ignored). */
export function presetConfig(name: FreeListPresetName, overrides: FreeListConfig = {}): FreeListConfig {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as FreeListConfig;
  return { ...FREELIST_PRESETS[name], ...defined };
}

/**
 * [FL-PRESET-3] The heap a lecture script runs on: lecture units, `heapBytes` fixed,
 * or (null) a heap that grows by exactly what each block needs.
 */
export function lectureHeapConfig(heapBytes: number | null): FreeListConfig {
  return heapBytes === null
    ? { ...LECTURE_CONFIG, growth: 'sbrk', chunk: 1, initial: 0, limit: 2 ** 30 }
    : { ...LECTURE_CONFIG, limit: heapBytes };
}
