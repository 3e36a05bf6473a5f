// Unit, property and room tests: everything `npm test` runs (browser tests live in vitest.e2e.config.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/server/**/*.test.ts', 'test/room/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
