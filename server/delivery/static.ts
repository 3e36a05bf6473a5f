// Serves the built client (issue #15, item 6): each file in the encoding the browser
// prefers among those built beside it (`.br`, then `.gz`, by server/delivery/
// precompress.ts), else as it is. Hashed assets (Vite's `assets/name-HASH.ext`) never
// change under their name: cached for a year, immutable. Everything else (index.html)
// is revalidated on every load (`no-cache`, with an ETag so that an unchanged file is
// a 304).

import fs from 'node:fs';
import path from 'node:path';
import type { RequestHandler, Response } from 'express';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The encodings built beside a file, best first, with their file suffixes. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Vite's hashed asset names: assets/name-HASH.ext (the hash is 8 base64url characters). */
const HASHED_ASSET = /^assets\/.+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

export function isHashedAsset(relative: string): boolean {
  return HASHED_ASSET.test(relative);
}

/** Whether Accept-Encoding allows `encoding` (named with q > 0, or `*` when it is not named). */
export function accepts(header: string | undefined, encoding: string): boolean {
  if (!header) return false;
  let star = false;
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (token.trim() === encoding) return allowed;
    if (token.trim() === '*') star = allowed;
  }
  return star;
}

/** A middleware serving GET and HEAD requests for the files under `dir` ('/' is index.html); anything else goes on. */
export function serveClient(dir: string): RequestHandler {
  const root = path.resolve(dir);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path).replace(/^\/+/, '') || 'index.html';
    } catch {
      return next();
    }
    const file = path.resolve(root, relative);
    // Only files inside the build, and never a compressed copy asked for by name.
    if (relative.includes('\0') || !file.startsWith(root + path.sep) || /\.(?:br|gz)$/.test(file)) return next();
    const plain = statFile(file);
    if (!plain) return next();
    const encoding = ENCODINGS.find((e) => accepts(req.headers['accept-encoding'], e.name) && statFile(file + e.suffix));
    const served = encoding ? file + encoding.suffix : file;
    const stat = encoding ? statFile(served)! : plain;
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${encoding ? `-${encoding.name}` : ''}"`;
    setHeaders(res, relative, etag);
    if (ENCODINGS.some((e) => statFile(file + e.suffix))) res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    if (encoding) res.setHeader('Content-Encoding', encoding.name);
    res.setHeader('Content-Length', String(stat.size));
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(served).on('error', next).pipe(res);
  };
}

function setHeaders(res: Response, relative: string, etag: string): void {
  res.type(path.extname(relative));
  res.setHeader('Cache-Control', isHashedAsset(relative) ? IMMUTABLE : REVALIDATE);
  res.setHeader('ETag', etag);
}

function statFile(file: string): fs.Stats | null {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat : null;
  } catch {
    return null;
  }
}
