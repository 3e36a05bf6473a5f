// Turns a module and every module it imports through relative paths into plain
// JavaScript files (TypeScript's transpiler: types removed, `.ts` import paths become
// `.js`, nothing else changed), mirroring their paths under an output folder.
//
// Why run JavaScript and not the .ts files as they are: Node's type stripping runs in
// WebAssembly, and when it strips even one file V8 invalidates its "array buffers are
// never detached" protector for the rest of the process. From then on every typed-array
// access of the engine's JIT code carries a detach check (about a tenth of its
// instructions on the bench trace). A process that loads only .js never strips types.
// `npm start` (server/build.ts) and the bench (test/bench/build-js.ts) build with this.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
 * Each file is written whole and then renamed into place, so a process reading the
 * build while another writes it never sees half a file.
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
    const partial = `${out}.${process.pid}.tmp`;
    writeFileSync(partial, js.outputText);
    renameSync(partial, out);
  }
  return join(outDir, relative(root, resolve(entry))).replace(/\.ts$/, '.js');
}
