import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests each start their own server on port 0 with their own SQLite file.
    pool: 'forks',
    // Most files spend their time waiting on sockets, child processes and timers, not on the CPU:
    // run as many files at once as there are cores (Vitest's default leaves one core idle, so a
    // 2-core CI machine would run one file at a time).
    maxWorkers: '100%',
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
  },
  resolve: {
    dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/pm', '@tiptap/y-tiptap'],
  },
});
