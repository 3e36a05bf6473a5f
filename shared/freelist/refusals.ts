// Every way the free-list heap refuses a move ([FL-PLACE-*], [FL-REQ-*]): a stable code
// and a sentence a student understands. A refusal changes nothing.

import { refuse, type Refusal } from '../core/outcome.ts';

export type FreeListRefusalCode =
  | 'request/invalid'
  | 'request/duplicate'
  | 'request/unknown'
  | 'place/invalid'
  | 'place/out_of_range'
  | 'place/misaligned'
  | 'place/overlaps'
  | 'place/spans_blocks'
  | 'place/sliver'
  | 'place/not_hole_start'
  | 'place/heap_limit'
  | 'coalesce/not_free';

export type FreeListRefusal = Refusal<FreeListRefusalCode>;

export const refusals = {
  badId: (id: number): FreeListRefusal =>
    refuse('request/invalid', id === -1 ? 'id -1 stands for NULL and cannot name a block' : `a request id is a whole number, not ${id}`),
  badSize: (size: number): FreeListRefusal =>
    refuse('request/invalid', size === 0
      ? 'a request of 0 bytes gets no block (malloc(0) may return NULL)'
      : `a request asks for a whole number of bytes above 0, not ${size}`),
  duplicate: (id: number, at: number): FreeListRefusal =>
    refuse('request/duplicate', `request ${id} already has a block (at ${at}); free it first`),
  unknown: (id: number): FreeListRefusal =>
    refuse('request/unknown', `there is no live block for request ${id}`),
  badTarget: (target: number): FreeListRefusal =>
    refuse('place/invalid', `a block goes at a whole-number address, not ${target}`),
  beforeBase: (target: number, base: number): FreeListRefusal =>
    refuse('place/out_of_range', `address ${target} is in the heap's reserved start; the first block can start at ${base}`),
  pastLimit: (target: number, maxEnd: number): FreeListRefusal =>
    refuse('place/out_of_range', `address ${target} is past the end of the room the heap has (its blocks must end by ${maxEnd})`),
  misaligned: (target: number, align: number, header: number): FreeListRefusal =>
    refuse('place/misaligned', header === 0
      ? `address ${target} is not aligned: blocks start at multiples of ${align}`
      : `address ${target} is not aligned: the payload (after a ${header}-byte header) must start at a multiple of ${align}`),
  overlaps: (id: number, at: number): FreeListRefusal =>
    refuse('place/overlaps', `that spot overlaps block ${id} (at ${at})`),
  spans: (at: number): FreeListRefusal =>
    refuse('place/spans_blocks', `that spot runs into the next free block (at ${at}), which has not been coalesced with this one yet; coalesce first`),
  sliver: (lead: number, minBlock: number): FreeListRefusal =>
    refuse('place/sliver', `that would leave ${lead} free bytes before the block, less than the ${minBlock}-byte minimum block`),
  notHoleStart: (holeStart: number): FreeListRefusal =>
    refuse('place/not_hole_start', `splitting is off, so a block takes a whole free block: place it at the free block's start (${holeStart})`),
  fixedHeap: (blockEnd: number, maxEnd: number): FreeListRefusal =>
    refuse('place/heap_limit', `the heap is fixed: its blocks must end by ${maxEnd}, and this one would end at ${blockEnd}`),
  heapLimit: (blockEnd: number, limit: number): FreeListRefusal =>
    refuse('place/heap_limit', `the heap cannot grow enough: this block would end at ${blockEnd} and the break may not pass ${limit}`),
  notFree: (target: number): FreeListRefusal =>
    refuse('coalesce/not_free', `there is no free block at ${target} to coalesce`),
};
