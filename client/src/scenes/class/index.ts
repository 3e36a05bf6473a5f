// The classroom scenes (join, the student's class lobby, host dashboard, projector
// view, an assignment's page), listed for main.ts. The lobby scene is started by JoinScene with the joined
// room: `{ classRoom: Room, welcome }`.

import type Phaser from 'phaser';
import { JoinScene } from './JoinScene.ts';
import { ClassLobbyScene } from './ClassLobbyScene.ts';
import { HostScene } from './HostScene.ts';
import { ProjectorScene } from './ProjectorScene.ts';
import { AssignmentScene } from './AssignmentScene.ts';

export const CLASS_SCENES: Phaser.Types.Scenes.SceneType[] = [JoinScene, ClassLobbyScene, HostScene, ProjectorScene, AssignmentScene];
