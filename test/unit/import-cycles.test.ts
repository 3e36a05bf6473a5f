// No import cycles. In shared/ every relative import counts, `import type` too, and a
// cycle fails the test naming its files in order; the areas (core, freelist, match,
// adversary, ...) must also form no cycle between them, so the engine keeps one
// dependency direction (core <- the kinds <- match <- levels). Under server/ and
// client/src/ no cycle is allowed either, at run time or through an `import type` (a type
// two modules both need goes into a types module of its own). TypeScript's parser lists a file's imports, so comments and
// strings that look like imports do not count.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const WALKED = ['shared', 'server', 'client/src'];

type Graph = ReadonlyMap<string, readonly string[]>;

interface Import {
  readonly spec: string;
  /** `import type` / `export type ... from` / `import('x').T` in a type: erased before the code runs. */
  readonly typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [relative(ROOT, path).split(sep).join('/')] : [];
  });
}

/** A file's imports: declarations, re-exports, dynamic `import()` and `import('x')` types. */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ spec: node.moduleSpecifier.text, typeOnly: node.importClause?.isTypeOnly ?? false });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [spec] = node.arguments;
      if (spec && ts.isStringLiteralLike(spec)) found.push({ spec: spec.text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ spec: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Each file's relative imports that resolve to a walked file; `withTypes: false` leaves out what is erased. */
function importGraph(files: readonly string[], withTypes: boolean): Graph {
  const known = new Set(files);
  return new Map(files.map((file) => {
    const imported = importsOf(file)
      .filter((i) => i.spec.startsWith('.') && (withTypes || !i.typeOnly))
      .map((i) => relative(ROOT, resolve(ROOT, dirname(file), i.spec)).split(sep).join('/'))
      .filter((target) => known.has(target));
    return [file, [...new Set(imported)]];
  }));
}

/** The graph with each node replaced by its group; edges inside a group dropped. */
function groupedGraph(graph: Graph, groupOf: (node: string) => string): Graph {
  const grouped = new Map<string, Set<string>>();
  for (const [node, targets] of graph) {
    const from = groupOf(node);
    const edges = grouped.get(from) ?? new Set<string>();
    grouped.set(from, edges);
    for (const target of targets) if (groupOf(target) !== from) edges.add(groupOf(target));
  }
  return new Map([...grouped].map(([node, edges]) => [node, [...edges].sort()]));
}

/** One cycle per strongly connected component of more than one node, as a path that returns to its start. */
function cyclesOf(graph: Graph): string[][] {
  return stronglyConnected(graph).filter((component) => component.length > 1).map((component) => cycleWithin(graph, component));
}

/** Tarjan's strongly connected components. */
function stronglyConnected(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.size - 1);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    components.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

/** A shortest path from the component's first node back to itself, staying inside the component. */
function cycleWithin(graph: Graph, component: readonly string[]): string[] {
  const inside = new Set(component);
  const start = component[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let at = 0; at < queue.length; at++) {
    const node = queue[at]!;
    for (const next of graph.get(node) ?? []) {
      if (next === start) return [...pathTo(cameFrom, node, start), start];
      if (inside.has(next) && !cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  throw new Error(`no cycle through ${start} in a strongly connected component`);
}

function pathTo(cameFrom: ReadonlyMap<string, string>, node: string, start: string): string[] {
  const path = [node];
  for (let at = node; at !== start; at = cameFrom.get(at)!) path.unshift(cameFrom.get(at)!);
  return path;
}

const sharedArea = (file: string): string => file.split('/').slice(0, 2).join('/');
const describeCycles = (cycles: readonly string[][]): string[] => cycles.map((cycle) => cycle.join(' -> '));

/** An area cycle with, for each step, one file import that makes it ("a -> b (a/x.ts imports b/y.ts)"). */
function describeAreaCycles(graph: Graph, cycles: readonly string[][]): string[] {
  return cycles.map((cycle) => cycle.slice(1).map((to, step) => {
    const from = cycle[step]!;
    const edge = [...graph].flatMap(([file, targets]) => (sharedArea(file) === from ? targets.filter((t) => sharedArea(t) === to).map((t) => `${file} imports ${t}`) : []));
    return `${from} -> ${to} (${edge[0] ?? '?'})`;
  }).join(', '));
}

describe('import cycles', () => {
  const files = WALKED.flatMap((dir) => sourceFiles(join(ROOT, dir)));
  const graph = importGraph(files, true);
  const runtimeGraph = importGraph(files, false);
  const shared = new Map([...graph].filter(([file]) => file.startsWith('shared/')));

  it('walks the source tree (the walker finds files and their imports, and which are erased)', () => {
    expect(graph.get('shared/match/match.ts')).toContain('shared/match/build.ts');
    expect(graph.get('shared/match/match.ts')).toContain('shared/match/round-config.ts'); // import type
    expect(runtimeGraph.get('shared/match/match.ts')).not.toContain('shared/match/round-config.ts');
    expect(graph.get('server/rooms/seat.ts')?.some((target) => target.startsWith('shared/'))).toBe(true);
    expect(graph.get('client/src/main.ts')?.length).toBeGreaterThan(0);
  });

  it('finds a cycle when there is one (the detector itself)', () => {
    const looped: Graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', []]]);
    expect(describeCycles(cyclesOf(looped))).toEqual(['a -> b -> c -> a']);
    expect(cyclesOf(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('no file under shared/ imports itself through others, not even through an import type', () => {
    expect(describeCycles(cyclesOf(shared))).toEqual([]);
  });

  it('no file under shared/, server/ or client/src/ loads itself through others at run time', () => {
    expect(describeCycles(cyclesOf(runtimeGraph))).toEqual([]);
  });

  it('no file under server/ or client/src/ imports itself through others, not even through an import type', () => {
    expect(describeCycles(cyclesOf(graph))).toEqual([]);
  });

  it('the areas of shared/ import one another in one direction only', () => {
    expect(describeAreaCycles(shared, cyclesOf(groupedGraph(shared, sharedArea)))).toEqual([]);
  });
});
