// Vite builds the Phaser client (client/) into dist/client, which the server serves
// (precompressed: server/delivery/precompress.ts).
import { defineConfig } from 'vite';
import { precompress } from './server/delivery/precompress.ts';

export default defineConfig({
  root: 'client',
  publicDir: false,
  // Brotli and gzip copies beside every text file, and the first screen's bytes in the build output.
  plugins: [precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:2567',
      '/health': 'http://localhost:2567',
    },
  },
});
