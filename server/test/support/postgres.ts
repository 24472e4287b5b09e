import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * The server binaries: `POSTGRES_BIN` when set, else Debian's PostgreSQL 15 (bookworm), else the
 * newest version Debian installed.
 */
export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? findDebianBin();

function findDebianBin(): string {
  const preferred = '/usr/lib/postgresql/15/bin';
  if (fs.existsSync(path.join(preferred, 'postgres'))) return preferred;
  const versions = fs.existsSync('/usr/lib/postgresql')
    ? fs
        .readdirSync('/usr/lib/postgresql')
        .filter((version) => fs.existsSync(path.join('/usr/lib/postgresql', version, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? path.join('/usr/lib/postgresql', versions[0], 'bin') : preferred;
}

/** A database of its own for one test file, on a throwaway cluster or on `TEST_DATABASE_URL`. */
export interface TestDatabase {
  /** Connection string of the test's own database. */
  url: string;
  /** Drops the database and stops the cluster this file started (if any). */
  close(): Promise<void>;
}

interface Cluster {
  /** Connection string of the cluster's `postgres` maintenance database. */
  adminUrl: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, run its binaries as the `postgres` user. */
function asServerUser(binary: string, args: string[]): [string, string[]] {
  const file = path.join(POSTGRES_BIN, binary);
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

function pgCtlStopSync(dataDir: string): void {
  const [file, args] = asServerUser('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
  spawnSync(file, args, { stdio: 'ignore' });
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function startCluster(): Promise<Cluster> {
  if (!fs.existsSync(path.join(POSTGRES_BIN, 'postgres'))) {
    throw new Error(
      `PostgreSQL is not installed (no ${POSTGRES_BIN}/postgres): apt-get install postgresql, or set TEST_DATABASE_URL to a server the tests may create databases on`,
    );
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = userIds('postgres');
    fs.chownSync(dataDir, uid, gid);
  }
  // If this process dies before stop(), do not leave a server running behind it.
  const onExit = () => pgCtlStopSync(dataDir);
  process.once('exit', onExit);
  try {
    const [initdb, initArgs] = asServerUser('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
    await run(initdb, initArgs);
    // A port freed a moment ago may be taken again by someone else: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const options = `-k ${dataDir} -p ${port} -c listen_addresses=127.0.0.1`;
      const [pgCtl, ctlArgs] = asServerUser('pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(dataDir, 'server.log'), '-w', 'start']);
      try {
        await run(pgCtl, ctlArgs);
      } catch (error) {
        if (attempt < 3) continue;
        const log = fs.existsSync(path.join(dataDir, 'server.log')) ? fs.readFileSync(path.join(dataDir, 'server.log'), 'utf8') : '';
        throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${log}`);
      }
      return {
        adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
        stop: async () => {
          process.removeListener('exit', onExit);
          const [file, args] = asServerUser('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
          await run(file, args).catch(() => undefined);
          fs.rmSync(dataDir, { recursive: true, force: true });
        },
      };
    }
  } catch (error) {
    process.removeListener('exit', onExit);
    pgCtlStopSync(dataDir);
    throw error;
  }
}

function userIds(name: string): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) throw new Error(`No "${name}" user: apt-get install postgresql creates it`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Gives a test file its own freshly created database: on `TEST_DATABASE_URL` when set (CI may
 * start one server for all files), otherwise on a PostgreSQL cluster started for this file in a
 * temporary folder on a free loopback port. Fails, never skips, when PostgreSQL is missing.
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  const shared = process.env.TEST_DATABASE_URL;
  const cluster: Cluster = shared ? { adminUrl: shared, stop: async () => undefined } : await startCluster();
  const name = `copydesk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await cluster.stop();
    throw error;
  } finally {
    await admin.end().catch(() => undefined);
  }
  return {
    url: withDatabase(cluster.adminUrl, name),
    close: async () => {
      const dropper = new pg.Client({ connectionString: cluster.adminUrl });
      try {
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end().catch(() => undefined);
        await cluster.stop();
      }
    },
  };
}

/**
 * A pool on a fresh schema of `databaseUrl` (one schema per test, so tests of one file share a
 * database and never see each other's rows), with every PostgreSQL migration applied. Call
 * `end()` after the test.
 */
export async function freshSchemaPool(databaseUrl: string): Promise<{ pool: pg.Pool; schema: string; end: () => Promise<void> }> {
  const schema = `s_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
  // An idle connection the server ends (the database dropped after a failed test) must not crash the run.
  pool.on('error', () => undefined);
  const { migrate } = await import('../../storage/postgres/migrate.ts');
  await migrate(pool);
  return { pool, schema, end: () => pool.end().catch(() => undefined) };
}
