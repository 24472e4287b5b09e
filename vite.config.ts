import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The browser client: built from `client/` into `dist/` at the repository root,
 * which the server serves. In development, API and collaboration traffic go to a
 * server on port 3000.
 */
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    sourcemap: true,
    // The editor (ProseMirror, Yjs, Tiptap) is one coherent bundle of about 250 kB gzipped.
    chunkSizeWarningLimit: 1000,
  },
  resolve: {
    // Two copies of Yjs in one page break `instanceof` checks and corrupt documents.
    dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/pm', '@tiptap/y-tiptap'],
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/collab': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
