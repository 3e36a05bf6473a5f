// The SPEC rule ids that tests cite must exist: every bracketed id in a test file (its
// name or its body: `it('[FL-ORDER-3] ...')`, `// [BU-MOVE-5] ...`), ranges such as
// `[FL-POL-1..7]` and families such as `[FL-FUZZ-*]` or a template's `[ADV-SCRIPT-${n}]`
// included, must be defined as `**[ID]**` in some SPEC.md, and no SPEC defines an id
// twice. The ids that no test cites are printed (informational: a rule without a test is
// worth a look, not a failure).

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** An id: an upper-case prefix of two letters or more, dashed parts, a number (`SC-1`, `MATCH-KIND-SLAB-1`). */
const ID = String.raw`[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*-\d+`;
/** A definition: a bold run that starts with the bracketed id (`**[FL-ORDER-1]**`, `**[ST-PAT-1] ramp**`). */
const DEFINITION = new RegExp(String.raw`\*\*\[(${ID})\]`, 'g');
/** A bracketed id, a range of its last number (`..N`), or a family: a prefix then `-*` or a template's `-${...}`. */
const CITATION = new RegExp(String.raw`\[(?:(${ID})(?:\.\.(\d+))?|([A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*)-(?:\*|\$\{[^}\]]*\}))\]`, 'g');

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : filesUnder(path, keep);
    return keep(entry.name) ? [relative(ROOT, path).split(sep).join('/')] : [];
  });
}

interface Definition {
  readonly id: string;
  readonly file: string;
}

function definitionsIn(files: readonly string[]): Definition[] {
  return files.flatMap((file) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(DEFINITION)].map((m) => ({ id: m[1]!, file })));
}

/** What one file cites: exact ids (ranges expanded) and families (prefixes). */
interface Citations {
  readonly ids: Map<string, string>;
  readonly families: Map<string, string>;
}

function citationsIn(files: readonly string[]): Citations {
  const ids = new Map<string, string>();
  const families = new Map<string, string>();
  for (const file of files) {
    for (const match of readFileSync(join(ROOT, file), 'utf8').matchAll(CITATION)) {
      const [, id, rangeEnd, family] = match;
      if (family !== undefined) families.set(family, file);
      else if (id !== undefined) for (const each of expandRange(id, rangeEnd)) ids.set(each, file);
    }
  }
  return { ids, families };
}

/** `FL-POL-1` with range end `7`: FL-POL-1 ... FL-POL-7. */
function expandRange(id: string, rangeEnd: string | undefined): string[] {
  if (rangeEnd === undefined) return [id];
  const dash = id.lastIndexOf('-');
  const prefix = id.slice(0, dash);
  const from = Number(id.slice(dash + 1));
  const to = Number(rangeEnd);
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => `${prefix}-${from + i}`);
}

const specFiles = filesUnder(ROOT, (name) => name === 'SPEC.md');
/** Every test file but this one (its samples are not citations). */
const testFiles = filesUnder(join(ROOT, 'test'), (name) => name.endsWith('.ts') && name !== 'spec-ids.test.ts');
const definitions = definitionsIn(specFiles);
const defined = new Set(definitions.map((d) => d.id));
const cited = citationsIn(testFiles);

describe('SPEC rule ids', () => {
  it('reads the SPECs and the tests (the scanner itself)', () => {
    expect(specFiles).toContain('shared/freelist/SPEC.md');
    expect(defined.has('FL-ORDER-1')).toBe(true);
    expect(cited.ids.get('CORE-ALLOC-1')).toBe('test/unit/core/allocator-contract.test.ts');
    expect(expandRange('FL-POL-1', '3')).toEqual(['FL-POL-1', 'FL-POL-2', 'FL-POL-3']);
    const sample = '[FL-POL-1..2] [ADV-SCRIPT-${n}] [FL-FUZZ-*] arr[N-1] [x-1] [SC-1]';
    const found = [...sample.matchAll(CITATION)].map((m) => m[1] ?? `${m[3]}-*`);
    expect(found).toEqual(['FL-POL-1', 'ADV-SCRIPT-*', 'FL-FUZZ-*', 'SC-1']);
  });

  it('no SPEC defines an id twice', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const { id, file } of definitions) {
      const first = seen.get(id);
      if (first !== undefined) twice.push(`${id} in ${first} and ${file}`);
      seen.set(id, file);
    }
    expect(twice).toEqual([]);
  });

  it('every id a test cites is defined in a SPEC', () => {
    const undefinedIds = [...cited.ids].filter(([id]) => !defined.has(id)).map(([id, file]) => `${id} (cited in ${file})`);
    const emptyFamilies = [...cited.families]
      .filter(([prefix]) => ![...defined].some((id) => id.startsWith(`${prefix}-`)))
      .map(([prefix, file]) => `${prefix}-* (cited in ${file})`);
    expect([...undefinedIds, ...emptyFamilies].sort()).toEqual([]);
  });

  it('lists the ids no test cites (informational)', () => {
    const citedByFamily = (id: string): boolean => [...cited.families.keys()].some((prefix) => id.startsWith(`${prefix}-`));
    const uncited = [...defined].filter((id) => !cited.ids.has(id) && !citedByFamily(id)).sort();
    if (uncited.length > 0) console.info(`SPEC ids no test cites (${uncited.length} of ${defined.size}):\n  ${uncited.join('\n  ')}`);
    expect(uncited.length).toBeLessThan(defined.size);
  });
});
