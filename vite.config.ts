// Vite builds the Phaser client (client/) into dist/client, which the server serves.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'client',
  publicDir: false,
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
