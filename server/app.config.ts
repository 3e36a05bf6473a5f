// The server's composition: rooms, HTTP routes and the built client, on one port.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import config from '@colyseus/tools';
import { defineRoom } from '@colyseus/core';
import { PracticeRoom } from './rooms/PracticeRoom.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CLIENT_DIST = path.resolve(here, '../dist/client');

export default config({
  options: { greet: false },
  rooms: {
    practice: defineRoom(PracticeRoom),
  },
  initializeExpress: (app) => {
    app.get('/health', (_req, res) => {
      res.json({ ok: true });
    });
    app.use(express.static(CLIENT_DIST));
  },
});
