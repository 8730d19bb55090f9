// Builds the bench page (bench/device/index.html): the app's own src/data and src/sync code
// in a page the runner drives with playwright-core. Not part of the app's build.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/__bench/',
  define: { __APP_VERSION__: JSON.stringify('bench') },
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 5000 },
});
