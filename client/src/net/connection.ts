// The client's one networking module: connects to the server's rooms with the
// Colyseus SDK and exposes typed moves and events to the scenes.

import { Client, type Room } from '@colyseus/sdk';

export interface Refusal {
  readonly code: string;
  readonly message: string;
}

/** Vite's dev server port under `npm run dev` (see vite.config.ts); the game server is then on 2567. */
const VITE_DEV_PORT = '5173';

/** The game server: the page's own origin, except under `npm run dev`. */
function serverEndpoint(): string {
  const { protocol, host, hostname, port } = window.location;
  const scheme = protocol === 'https:' ? 'wss' : 'ws';
  return port === VITE_DEV_PORT ? `${scheme}://${hostname}:2567` : `${scheme}://${host}`;
}

let sdk: Client | null = null;

function client(): Client {
  sdk ??= new Client(serverEndpoint());
  return sdk;
}

export async function joinPractice(): Promise<Room> {
  return client().create('practice', {});
}
