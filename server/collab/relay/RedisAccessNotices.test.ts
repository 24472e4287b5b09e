import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessNotice } from '../../auth/AccessNotice.ts';
import { createLogger } from '../../log.ts';
import { startTestRedis, type TestRedis } from '../../test/support/redis.ts';
import { waitFor } from '../../test/helpers.ts';
import { RedisAccessNotices } from './RedisAccessNotices.ts';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(() => redis?.stop());

const log = createLogger('silent');

describe('RedisAccessNotices', () => {
  it('reaches every other server of the same installation, never the sender, never another installation on the same Redis', async () => {
    const installation = `i${Date.now()}`;
    const [sender, peer, stranger] = await Promise.all([
      RedisAccessNotices.connect(redis.url, installation, log),
      RedisAccessNotices.connect(redis.url, installation, log),
      RedisAccessNotices.connect(redis.url, `${installation}-other`, log),
    ]);
    const heard = { sender: [] as AccessNotice[], peer: [] as AccessNotice[], stranger: [] as AccessNotice[] };
    sender.onNotice((notice) => heard.sender.push(notice));
    peer.onNotice((notice) => heard.peer.push(notice));
    stranger.onNotice((notice) => heard.stranger.push(notice));

    const signOut: AccessNotice = { kind: 'session', sessionHash: 'abc', code: 4401, reason: 'signed out' };
    sender.publish(signOut);
    sender.publish({ kind: 'user', userId: 2, code: 4401, reason: 'account disabled' });
    // A transition both refreshes rules and reviews sockets in one turn: the others hear it once.
    sender.publish({ kind: 'story', articleId: 's1' });
    sender.publish({ kind: 'story', articleId: 's1' });
    await waitFor('the peer to hear three notices', () => heard.peer.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard.peer).toEqual([signOut, { kind: 'user', userId: 2, code: 4401, reason: 'account disabled' }, { kind: 'story', articleId: 's1' }]);
    expect(heard.sender).toEqual([]);
    expect(heard.stranger).toEqual([]);
    await Promise.all([sender.close(), peer.close(), stranger.close()]);
  });
});
