// The free-list engine's public surface: the heap, its options and presets, the
// policies and the stream runner. Rules: shared/freelist/SPEC.md.

export { FreeListHeap, createFreeListHeap, checkHeap, walkHeap } from './heap.ts';
export type { FreeListOrder, HoleFinder, LiveBlock } from './heap.ts';
export { resolveOptions, blockSizeFor, mappingSizeFor, isAlignedStart, withUsableBytes, DEFAULT_LIMIT, MAX_HEAP_LIMIT } from './options.ts';
export type { FreeListOptions, FreeListConfig, CoalesceMode, GrowthMode, GrowthStep } from './options.ts';
export type { FreeListRefusal, FreeListRefusalCode } from './refusals.ts';
export {
  FREELIST_POLICIES, FREELIST_POLICY_NAMES, findFreeListPolicy,
  firstFitLifo, firstFitFifo, firstFitAddress, nextFit, bestFit, worstFit, tlsf,
} from './policies.ts';
export type { FreeListPolicy, FreeListPolicyName } from './policies.ts';
export { FREELIST_PRESETS, FREELIST_PRESET_NAMES, CSAPP_CONFIG, LECTURE_CONFIG, presetConfig, isFreeListPreset, lectureHeapConfig } from './presets.ts';
export type { FreeListPresetName } from './presets.ts';
export { compileStream, playFreeList, playCompiled, playEveryPolicy } from './play.ts';
export type { CompiledStream, FreeListRun, PlayOptions, PlayRefusalCode } from './play.ts';
export {
  SIM_COALESCE_MODES, coalesceConfig, freeListEntries, listOrderOf, searchedCount, transcribe, withDeferredCoalescing,
} from './transcript.ts';
export type { FreeEntry, SimCoalesceMode, Transcript, TranscriptOp } from './transcript.ts';
