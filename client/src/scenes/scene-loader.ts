// Loads the scenes the first screen does not need (later-scenes.ts, a chunk of its own) and
// adds them to the game, once; a screen of the first chunk (the title, the level map) goes to
// one of them with `goTo`, which waits for the chunk. A failed fetch (a dropped Wi-Fi) is
// tried again on the next call, and said in the console.

import type Phaser from 'phaser';
import type { LaterSceneKey } from './scene-keys.ts';

let loading: Promise<void> | null = null;

/** Loads and adds the later scenes (at most once); resolves when they can be started. */
export function loadLaterScenes(game: Phaser.Game): Promise<void> {
  loading ??= import('./later-scenes.ts').then(({ LATER_SCENES }) => {
    for (const [key, scene] of LATER_SCENES) if (!game.scene.getScene(key)) game.scene.add(key, scene, false);
  }).catch((error: unknown) => {
    loading = null;
    console.error('could not load the game\'s screens', error);
    throw error;
  });
  return loading;
}

/** Starts `key` from `from` once the later scenes are loaded (at once when they are). */
export function goTo(from: Phaser.Scene, key: LaterSceneKey, data?: object): void {
  void loadLaterScenes(from.game).then(() => from.scene.start(key, data), () => undefined);
}
