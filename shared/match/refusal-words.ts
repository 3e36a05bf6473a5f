// A refused move in a student's words, one table keyed by the refusal's code
// ([MATCH-WORDS-1..2]). The engine's refusal message is exact but speaks of addresses
// and blocks; where the screen knows the move (the request's size, the spot tried, the
// heap it saw), the words say the real reason: "17 B doesn't fit in this 6 B hole".
// The code itself is never shown. Used by the play screen's status line, the DOM
// mirror's announcer and the class screens, so they all say the same.

import type { RegionView } from '../core/allocator.ts';
import type { KindView } from './kind-view.ts';
import { previewPlacement } from './preview.ts';

/** What the screen knew of the refused move (all optional: without it the words are general). */
export interface RefusalSituation {
  /** The pending request's size in bytes. */
  readonly size?: number;
  /** Where the player tried to put it: an address, or a slab/arena id. */
  readonly target?: number;
  /** The heap as the player saw it when moving. */
  readonly regions?: readonly RegionView[];
  readonly view?: KindView | null;
  /** How an address reads (the client's decimal or hex setting); decimal when absent. */
  readonly address?: (address: number) => string;
}

interface RefusalLike {
  readonly code: string;
  readonly message: string;
}

type Words = (refusal: RefusalLike, situation: RefusalSituation) => string | null;

/** The engine's own sentence, as a sentence: capital first, a full stop last. */
function asSentence(message: string): string {
  const text = message.trim();
  if (text === '') return 'That move was not taken.';
  const capital = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The free region on the line that holds `target`, if any (mapped areas aside). */
function holeAt(regions: readonly RegionView[], target: number): RegionView | null {
  return regions.find((r) => r.area !== 'mmap' && r.state === 'free' && r.start <= target && target < r.start + r.size) ?? null;
}

/** The live block on the line that holds `target`, if any. */
function blockAt(regions: readonly RegionView[], target: number): RegionView | null {
  return regions.find((r) => r.area !== 'mmap' && r.state === 'live' && r.start <= target && target < r.start + r.size) ?? null;
}

/** The bytes the block takes (header and rounding included), when the kind view can say. */
function blockBytes(situation: RefusalSituation, size: number, target: number): number {
  const p = situation.regions ? previewPlacement(situation.view ?? null, situation.regions, size, target) : null;
  return p ? Math.max(p.size, size) : size;
}

/**
 * [MATCH-WORDS-2] A block that runs out of the hole it was put in: the request's size
 * (and the block's, when headers or rounding make it larger) against the hole's, or,
 * when the hole is big enough but the spot is too far into it, the room left from there.
 */
const doesNotFit: Words = (_refusal, situation) => {
  const { size, target, regions } = situation;
  if (size === undefined || target === undefined || !regions) return null;
  const taken = blockAt(regions, target);
  if (taken) return `That spot is taken by block #${taken.id ?? '?'}: choose a hole (a free gap).`;
  const hole = holeAt(regions, target);
  if (!hole) return null;
  const need = blockBytes(situation, size, target);
  const wanted = need > size ? `malloc(${size}) needs a ${need} B block, which` : `${size} B`;
  if (hole.size < need) return `${wanted} doesn't fit in this ${hole.size} B hole.`;
  const room = hole.start + hole.size - target;
  const address = situation.address ?? String;
  return `${wanted} doesn't fit from address ${address(target)}: only ${room} B of this ${hole.size} B hole are left there; put it at the hole's start (${address(hole.start)}).`;
};

/** A misaligned spot in a hole too small anyway (a buddy's 16 B block for a 32 B one): the size is the real reason; else the engine's words. */
const tooSmallElseEngine: Words = (refusal, situation) => {
  const { size, target, regions } = situation;
  if (size === undefined || target === undefined || !regions) return null;
  const hole = holeAt(regions, target);
  return hole && hole.size < blockBytes(situation, size, target) ? doesNotFit(refusal, situation) : null;
};

const fixed = (text: string): Words => () => text;

/** [MATCH-WORDS-1] The table: a code's words, or null to fall back on the engine's sentence. */
const WORDS: Readonly<Record<string, Words>> = {
  'place/overlaps': doesNotFit,
  'place/spans_blocks': (refusal, situation) => {
    const fit = doesNotFit(refusal, situation);
    return fit ? `${fit} The free block after it has not been merged yet: coalesce first.` : null;
  },
  'buddy/not_free': doesNotFit,
  'place/misaligned': tooSmallElseEngine,
  'place/heap_limit': (refusal, situation) => {
    const fit = doesNotFit(refusal, situation);
    return fit ? `${fit} The heap cannot grow that far.` : null;
  },
  'request/stale': fixed('The heap changed before your move arrived: look again and retry.'),
  'request/late': fixed("Too late: this request's time ran out, so the fallback policy places it."),
  'request/unknown': fixed('That request has already been dealt with: place the one on the card.'),
  'request/none': fixed('There is nothing to place right now.'),
  'round/paused': fixed('Paused by the host: wait for the round to go on.'),
  'match/over': fixed('The round is over.'),
  'server/error': fixed('The server could not save that move: try again.'),
};

/** [MATCH-WORDS-1] What to tell the student about a refused move, in their words, without the code. */
export function refusalWords(refusal: RefusalLike, situation: RefusalSituation = {}): string {
  const words = WORDS[refusal.code]?.(refusal, situation) ?? null;
  return words ?? asSentence(refusal.message);
}
