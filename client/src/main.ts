// Boots Phaser with the game's scenes, sized to the browser window, and picks the
// first scene from the address: `/?join=CODE` (join a class), `/?assignment=ID` (homework), `/?host=CODE` and
// `/?projector=CODE` (the host's screens), `/?level=ID` (a practice level),
// `/?scene=gallery` (every view on sample data); otherwise the title screen.

import Phaser from 'phaser';
import { TitleScene } from './scenes/TitleScene.ts';
import { LevelSelectScene } from './scenes/LevelSelectScene.ts';
import { UI } from './palette.ts';
import { LEVELS } from '../../shared/levels/levels.ts';
import { countFramesForTests, reportControlsForTests } from './test-hook.ts';
import { controlRects } from './a11y/layer.ts';
import { loadLaterScenes } from './scenes/scene-loader.ts';
import { isLaterScene } from './scenes/scene-keys.ts';

interface Route {
  readonly scene: string;
  readonly data: Record<string, string>;
}

function routeFromAddress(search: string): Route {
  const params = new URLSearchParams(search);
  const join = params.get('join');
  if (join !== null) return { scene: 'JoinScene', data: { code: join } };
  const assignment = params.get('assignment');
  if (assignment !== null) return { scene: 'AssignmentScene', data: { id: assignment } };
  const host = params.get('host');
  if (host !== null) return { scene: 'HostScene', data: { code: host } };
  const projector = params.get('projector');
  if (projector !== null) return { scene: 'ProjectorScene', data: { code: projector } };
  const level = params.get('level');
  if (level !== null) {
    const index = LEVELS.findIndex((l) => l.id === level);
    const known = LEVELS[index];
    return { scene: 'PlayScene', data: known ? { level, title: `Level ${index + 1}: ${known.title}` } : { level } };
  }
  if (params.get('scene') === 'levels') return { scene: 'LevelSelectScene', data: {} };
  if (params.get('scene') === 'gallery') return { scene: 'GalleryScene', data: {} };
  return { scene: 'TitleScene', data: {} };
}

const route = routeFromAddress(window.location.search);
// The first chunk holds the title and the level map; every other scene loads right after (scene-loader.ts).
const scenes: Phaser.Types.Scenes.SceneType[] = [TitleScene, LevelSelectScene];

const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'game',
  backgroundColor: UI.background,
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
  scene: scenes,
});
countFramesForTests(game);
reportControlsForTests(controlRects);

/** Stops whatever runs (the title, started first) and opens the address's scene. */
function openRoute(): void {
  for (const scene of game.scene.getScenes(true)) game.scene.stop(scene.scene.key);
  game.scene.start(route.scene, route.data);
}

game.events.once(Phaser.Core.Events.READY, () => {
  const later = isLaterScene(route.scene);
  if (!later) openRoute();
  // The other screens load now, after the first is up; an address that names one of them opens it when they have.
  void loadLaterScenes(game).then(() => later && openRoute(), () => undefined);
});
