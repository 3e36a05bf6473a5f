// The built client's delivery (server/delivery/): files precompressed at build time
// (brotli, gzip) and chosen by Accept-Encoding; hashed assets cached as immutable,
// index.html revalidated.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressFile, firstLoadFiles } from '../../server/delivery/precompress.ts';
import { IMMUTABLE, REVALIDATE, accepts, serveClient } from '../../server/delivery/static.ts';

const ASSET = 'assets/index-AbC_12-z.js';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mallocade-delivery-'));
const assetText = `export const lines = [${Array.from({ length: 400 }, (_, i) => `"line ${i}"`).join(', ')}];\n`;
const indexText = `<!doctype html><html><head><title>Mallocade</title></head><body>${'<div></div>'.repeat(60)}<script type="module" src="/${ASSET}"></script></body></html>\n`;
let server: http.Server;
let port = 0;

interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A raw GET (no decompression on the way), with the given request headers. */
function get(pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, ASSET), assetText);
  fs.writeFileSync(path.join(dir, 'index.html'), indexText);
  precompressFile(path.join(dir, ASSET));
  precompressFile(path.join(dir, 'index.html'));
  const app = express();
  app.use(serveClient(dir));
  app.use((_req, res) => res.status(404).end());
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('client delivery', () => {
  it('a hashed asset asked with Accept-Encoding: br comes as brotli, immutable, and decompresses to the file', async () => {
    const res = await get(`/${ASSET}`, { 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(assetText.length / 3);
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(assetText);
  });

  it('gzip when the browser takes gzip but not brotli; brotli first when it takes both', async () => {
    const gz = await get(`/${ASSET}`, { 'accept-encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);
    expect(zlib.gunzipSync(gz.body).toString()).toBe(assetText);
    const both = await get(`/${ASSET}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(both.headers['content-encoding']).toBe('br');
    const refused = await get(`/${ASSET}`, { 'accept-encoding': 'br;q=0, gzip' });
    expect(refused.headers['content-encoding']).toBe('gzip');
  });

  it('without Accept-Encoding the file goes as it is', async () => {
    const res = await get(`/${ASSET}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.body.toString()).toBe(assetText);
  });

  it('index.html (also as /) is revalidated on every load, and unchanged it is a 304', async () => {
    const page = await get('/', { 'accept-encoding': 'gzip, br' });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe(REVALIDATE);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(zlib.brotliDecompressSync(page.body).toString()).toBe(indexText);
    const named = await get('/index.html');
    expect(named.headers['cache-control']).toBe('no-cache');
    expect(named.body.toString()).toBe(indexText);
    const again = await get('/', { 'accept-encoding': 'gzip, br', 'if-none-match': String(page.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('HEAD answers the headers alone; nothing outside the build or a missing file is served', async () => {
    const head = await get(`/${ASSET}`, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
    expect((await get('/assets/missing-12345678.js')).status).toBe(404);
    expect((await get('/..%2f..%2fetc%2fpasswd')).status).toBe(404);
    expect((await get(`/${ASSET}.br`)).status).toBe(404);
  });

  it('Accept-Encoding is read with its weights', () => {
    expect(accepts('gzip, br', 'br')).toBe(true);
    expect(accepts('gzip;q=1.0, br;q=0', 'br')).toBe(false);
    expect(accepts('*', 'br')).toBe(true);
    expect(accepts('*;q=0, gzip', 'br')).toBe(false);
    expect(accepts('identity', 'gzip')).toBe(false);
    expect(accepts(undefined, 'gzip')).toBe(false);
  });

  it('the first load is index.html, the entry and its static imports, not the chunks loaded later', () => {
    const chunk = (isEntry: boolean, imports: string[], css: string[] = []) => ({ type: 'chunk', isEntry, imports, viteMetadata: { importedCss: new Set(css) } });
    const bundle = {
      'index.html': { type: 'asset' },
      'assets/index-11111111.js': chunk(true, ['assets/phaser-22222222.js'], ['assets/index-55555555.css']),
      'assets/phaser-22222222.js': chunk(false, []),
      'assets/PlayScene-33333333.js': chunk(false, ['assets/phaser-22222222.js']),
      'assets/index-55555555.css': { type: 'asset' },
    };
    expect(firstLoadFiles(bundle).sort()).toEqual(['assets/index-11111111.js', 'assets/index-55555555.css', 'assets/phaser-22222222.js', 'index.html']);
  });
});
