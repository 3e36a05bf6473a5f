// OSTEP's `malloc.py` operation lists (`-A +10,-0,+20`, rules [OSTEP-*] in
// shared/trace/SPEC.md): `+N` allocates N bytes as the next pointer (ptr[0], ptr[1], ...
// counting every allocation, failed or not), `-k` frees ptr[k]. Read into a request
// stream whose ids are the pointer numbers; parsing never throws.

import { refuse, succeed, type Outcome } from '../core/outcome.ts';
import { alloc, free, type StreamEvent } from '../core/stream.ts';

const ITEM = /^([+-])(\d+)$/;

/** [OSTEP-1] [OSTEP-2] Parses an operation list such as `+10,-0,+20`. */
export function parseOstepOps(text: string): Outcome<StreamEvent[], 'trace/malformed'> {
  const events: StreamEvent[] = [];
  let pointers = 0;
  for (const [i, raw] of text.split(',').entries()) {
    const item = raw.trim();
    const match = ITEM.exec(item);
    if (!match) return refuse('trace/malformed', `item ${i + 1}: "${item}" is neither +bytes nor -pointer`);
    const n = Number(match[2]);
    if (!Number.isSafeInteger(n)) return refuse('trace/malformed', `item ${i + 1}: ${match[2]} is too large`);
    if (match[1] === '+') {
      events.push(alloc(pointers++, n));
    } else if (n >= pointers) {
      return refuse('trace/malformed', `item ${i + 1}: "${item}" frees ptr[${n}], but only ${pointers} pointers have been allocated`);
    } else {
      events.push(free(n));
    }
  }
  return succeed(events);
}
