// "One module talks to the network", enforced: `npm run lint` (eslint.config.js) fails on
// a room's send, onMessage or onStateChange written anywhere in the client outside
// client/src/net/. Linted through ESLint's Node API with the project's own config.
import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

const SCENE_SENDS = `import type { Room } from '@colyseus/sdk';
export function place(room: Room): void {
  room.send('place', { requestId: 1, target: 16, version: 3 });
}
`;

const SCENE_LISTENS = `import type { Room } from '@colyseus/sdk';
export function listen(room: Room, redraw: () => void): void {
  room.onStateChange(redraw);
  room.onMessage('refused', redraw);
}
`;

async function roomTrafficErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('the network seam', () => {
  it("a room.send('place', …) in a scene fails the lint", async () => {
    const errors = await roomTrafficErrors(SCENE_SENDS, 'client/src/scenes/X.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/client\/src\/net\//);
  });

  it('onStateChange and onMessage in a view fail the lint too', async () => {
    expect(await roomTrafficErrors(SCENE_LISTENS, 'client/src/views/X.ts')).toHaveLength(2);
  });

  it('the same calls inside client/src/net/ pass', async () => {
    expect(await roomTrafficErrors(SCENE_SENDS, 'client/src/net/X.ts')).toEqual([]);
    expect(await roomTrafficErrors(SCENE_LISTENS, 'client/src/net/X.ts')).toEqual([]);
  });
});
