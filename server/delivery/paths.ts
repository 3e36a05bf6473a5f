// Where the project and its builds are, from this module's own place: in the sources
// (server/delivery/) or in the server's JavaScript build, which mirrors the tree under
// dist/server (dist/server/server/delivery/).

import path from 'node:path';
import { fileURLToPath } from 'node:url';

const tree = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const inBuild = path.basename(tree) === 'server' && path.basename(path.dirname(tree)) === 'dist';

/** The project's root (package.json, node_modules, client/, shared/). */
export const ROOT = inBuild ? path.resolve(tree, '../..') : tree;

/** The built client: dist/client, or MALLOCADE_CLIENT_DIST (the browser tests build into a folder of their own). */
export const CLIENT_DIST = process.env.MALLOCADE_CLIENT_DIST ?? path.join(ROOT, 'dist/client');

/** The server built to plain JavaScript, the tree mirrored (server/start.ts becomes dist/server/server/start.js). */
export const SERVER_DIST = path.join(ROOT, 'dist/server');
