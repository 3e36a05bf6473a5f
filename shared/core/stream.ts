// Request streams: the events a program sends to its allocator. Every stream
// source (patterns, lecture scripts, adversaries, trace files) produces these.

export interface AllocEvent {
  readonly op: 'alloc';
  readonly id: number;
  readonly size: number;
  /** A lifetime hint: the phase or call site that made the request (used by arenas). */
  readonly tag?: string;
}

export interface FreeEvent {
  readonly op: 'free';
  /** -1 stands for free(NULL), which does nothing. */
  readonly id: number;
}

export interface ReallocEvent {
  readonly op: 'realloc';
  readonly id: number;
  readonly size: number;
}

export type StreamEvent = AllocEvent | FreeEvent | ReallocEvent;

export const alloc = (id: number, size: number, tag?: string): AllocEvent =>
  tag === undefined ? { op: 'alloc', id, size } : { op: 'alloc', id, size, tag };
export const free = (id: number): FreeEvent => ({ op: 'free', id });
export const realloc = (id: number, size: number): ReallocEvent => ({ op: 'realloc', id, size });
