// Browser-test support: runs the real server (`npm start`'s JavaScript build) as a child
// process on a free port and drives Debian's Chromium through playwright-core.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { TextBox } from '../../client/src/scenes/class/screen-report.ts';
import { ensureServerBuilt } from '../../server/build.ts';

export const ARTIFACTS = path.resolve('test-artifacts');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** The server process's id (for /proc/PID/stat). */
  readonly pid: number;
  stop(): Promise<void>;
  /** Kills the process with `signal` (SIGKILL: no shutdown hooks run) and waits for it to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export interface ServerOptions {
  /** Listen on this port (e.g. to restart a killed server where its clients expect it); a free one by default. */
  readonly port?: number;
  /** Flags for the server's Node before its script (the load script's `--inspect=127.0.0.1:PORT`). */
  readonly nodeArgs?: readonly string[];
}

export async function startServer(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  // The server as `npm start` runs it: its JavaScript build, made first when stale (server/build.ts).
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), ensureServerBuilt()], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise((r) => child.once('exit', r));
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (Date.now() >= deadline) throw new Error(`server did not answer /health:\n${log}`);
  const isGone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url,
    port,
    pid: child.pid ?? -1,
    kill: async (signal) => {
      if (!isGone()) child.kill(signal);
      await exit;
    },
    stop: async () => {
      if (isGone()) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Headless Chromium with a fresh profile; `touch` makes it a phone with a touch screen (taps, no mouse). */
export async function launchBrowser(viewport = { width: 1280, height: 720 }, options: { readonly touch?: boolean } = {}): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mallocade-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    ...(options.touch ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
    args: CHROMIUM_ARGS,
  });
}

/**
 * One headless Chromium to open many separate browsers in (`browser.newContext()`:
 * each with its own storage, like another person's machine), cheaper than a process each.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export function artifactPath(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** A text on screen as a scene publishes it for the tests (position and size in px). */
export type { TextBox };

/** Pairs of texts whose boxes overlap by more than a pixel each way. */
export function overlappingTexts(texts: readonly TextBox[]): string[] {
  const found: string[] = [];
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1)) {
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (dx > 1 && dy > 1) found.push(`"${a.text}" overlaps "${b.text}"`);
    }
  });
  return found;
}

/** Texts that stick out of a screen of this size. */
export function textsOffScreen(texts: readonly TextBox[], width: number, height: number): string[] {
  return texts.filter((t) => t.x < -0.5 || t.y < -0.5 || t.x + t.w > width + 0.5 || t.y + t.h > height + 0.5).map((t) => `"${t.text}" at ${t.x},${t.y} ${t.w}x${t.h}`);
}
