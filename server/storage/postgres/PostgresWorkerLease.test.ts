import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestDatabase, type TestDatabase } from '../../test/support/postgres.ts';
import { waitFor } from '../../test/helpers.ts';
import { PostgresWorkerLease } from './PostgresWorkerLease.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(() => database?.close());

const quiet = { info: () => undefined, warn: () => undefined };

/** A lease as one server would run it, with a record of what it heard. */
function server(name: string) {
  const lease = new PostgresWorkerLease({ connectionString: database.url, name, periodMs: 50, log: quiet });
  const heard: string[] = [];
  lease.start({ gained: () => heard.push('gained'), lost: () => heard.push('lost') });
  return { lease, heard };
}

describe('PostgresWorkerLease', () => {
  it('one of three servers holds it; when the holder lets go, another takes over', async () => {
    const servers = [server('publishing'), server('publishing'), server('publishing')];
    await waitFor('a holder', () => servers.some((s) => s.lease.held));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(servers.filter((s) => s.lease.held)).toHaveLength(1);
    const holder = servers.find((s) => s.lease.held)!;
    await holder.lease.stop();
    expect(holder.heard).toEqual(['gained', 'lost']);
    const rest = servers.filter((s) => s !== holder);
    await waitFor('a new holder', () => rest.some((s) => s.lease.held));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rest.filter((s) => s.lease.held)).toHaveLength(1);
    await Promise.all(rest.map((s) => s.lease.stop()));
  });

  it('leases of different work are held apart', async () => {
    const a = server('publishing');
    const b = server('webhooks');
    await waitFor('both held', () => a.lease.held && b.lease.held);
    await Promise.all([a.lease.stop(), b.lease.stop()]);
  });

  it("a holder whose connection the database ends counts the lease lost, and another server takes it", async () => {
    const first = server('schedule');
    await waitFor('the first holds it', () => first.lease.held);
    const second = server('schedule');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(second.lease.held).toBe(false);
    // As when the holder's process dies: its connection ends and PostgreSQL frees the lock.
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = hashtext('schedule')::oid AND pid <> pg_backend_pid()
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    await admin.end();
    await waitFor('the first hears it lost the lease', () => first.heard.includes('lost'));
    await waitFor('the second takes over', () => second.lease.held || first.lease.held);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([first.lease.held, second.lease.held].filter(Boolean)).toHaveLength(1);
    await Promise.all([first.lease.stop(), second.lease.stop()]);
  });
});
