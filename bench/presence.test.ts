import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BenchServer } from './BenchServer.ts';
import { BENCH_ACCOUNT_PRESENCE } from './ReferenceServer.ts';

describe('the awareness user bench writers send', () => {
  let server: BenchServer;
  beforeAll(async () => {
    server = await BenchServer.start();
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('is the signed-in account, as the browser sends it, and the same bytes to the reference', () => {
    expect(server.presence).toEqual({ name: 'Administrator', color: expect.stringMatching(/^#[0-9a-f]{6}$/) });
    expect(server.presence).toEqual(BENCH_ACCOUNT_PRESENCE);
  });
});
