// The client's one networking module: connects to the server's rooms with the
// Colyseus SDK and exposes typed moves and events to the scenes.

import { Client, type Room } from '@colyseus/sdk';

export interface Refusal {
  readonly code: string;
  readonly message: string;
}

/** The game server: the page's own origin, except under `npm run dev` where Vite serves the page and the server listens on 2567. */
function serverEndpoint(): string {
  const { protocol, host, hostname } = window.location;
  const scheme = protocol === 'https:' ? 'wss' : 'ws';
  return import.meta.env.DEV ? `${scheme}://${hostname}:2567` : `${scheme}://${host}`;
}

let sdk: Client | null = null;

function client(): Client {
  sdk ??= new Client(serverEndpoint());
  return sdk;
}

export async function joinPractice(): Promise<Room> {
  return client().create('practice', {});
}
