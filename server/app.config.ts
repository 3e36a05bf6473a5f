// The server's composition: rooms, HTTP routes and the built client, on one port.

import config from '@colyseus/tools';
import { defineRoom } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { PracticeRoom } from './rooms/PracticeRoom.ts';
import { ClassroomRoom } from './rooms/ClassroomRoom.ts';
import { CLASSROOM_ROOM, classroomRoutes } from './classroom/api.ts';
import { createServices } from './services.ts';
import { HttpGate, gateOptionsFromEnv } from './protocol/http-gate.ts';
import { scaleOptionsFromEnv } from './cluster/scale-options.ts';
import { serveClient } from './delivery/static.ts';
import { CLIENT_DIST } from './delivery/paths.ts';

/** The largest message a client may send; anything bigger closes its connection. */
const MAX_MESSAGE_BYTES = 16 * 1024;

/** This server's services, handed to each room when it is defined and to the HTTP API (server/services.ts). */
const services = createServices();

export default config({
  // REDIS_URL set: Redis presence and driver, and this process's public address (server/cluster/scale-options.ts).
  options: { greet: false, ...scaleOptionsFromEnv() },
  rooms: {
    practice: defineRoom(PracticeRoom, { services }),
    [CLASSROOM_ROOM]: defineRoom(ClassroomRoom, { services }),
  },
  initializeTransport: (options) => {
    // Every request and upgrade passes the gate first: the trusted address, body size, reservation caps.
    if (options.server) new HttpGate(gateOptionsFromEnv(process.env, services.now)).install(options.server);
    return new WebSocketTransport({ ...options, maxPayload: MAX_MESSAGE_BYTES });
  },
  initializeGameServer: (server) => {
    server.onShutdown(() => services.close());
  },
  initializeExpress: (app) => {
    // The gate has already put the one trusted client address in its header; Express trusts no forwarded header itself.
    app.set('trust proxy', false);
    app.use(classroomRoutes(services));
    app.get('/health', (_req, res) => {
      // bootId changes with every start of the process: clients watch it to notice a restart (docs/PROTOCOL.md, Reconnection).
      res.json({ ok: true, bootId: services.bootId });
    });
    // The built client, precompressed (brotli, gzip) and cached by name (server/delivery/static.ts).
    app.use(serveClient(CLIENT_DIST));
    // Every HTTP error is { code, message } JSON, also for routes that do not exist.
    app.use('/api', (_req, res) => {
      res.status(404).json({ code: 'api/unknown_route', message: 'there is no such API route' });
    });
  },
});
