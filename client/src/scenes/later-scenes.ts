// The scenes the first screen does not need (playing, results, the gallery, every class
// screen), in a chunk of their own: main.ts and scene-loader.ts load it after the title or
// level map is up, so a phone on a classroom's Wi-Fi draws its first screen sooner.

import type Phaser from 'phaser';
import { PlayScene } from './PlayScene.ts';
import { ResultsScene } from './ResultsScene.ts';
import { GalleryScene } from './GalleryScene.ts';
import { AssignmentScene } from './class/AssignmentScene.ts';
import { ClassLobbyScene } from './class/ClassLobbyScene.ts';
import { HostScene } from './class/HostScene.ts';
import { JoinScene } from './class/JoinScene.ts';
import { ProjectorScene } from './class/ProjectorScene.ts';
import { LATER_SCENE_KEYS, type LaterSceneKey } from './scene-keys.ts';

/** Each key's scene (the key its constructor gives Phaser); the type asks for every key. */
const BY_KEY: Record<LaterSceneKey, Phaser.Types.Scenes.SceneType> = {
  PlayScene, ResultsScene, GalleryScene, JoinScene, ClassLobbyScene, HostScene, ProjectorScene, AssignmentScene,
};

/** Each scene with its key, in the order they stack. */
export const LATER_SCENES: readonly (readonly [LaterSceneKey, Phaser.Types.Scenes.SceneType])[] = LATER_SCENE_KEYS.map((key) => [key, BY_KEY[key]] as const);
