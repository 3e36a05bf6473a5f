// Where the game server is: the page's own origin, except under `npm run dev` (Vite's
// dev server serves the page; the game server listens on 2567).

/** Vite's dev server port under `npm run dev` (see vite.config.ts); the game server is then on 2567. */
const VITE_DEV_PORT = '5173';

/** The game server's HTTP origin. */
export function httpOrigin(): string {
  const { protocol, hostname, port, origin } = window.location;
  return port === VITE_DEV_PORT ? `${protocol}//${hostname}:2567` : origin;
}

/** The game server's websocket endpoint. */
export function serverEndpoint(): string {
  return httpOrigin().replace(/^http/, 'ws');
}
