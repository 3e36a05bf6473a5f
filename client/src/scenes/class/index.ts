// The classroom scenes (join and lobby, host dashboard, projector view), listed for main.ts.

import type Phaser from 'phaser';

export const CLASS_SCENES: Phaser.Types.Scenes.SceneType[] = [];
