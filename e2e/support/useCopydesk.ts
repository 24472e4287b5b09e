import { test } from '@playwright/test';
import { closeOpenedContexts } from './accounts.ts';
import { startCopydesk, type CopydeskServer } from './copydeskServer.ts';
import { failOnCspViolations } from './failOnCspViolations.ts';

/** The spec's Copydesk server, as its hooks and tests see it (read it inside them, not at load). */
export type CopydeskFixture = Readonly<
  Pick<CopydeskServer, 'dataDir' | 'server' | 'restart'> & {
    /** The CSP violations pages reported since the last call (or the test's start), which then no longer fail the test. */
    takeCspViolations(): string[];
  }
>;

/**
 * Starts a real Copydesk server before the spec's tests and stops it (removing its data) after them.
 * Hooks the spec declares later run once it is up. Pages opened with pageAs close after each test. A test in which a page reports a
 * Content-Security-Policy violation fails.
 */
export function useCopydesk(settings: Record<string, string> = {}): CopydeskFixture {
  const csp = failOnCspViolations();
  let running: CopydeskServer | undefined;
  const started = (): CopydeskServer => {
    if (!running) throw new Error('the Copydesk server has not started yet: read it inside a hook or a test');
    return running;
  };
  test.beforeAll(async () => {
    running = await startCopydesk(settings);
  });
  test.afterEach(async () => {
    await closeOpenedContexts();
  });
  test.afterAll(async () => {
    await closeOpenedContexts();
    await running?.stop();
  });
  return {
    get dataDir() {
      return started().dataDir;
    },
    get server() {
      return started().server;
    },
    restart: (signal) => started().restart(signal),
    takeCspViolations: () => csp.take(),
  };
}
