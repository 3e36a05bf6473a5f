// A classroom server for room tests that hand in their own services (a store they
// control, a clock they drive): the classroom and practice rooms and the classroom HTTP
// API, booted by @colyseus/testing on `port`.

import { boot, type ColyseusTestServer } from '@colyseus/testing';
import config from '@colyseus/tools';
import { defineRoom } from '@colyseus/core';
import { ClassroomRoom } from '../../server/rooms/ClassroomRoom.ts';
import { PracticeRoom } from '../../server/rooms/PracticeRoom.ts';
import { classroomRoutes, CLASSROOM_ROOM } from '../../server/classroom/api.ts';
import { afterAll, beforeAll } from 'vitest';
import { createServices, type Services } from '../../server/services.ts';
import { SqliteStorage } from '../../server/storage/sqlite-storage.ts';

export function bootClassroom(services: Services, port: number): Promise<ColyseusTestServer> {
  return boot(config({
    options: { greet: false },
    rooms: { [CLASSROOM_ROOM]: defineRoom(ClassroomRoom, { services }), practice: defineRoom(PracticeRoom, { services }) },
    initializeExpress: (app) => {
      app.use(classroomRoutes(services));
    },
  }), port);
}

/** A classroom server for one test file: its store in memory, its wall clock driven by the test (`clock.wall`). */
export interface DrivenClassroom {
  readonly clock: { wall: number };
  readonly storage: SqliteStorage;
  readonly port: number;
  /** The booted server (after the file's beforeAll). */
  server(): ColyseusTestServer;
}

/** Boots a driven classroom server before the file's tests and shuts it down after them (`classIdleMs`: the idle time classes close after). */
export function drivenClassroom(options: { readonly classIdleMs?: number } = {}): DrivenClassroom {
  const clock = { wall: 1_796_000_000_000 };
  const storage = new SqliteStorage(':memory:');
  const services = createServices({ storage: () => storage, now: () => clock.wall, ...options });
  const port = 2600 + Math.floor(Math.random() * 400);
  let booted: ColyseusTestServer | null = null;
  beforeAll(async () => {
    booted = await bootClassroom(services, port);
  });
  afterAll(async () => {
    await booted?.shutdown();
  });
  return {
    clock, storage, port,
    server: () => {
      if (!booted) throw new Error('the classroom server is booted in beforeAll');
      return booted;
    },
  };
}
