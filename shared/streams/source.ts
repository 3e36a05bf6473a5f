// Stream sources that are fixed in advance (not adaptive): a generated pattern, a
// lecture script, events given inline, or a CS:APP `.rep` trace's text. A source is
// plain data, so a round's config can be stored and replayed.

import { refuse, succeed, type Outcome } from '../core/outcome.ts';
import { generatePattern, type PatternSpec } from './patterns.ts';
import { findScript } from './lecture.ts';
import type { Stream } from './schedule.ts';
import { checkStream } from './measure.ts';
import { parseRep } from '../trace/rep.ts';

export type StaticSource =
  | { readonly source: 'pattern'; readonly spec: PatternSpec }
  | { readonly source: 'script'; readonly name: string }
  | { readonly source: 'events'; readonly events: Stream }
  | { readonly source: 'rep'; readonly text: string };

export type SourceCode = 'source/unknown' | 'stream/malformed' | 'trace/malformed';

/** The events of a fixed source for a seed (the seed only matters to patterns). */
export function buildStream(src: StaticSource, seed: number): Outcome<Stream, SourceCode> {
  switch (src.source) {
    case 'pattern':
      return succeed(generatePattern(src.spec, seed));
    case 'script': {
      const script = findScript(src.name);
      return script ? succeed(script.stream) : refuse('source/unknown', `there is no lecture script named "${src.name}"`);
    }
    case 'rep': {
      const trace = parseRep(src.text);
      return trace.ok ? succeed(trace.value.events) : trace;
    }
    case 'events': {
      const checked = checkStream(src.events);
      return checked.ok ? succeed(src.events) : checked;
    }
  }
}
