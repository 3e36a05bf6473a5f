// A classroom server for room tests that hand in their own services (a store they
// control, a clock they drive): the classroom room and the classroom HTTP API, booted
// by @colyseus/testing on `port`.

import { boot, type ColyseusTestServer } from '@colyseus/testing';
import config from '@colyseus/tools';
import { defineRoom } from '@colyseus/core';
import { ClassroomRoom } from '../../server/rooms/ClassroomRoom.ts';
import { classroomRoutes, CLASSROOM_ROOM } from '../../server/classroom/api.ts';
import type { Services } from '../../server/services.ts';

export function bootClassroom(services: Services, port: number): Promise<ColyseusTestServer> {
  return boot(config({
    options: { greet: false },
    rooms: { [CLASSROOM_ROOM]: defineRoom(ClassroomRoom, { services }) },
    initializeExpress: (app) => {
      app.use(classroomRoutes(services));
    },
  }), port);
}
