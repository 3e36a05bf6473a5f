// Boots Phaser with the game's scenes, sized to the browser window.

import Phaser from 'phaser';
import { PlayScene } from './scenes/PlayScene.ts';
import { GalleryScene } from './scenes/GalleryScene.ts';
import { UI } from './palette.ts';

// `/?scene=gallery` opens the view gallery (every drawing component on sample data).
const isGallery = new URLSearchParams(window.location.search).get('scene') === 'gallery';

new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'game',
  backgroundColor: UI.background,
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
  scene: isGallery ? [GalleryScene] : [PlayScene],
});
