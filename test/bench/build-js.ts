// The bench's engine entries run as plain JavaScript, the way a deployed build runs the
// engine: this module turns the bench's own module and everything it imports (the
// engine in shared/, the trace generator, the naive model) into .js files under
// bench-out/js, with TypeScript's transpiler (types removed, nothing else changed).
//
// Why not run the .ts files as they are: Node's type stripping runs in WebAssembly,
// and when that memory grows, V8 detaches its old ArrayBuffer. From then on, for the
// rest of the process, V8 can no longer assume a typed array is never detached, and
// every typed-array access of the engine's JIT code carries a detach check (about a
// tenth of its instructions on the bench trace). A process that loads only .js never
// strips types, so it measures the engine, not the loader.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Relative import specifiers of a module's source (`import ... from './x.ts'`, `export ... from`). */
function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/gms)) found.push(m[1]!);
  return found;
}

/**
 * Transpiles `entry` and every module it reaches through relative imports into `outDir`,
 * keeping their paths relative to `root`; returns the path of the entry's .js file.
 */
export function buildJs(root: string, entry: string, outDir: string): string {
  const seen = new Set<string>();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const spec of relativeImports(source)) queue.push(resolve(dirname(file), spec));
    const js = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        target: ts.ScriptTarget.ES2023,
        module: ts.ModuleKind.ESNext,
        rewriteRelativeImportExtensions: true,
        sourceMap: false,
      },
    });
    const out = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, js.outputText);
  }
  return join(outDir, relative(root, resolve(entry))).replace(/\.ts$/, '.js');
}
