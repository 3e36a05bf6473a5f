// The keys of the scenes that load after the first screen (later-scenes.ts holds them,
// scene-loader.ts loads them): a module of its own so both can name them without a cycle.

export const LATER_SCENE_KEYS = ['PlayScene', 'ResultsScene', 'GalleryScene', 'JoinScene', 'ClassLobbyScene', 'HostScene', 'ProjectorScene', 'AssignmentScene'] as const;
export type LaterSceneKey = (typeof LATER_SCENE_KEYS)[number];

export function isLaterScene(key: string): key is LaterSceneKey {
  return (LATER_SCENE_KEYS as readonly string[]).includes(key);
}
