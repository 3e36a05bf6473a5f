// Build-time delivery of the client (issue #15, items 6 and 7): a Vite plugin that
// writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the build,
// so the server sends the smallest encoding a browser accepts without compressing per
// request, and prints what the first screen downloads (index.html, the entry chunk and
// every chunk and stylesheet it imports statically), raw and compressed.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/** Files worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|map|txt|wasm)$/;
/** Below this, a compressed copy saves less than a packet. */
const MIN_BYTES = 512;

export interface Encoded {
  readonly raw: number;
  readonly br: number;
  readonly gzip: number;
}

/** Writes `file.br` and `file.gz` beside `file` (brotli at its best text quality, gzip level 9); answers the three sizes. */
export function precompressFile(file: string): Encoded {
  const data = fs.readFileSync(file);
  if (!COMPRESSIBLE.test(file) || data.length < MIN_BYTES) return { raw: data.length, br: data.length, gzip: data.length };
  const br = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const gz = zlib.gzipSync(data, { level: 9 });
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, gz);
  return { raw: data.length, br: br.length, gzip: gz.length };
}

/** A chunk as the plugin reads it from Rollup's bundle. */
interface ChunkLike {
  readonly type: 'chunk';
  readonly isEntry: boolean;
  readonly imports: readonly string[];
  readonly viteMetadata?: { readonly importedCss: ReadonlySet<string> };
}

/** The files the first screen loads: index.html, the entry chunks, and what they import statically (not `import()`). */
export function firstLoadFiles(bundle: Readonly<Record<string, { readonly type: string }>>): string[] {
  const files = new Set<string>(['index.html']);
  const visit = (name: string): void => {
    if (files.has(name)) return;
    files.add(name);
    const chunk = bundle[name] as ChunkLike | undefined;
    if (chunk?.type !== 'chunk') return;
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const imported of chunk.imports) visit(imported);
  };
  for (const [name, item] of Object.entries(bundle)) if (item.type === 'chunk' && (item as ChunkLike).isEntry) visit(name);
  return [...files].filter((f) => f in bundle);
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;

export function precompress(): Plugin {
  return {
    name: 'mallocade-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? path.dirname(options.file ?? '.');
      const sizes = new Map<string, Encoded>();
      for (const name of Object.keys(bundle)) sizes.set(name, precompressFile(path.join(dir, name)));
      const first = firstLoadFiles(bundle).map((f) => sizes.get(f)!);
      const sum = (key: keyof Encoded): number => first.reduce((total, s) => total + s[key], 0);
      const all = [...sizes.values()].reduce((total, s) => total + s.raw, 0);
      console.log(
        `first load: ${first.length} files, ${kb(sum('raw'))} raw, ${kb(sum('br'))} brotli, ${kb(sum('gzip'))} gzip` +
        ` (the whole build: ${sizes.size} files, ${kb(all)} raw)`,
      );
    },
  };
}
