import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshSchemaPool, startTestDatabase, type TestDatabase } from '../../test/support/postgres.ts';
import { PostgresUnitOfWork } from './PostgresUnitOfWork.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(() => database?.close());

const ends: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(ends.splice(0).map((end) => end()));
});

async function unit(): Promise<PostgresUnitOfWork> {
  const { pool, end } = await freshSchemaPool(database.url);
  ends.push(end);
  await pool.query('CREATE TABLE notes (text text NOT NULL)');
  return new PostgresUnitOfWork(pool);
}

const notes = async (work: PostgresUnitOfWork) => (await work.query<{ text: string }>('SELECT text FROM notes ORDER BY text')).rows.map((row) => row.text);

describe('PostgresUnitOfWork', () => {
  it('store calls awaited inside transact join it: all land, or none on a throw', async () => {
    const work = await unit();
    await work.transact(async () => {
      await work.query("INSERT INTO notes VALUES ('a')");
      await work.query("INSERT INTO notes VALUES ('b')");
    });
    await expect(
      work.transact(async () => {
        await work.query("INSERT INTO notes VALUES ('c')");
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await notes(work)).toEqual(['a', 'b']);
  });

  it('a call from outside does not see or join an open transaction', async () => {
    const work = await unit();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = work.transact(async () => {
      await work.query("INSERT INTO notes VALUES ('inside')");
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await notes(work)).toEqual([]);
    release();
    await transaction;
    expect(await notes(work)).toEqual(['inside']);
  });

  it('a nested transact is a savepoint: its throw undoes only its own part', async () => {
    const work = await unit();
    await work.transact(async () => {
      await work.query("INSERT INTO notes VALUES ('outer')");
      await work
        .transact(async () => {
          await work.query("INSERT INTO notes VALUES ('inner')");
          throw new Error('inner refused');
        })
        .catch(() => undefined);
    });
    expect(await notes(work)).toEqual(['outer']);
  });

  it('a timer started inside a transaction runs its statements on the pool once the transaction ended, never in the next one its client serves', async () => {
    const work = await unit();
    let later!: Promise<unknown>;
    await work.transact(async () => {
      await work.query("INSERT INTO notes VALUES ('now')");
      later = new Promise((resolve, reject) => setTimeout(() => work.query("INSERT INTO notes VALUES ('later')").then(resolve, reject), 50));
    });
    // The next transaction gets the same pooled client back and is rolled back after the timer fired.
    await work
      .transact(async () => {
        await work.query("INSERT INTO notes VALUES ('rolled back')");
        await later;
        throw new Error('refused');
      })
      .catch(() => undefined);
    expect(await notes(work)).toEqual(['later', 'now']);
  });
});
