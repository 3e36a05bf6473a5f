// The server `npm start` runs, from its JavaScript build (dist/server/server/start.js,
// made by server/build.ts when stale): the game, the HTTP API and the rooms on one
// port (PORT, default 2567). `npm run dev` runs this file as TypeScript.

import { listen } from '@colyseus/tools';
import app from './app.config.ts';
import { lanAddresses, publicUrlFrom } from './net/join-url.ts';

const port = Number(process.env.PORT ?? 2567);
await listen(app, port);
console.log(`Mallocade is ready at http://localhost:${port}`);
const reachable = publicUrlFrom(process.env.PUBLIC_URL) ?? null;
const others = reachable ? [reachable] : lanAddresses().map((address) => `http://${address}:${port}`);
if (others.length > 0) console.log(`Students join at ${others.join(' or ')}`);
else console.log('No network address found: students on other machines cannot reach this one.');
