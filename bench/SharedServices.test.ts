import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProcStat, processTreeCpuSeconds, processTreeTicks, type ProcStat } from './procStats.ts';
import { SharedServices } from './SharedServices.ts';

describe('CPU of a process tree', () => {
  it('reads pid, parent, own and reaped children ticks after a command name with spaces and parentheses', () => {
    const stat = '42 (postgres: (x) y) S 7 42 42 0 -1 4194560 100 0 0 0 250 50 30 20 20 0 11 0 1 0 0';
    expect(parseProcStat(stat)).toEqual({ pid: 42, ppid: 7, ownTicks: 300, reapedChildrenTicks: 50 });
    expect(() => parseProcStat('42 (x) S')).toThrow(RangeError);
  });

  it('sums a process, its live descendants and what each reaped, and nothing else', () => {
    const stat = (pid: number, ppid: number, own: number, reaped = 0): ProcStat => ({ pid, ppid, ownTicks: own, reapedChildrenTicks: reaped });
    const stats = [stat(1, 0, 1000), stat(10, 1, 5, 100), stat(11, 10, 7), stat(12, 10, 3, 2), stat(13, 12, 1), stat(20, 1, 50)];
    expect(processTreeTicks(stats, 10)).toBe(5 + 100 + 7 + 3 + 2 + 1);
    expect(processTreeTicks(stats, 13)).toBe(1);
    expect(processTreeTicks(stats, 99)).toBeNaN();
  });

  it('measures this very process', () => {
    const before = processTreeCpuSeconds(process.pid);
    const end = Date.now() + 150;
    while (Date.now() < end); // burn CPU so the counter must move
    expect(processTreeCpuSeconds(process.pid)).toBeGreaterThan(before);
  });
});

describe('SharedServices', () => {
  let services: SharedServices;
  const cpu = (name: string) => services.services.find((s) => s.name === name)!.cpuSeconds();

  beforeAll(async () => {
    services = await SharedServices.start();
  }, 60_000);
  afterAll(async () => {
    await services?.stop();
  });

  it('starts a PostgreSQL database and a Redis the servers can use', async () => {
    const client = new pg.Client({ connectionString: services.databaseUrl });
    await client.connect();
    try {
      expect((await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
    } finally {
      await client.end();
    }
    const redis = new Redis(services.redisUrl);
    try {
      expect(await redis.ping()).toBe('PONG');
    } finally {
      redis.disconnect();
    }
    expect(services.services.map((s) => s.name)).toEqual(['PostgreSQL', 'Redis']);
  });

  it("counts a backend's CPU in PostgreSQL's, and keeps counting it once the backend has exited", async () => {
    const before = cpu('PostgreSQL');
    expect(before).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: services.databaseUrl });
    await client.connect();
    await client.query('SELECT count(*) FROM generate_series(1, 5000000)');
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const busy = cpu('PostgreSQL');
    expect(busy - before).toBeGreaterThan(0.1);
    await client.end();
    // The postmaster reaps the backend: its time moves into the postmaster's children's time.
    await expect.poll(() => existsSync(`/proc/${rows[0]!.pid}`), { timeout: 5_000 }).toBe(false);
    expect(cpu('PostgreSQL')).toBeGreaterThanOrEqual(busy);
  });

  it("counts Redis's CPU", async () => {
    const before = cpu('Redis');
    const redis = new Redis(services.redisUrl);
    try {
      const payload = 'x'.repeat(10_000);
      for (let round = 0; round < 20; round++) {
        await Promise.all(Array.from({ length: 500 }, (_, i) => redis.set(`key:${i}`, payload)));
      }
    } finally {
      redis.disconnect();
    }
    expect(cpu('Redis')).toBeGreaterThan(before);
  });
});
