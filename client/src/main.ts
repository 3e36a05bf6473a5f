// Boots Phaser with the game's scenes, sized to the browser window.

import Phaser from 'phaser';
import { PlayScene } from './scenes/PlayScene.ts';
import { UI } from './palette.ts';

new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'game',
  backgroundColor: UI.background,
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
  scene: [PlayScene],
});
