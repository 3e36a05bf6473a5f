// The server's composition: rooms, HTTP routes and the built client, on one port.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import config from '@colyseus/tools';
import { defineRoom } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { PracticeRoom } from './rooms/PracticeRoom.ts';
import { ClassroomRoom } from './rooms/ClassroomRoom.ts';
import { CLASSROOM_ROOM, classroomRoutes } from './classroom/api.ts';
import { closeServices } from './services.ts';

/** The largest message a client may send; anything bigger closes its connection. */
const MAX_MESSAGE_BYTES = 16 * 1024;

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built client: dist/client, or MALLOCADE_CLIENT_DIST (the browser tests build into a folder of their own). */
export const CLIENT_DIST = process.env.MALLOCADE_CLIENT_DIST ?? path.resolve(here, '../dist/client');

export default config({
  options: { greet: false },
  rooms: {
    practice: defineRoom(PracticeRoom),
    [CLASSROOM_ROOM]: defineRoom(ClassroomRoom),
  },
  initializeTransport: (options) => new WebSocketTransport({ ...options, maxPayload: MAX_MESSAGE_BYTES }),
  initializeGameServer: (server) => {
    server.onShutdown(() => closeServices());
  },
  initializeExpress: (app) => {
    app.set('trust proxy', 'loopback');
    app.use(classroomRoutes());
    app.get('/health', (_req, res) => {
      res.json({ ok: true });
    });
    app.use(express.static(CLIENT_DIST));
  },
});
