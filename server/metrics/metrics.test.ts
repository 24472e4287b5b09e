import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMMENTS_MAP } from '../../shared/collab/docFields.ts';
import { TrustedProxies } from '../auth/clientAddress.ts';
import { openDatabase } from '../storage/sqlite/openDatabase.ts';
import { appendParagraph, connectClient, createStory, paragraphs, startTestServer, tempDataDir, waitFor, type TestClient } from '../test/helpers.ts';
import { useTestServer, type TestServer } from '../test/testServer.ts';
import { AddressList } from './AddressList.ts';

const TOKEN = 'metrics-token-0123456789';

/** GET /metrics as Prometheus (or anyone) asks for it. */
async function scrape(url: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(`${url}/metrics`, { headers });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** The value of one sample (`name{labels} value`) in a Prometheus text exposition; fails when absent. */
function sample(text: string, name: string, labels = ''): number {
  const prefix = labels === '' ? `${name} ` : `${name}{${labels}} `;
  const line = text.split('\n').find((candidate) => candidate.startsWith(prefix));
  if (line === undefined) throw new Error(`no sample ${prefix.trim()} in:\n${text}`);
  return Number(line.slice(prefix.length));
}

async function value(server: TestServer, name: string, labels = ''): Promise<number> {
  const { status, text } = await scrape(server.url);
  expect(status).toBe(200);
  return sample(text, name, labels);
}

/** Scrapes until the sample passes `check` (or 5 s went by) and returns its last value. */
async function eventually(server: TestServer, name: string, check: (value: number) => boolean, labels = ''): Promise<number> {
  const deadline = Date.now() + 5_000;
  let current = await value(server, name, labels);
  while (!check(current) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    current = await value(server, name, labels);
  }
  return current;
}

async function typeParagraphs(client: TestClient, texts: string[], reader: TestClient): Promise<void> {
  for (const text of texts) appendParagraph(client.ydoc, text);
  // What the reader sees was stored first: every update has been committed by then.
  await waitFor('the reader to see every paragraph', () => texts.every((text) => paragraphs(reader.ydoc).includes(text)));
}

describe('GET /metrics on loopback', () => {
  const server = useTestServer();

  it('answers in the Prometheus text format with the server metrics and the default process metrics', async () => {
    const { status, type, text } = await scrape(server.url);
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    expect(type).toContain('version=0.0.4');
    for (const name of [
      'copydesk_open_stories',
      'copydesk_open_sockets',
      'copydesk_client_updates_accepted_total',
      'copydesk_client_updates_refused_total',
      'copydesk_awareness_held_back_total',
      'copydesk_commit_duration_seconds',
      'copydesk_commits_failed_total',
      'copydesk_relay_lag_seconds',
      'process_cpu_user_seconds_total',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    for (const reason of ['comments', 'not_a_suggestion', 'schema', 'malformed', 'read_only']) {
      expect(sample(text, 'copydesk_client_updates_refused_total', `reason="${reason}"`)).toBe(0);
    }
  });

  it('counts what a client types: one accepted update per update sent, commits timed, sockets and stories open then closed', async () => {
    const id = await createStory(server.url, 'Counted', server.admin);
    const acceptedBefore = await value(server, 'copydesk_client_updates_accepted_total');
    const commitsBefore = await value(server, 'copydesk_commit_duration_seconds_count');
    expect(await value(server, 'copydesk_open_sockets')).toBe(0);

    const writer = connectClient(server.url, id, { auth: server.admin });
    const reader = connectClient(server.url, id, { auth: server.admin });
    try {
      await Promise.all([writer.synced, reader.synced]);
      expect(await value(server, 'copydesk_open_sockets')).toBe(2);
      expect(await value(server, 'copydesk_open_stories')).toBe(1);
      // Connecting sent sync messages with nothing new in them: no update counted yet.
      expect(await value(server, 'copydesk_client_updates_accepted_total')).toBe(acceptedBefore);

      await typeParagraphs(writer, ['one', 'two', 'three', 'four', 'five'], reader);
      expect(await value(server, 'copydesk_client_updates_accepted_total')).toBe(acceptedBefore + 5);
      const commits = await value(server, 'copydesk_commit_duration_seconds_count');
      expect(commits).toBeGreaterThan(commitsBefore);
      expect(commits).toBeLessThanOrEqual(commitsBefore + 5);
      expect(await value(server, 'copydesk_commits_failed_total')).toBe(0);
    } finally {
      writer.destroy();
      reader.destroy();
    }
    expect(await eventually(server, 'copydesk_open_sockets', (open) => open === 0)).toBe(0);
    // Unloaded once the last socket left (after the test server's 50 ms delay).
    expect(await eventually(server, 'copydesk_open_stories', (open) => open === 0)).toBe(0);
  });

  it('counts a refused update under its reason, not as accepted', async () => {
    const id = await createStory(server.url, 'Refused', server.admin);
    const writer = connectClient(server.url, id, { auth: server.admin });
    const reader = connectClient(server.url, id, { auth: server.admin });
    try {
      await Promise.all([writer.synced, reader.synced]);
      const accepted = await value(server, 'copydesk_client_updates_accepted_total');
      const refused = await value(server, 'copydesk_client_updates_refused_total', 'reason="comments"');
      // Comment threads are written by the server only: the gate undoes this one.
      writer.ydoc.getMap(COMMENTS_MAP).set('forged', new Y.Map());
      await typeParagraphs(writer, ['after the refusal'], reader);
      expect(await value(server, 'copydesk_client_updates_refused_total', 'reason="comments"')).toBe(refused + 1);
      expect(await value(server, 'copydesk_client_updates_accepted_total')).toBe(accepted + 1);
    } finally {
      writer.destroy();
      reader.destroy();
    }
  });

  it('counts awareness updates held back by the per-socket rate', async () => {
    const id = await createStory(server.url, 'Cursors', server.admin);
    const writer = connectClient(server.url, id, { auth: server.admin });
    try {
      await writer.synced;
      const before = await value(server, 'copydesk_awareness_held_back_total');
      // Far more than the burst of 30 in one go: the rest waits for tokens.
      for (let i = 0; i < 80; i++) writer.provider.awareness.setLocalStateField('cursor', { anchor: i, head: i });
      expect(await eventually(server, 'copydesk_awareness_held_back_total', (held) => held > before)).toBeGreaterThan(before);
    } finally {
      writer.destroy();
    }
  });

  it('counts a failed commit and times the one that stores it once the database is writable again', async () => {
    const id = await createStory(server.url, 'Disk trouble', server.admin);
    const writer = connectClient(server.url, id, { auth: server.admin });
    const reader = connectClient(server.url, id, { auth: server.admin });
    const db = openDatabase(server.dataDir);
    try {
      await Promise.all([writer.synced, reader.synced]);
      const commits = await value(server, 'copydesk_commit_duration_seconds_count');
      // A real SQLite failure on every append, as a full disk would give.
      db.exec(`CREATE TRIGGER refuse_appends BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
      appendParagraph(writer.ydoc, 'typed while the disk was full');
      expect(await eventually(server, 'copydesk_commits_failed_total', (failed) => failed > 0)).toBeGreaterThanOrEqual(1);
      expect(await value(server, 'copydesk_commit_duration_seconds_count')).toBe(commits);
      db.exec('DROP TRIGGER refuse_appends');
      await waitFor('the stored paragraph to reach the reader', () => paragraphs(reader.ydoc).includes('typed while the disk was full'));
      expect(await value(server, 'copydesk_commit_duration_seconds_count')).toBe(commits + 1);
    } finally {
      db.exec('DROP TRIGGER IF EXISTS refuse_appends');
      db.close();
      writer.destroy();
      reader.destroy();
    }
  });

  it('keeps two servers in one process apart', async () => {
    const dir = tempDataDir();
    const other = await startTestServer(dir.dataDir);
    try {
      const id = await createStory(server.url, 'Only here', server.admin);
      const writer = connectClient(server.url, id, { auth: server.admin });
      const reader = connectClient(server.url, id, { auth: server.admin });
      try {
        await Promise.all([writer.synced, reader.synced]);
        await typeParagraphs(writer, ['on the first server'], reader);
        const { status, text } = await scrape(other.url);
        expect(status).toBe(200);
        expect(sample(text, 'copydesk_client_updates_accepted_total')).toBe(0);
        expect(sample(text, 'copydesk_open_sockets')).toBe(0);
        expect(await value(server, 'copydesk_open_sockets')).toBe(2);
      } finally {
        writer.destroy();
        reader.destroy();
      }
    } finally {
      await other.stop();
      dir.remove();
    }
  });
});

describe('GET /metrics from an address not in METRICS_ALLOW', () => {
  const server = useTestServer({ metricsAllow: new AddressList(['10.0.0.0/8', 'fd00::/8']), metricsToken: TOKEN });

  it('refuses without the token, or with a wrong one, as 403 JSON with a stable id', async () => {
    const attempts: Array<Record<string, string>> = [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }];
    for (const headers of attempts) {
      const { status, type, text } = await scrape(server.url, headers);
      expect(status).toBe(403);
      expect(type).toContain('application/json');
      expect(JSON.parse(text)).toEqual({ error: { id: 'forbidden', message: expect.stringContaining('METRICS_ALLOW') } });
      expect(text).not.toContain('copydesk_');
    }
  });

  it('answers the bearer token from any address', async () => {
    const { status, text } = await scrape(server.url, { authorization: `Bearer ${TOKEN}` });
    expect(status).toBe(200);
    expect(text).toContain('copydesk_open_sockets');
  });
});

describe('GET /metrics behind a trusted proxy on loopback', () => {
  const server = useTestServer({ trustedProxies: new TrustedProxies(['127.0.0.1', '::1']) });

  it('judges the forwarded client, so the proxy does not open /metrics to everyone it forwards', async () => {
    expect((await scrape(server.url, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(403);
    expect((await scrape(server.url, { 'x-forwarded-for': '127.0.0.1' })).status).toBe(200);
  });
});

describe('GET /metrics with a forged X-Forwarded-For and no trusted proxy', () => {
  const server = useTestServer({ metricsAllow: new AddressList(['203.0.113.0/24']) });

  it('judges the socket peer, never the header', async () => {
    expect((await scrape(server.url, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(403);
  });
});
