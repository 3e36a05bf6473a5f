// The memory of a server process the load script started, read through Node's inspector
// (the child runs with `--inspect=127.0.0.1:PORT`, loopback only, and only when the
// script started it): a full garbage collection, then `process.memoryUsage()`, so what
// survives a collection is told apart from the young generation and from the heap V8
// keeps reserved; and heap snapshots, written to a file, to compare what is retained.
// Nothing in the server itself changes: no message or route reaches any of this.

import fs from 'node:fs';

/** `process.memoryUsage()` of the server after a full collection, in bytes. */
export interface HeapAfterGc {
  readonly rss: number;
  readonly heapTotal: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

export interface ServerHeap {
  /** Collects garbage in the server, then reads its memory. */
  afterGc(): Promise<HeapAfterGc>;
  /** Writes a heap snapshot of the server (after a collection) to `file`. */
  snapshot(file: string): Promise<void>;
  close(): void;
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/** The DevTools WebSocket of the inspector listening on `port` (127.0.0.1). */
async function debuggerUrl(port: number): Promise<string> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl?: string }[];
  const url = targets[0]?.webSocketDebuggerUrl;
  if (!url) throw new Error(`no inspector target on 127.0.0.1:${port}`);
  return url;
}

/** Connects to the inspector of the server started with `--inspect=127.0.0.1:port`. */
export async function connectServerHeap(port: number): Promise<ServerHeap> {
  const ws = new WebSocket(await debuggerUrl(port));
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('error', () => reject(new Error('could not open the inspector socket')), { once: true });
  });
  const pending = new Map<number, Pending>();
  let chunks: string[] | null = null;
  let nextId = 1;
  ws.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; method?: string; params?: { chunk?: string }; result?: unknown; error?: { message: string } };
    if (message.method === 'HeapProfiler.addHeapSnapshotChunk') chunks?.push(message.params?.chunk ?? '');
    if (message.id === undefined) return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiting?.reject(new Error(message.error.message));
    else waiting?.resolve(message.result);
  });
  const call = (method: string, params: object = {}): Promise<unknown> => {
    const id = nextId++;
    ws.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
  };
  return {
    async afterGc() {
      await call('HeapProfiler.collectGarbage');
      const answer = (await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true })) as { result: { value: string } };
      return JSON.parse(answer.result.value) as HeapAfterGc;
    },
    async snapshot(file) {
      chunks = [];
      await call('HeapProfiler.collectGarbage');
      await call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      fs.writeFileSync(file, chunks.join(''));
      chunks = null;
    },
    close: () => ws.close(),
  };
}
