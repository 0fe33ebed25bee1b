import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer build loads from file:// in Electron and from the loopback server, hence relative asset paths.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist-renderer', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
