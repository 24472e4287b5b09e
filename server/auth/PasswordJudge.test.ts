import { afterEach, describe, expect, it } from 'vitest';
import { judgePassword } from '../../shared/password/judgePassword.ts';
import { PasswordJudge } from './PasswordJudge.ts';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('PasswordJudge', () => {
  const judges: PasswordJudge[] = [];
  const make = (options?: ConstructorParameters<typeof PasswordJudge>[0]) => {
    const judge = new PasswordJudge(options);
    judges.push(judge);
    return judge;
  };
  afterEach(() => judges.splice(0).forEach((judge) => judge.close()));

  it('gives the policy’s own verdicts, from a process apart from the server', async () => {
    const judge = make();
    const owner = { username: 'rita', displayName: 'Rita Porter' };
    for (const password of ['password1234', 'rita-porter-2031', 'Penny.P 2031 lantern walk', 'short']) {
      expect(await judge.judge(password, owner)).toEqual(judgePassword(password, owner));
    }
    expect(judge.pid).not.toBeNull();
    expect(judge.pid).not.toBe(process.pid);
  });

  it('answers concurrent requests each with its own verdict', async () => {
    const judge = make();
    const passwords = ['aaaaaaaaaaaa', 'Penny.P 2031 lantern walk', 'qwertyuiop12', 'tidal-orbit-crumpet-9'];
    const verdicts = await Promise.all(passwords.map((password) => judge.judge(password)));
    expect(verdicts).toEqual(passwords.map((password) => judgePassword(password)));
  });

  it('lets its process go after the idle time, and starts another for the next password', async () => {
    const judge = make({ idleMs: 100 });
    await judge.judge('Penny.P 2031 lantern walk');
    const first = judge.pid!;
    await until(() => judge.pid === null && !isAlive(first));
    expect((await judge.judge('password1234')).ok).toBe(false);
    expect(judge.pid).not.toBe(first);
  });

  it('fails the pending verdict when its process dies, and recovers', async () => {
    const judge = make();
    await judge.judge('warm up the dictionaries');
    const pid = judge.pid!;
    const pending = judge.judge('Penny.P 2031 lantern walk');
    process.kill(pid, 'SIGKILL');
    // The kill may land before or after the answer; either way nothing hangs.
    await pending.catch((error: Error) => expect(error.message).toMatch(/password check/));
    await until(() => !isAlive(pid));
    expect((await judge.judge('Penny.P 2031 lantern walk')).ok).toBe(true);
  });
});
