/**
 * A child process that runs the real server (startServer) with its DocStore wrapped in a
 * SwitchableDocStore, driven by its parent over IPC; see prepareFaultyServer.ts. It loads every
 * module first and starts only when told, so a parent can have the next server ready before it
 * kills the current one with SIGKILL.
 *
 * Parent → child: { kind: 'start', dataDir, compactAfterUpdates? } then { kind: 'store', failing }.
 * Child → parent: { kind: 'ready' }, { kind: 'listening', url }, { kind: 'store', failing } (applied).
 */
import { testConfig } from '../../config.ts';
import { startServer } from '../../index.ts';
import { TEST_ADMIN_PASSWORD } from '../spawnServer.ts';
import { SwitchableDocStore } from './SwitchableDocStore.ts';

/** What the parent sends. */
export type FaultyServerCommand =
  | { kind: 'start'; dataDir: string; compactAfterUpdates?: number }
  | { kind: 'store'; failing: boolean };

/** What the child answers. */
export type FaultyServerReport = { kind: 'ready' } | { kind: 'listening'; url: string } | { kind: 'store'; failing: boolean };

const send = (report: FaultyServerReport): void => {
  process.send?.(report);
};

let store: SwitchableDocStore | null = null;

process.on('message', (command: FaultyServerCommand) => {
  switch (command.kind) {
    case 'start':
      void startServer(
        testConfig({
          dataDir: command.dataDir,
          adminPassword: TEST_ADMIN_PASSWORD,
          unloadDelayMs: 50,
          summaryDebounceMs: 20,
          ...(command.compactAfterUpdates === undefined ? {} : { compactAfterUpdates: command.compactAfterUpdates }),
        }),
        { wrapDocStore: (inner) => (store = new SwitchableDocStore(inner)) },
      ).then(
        (running) => send({ kind: 'listening', url: running.url }),
        (error: unknown) => {
          process.stderr.write(`faulty server failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
          process.exit(1);
        },
      );
      break;
    case 'store':
      if (!store) throw new Error('the server has not started: no store to switch');
      store.failing = command.failing;
      send({ kind: 'store', failing: command.failing });
      break;
  }
});
// The parent died or let go: nothing may outlive the test run.
process.on('disconnect', () => process.exit(0));
send({ kind: 'ready' });
