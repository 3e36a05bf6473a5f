// The bench's engine entries run as plain JavaScript, the way `npm start` runs the
// server: the bench's own module and everything it imports (the engine in shared/, the
// trace generator, the naive model) become .js files under bench-out/js, through the
// same transpiling step as the server's build (server/delivery/build-js.ts, which says
// why: Node's type stripping leaves every typed-array access with a detach check).

export { buildJs } from '../../server/delivery/build-js.ts';
