import { judgePassword } from '../../shared/password/judgePassword.ts';
import type { PasswordJudgeRequest, PasswordJudgeReply } from './PasswordJudge.ts';

// The password policy's own process (see PasswordJudge): answers each request in order and exits
// when the server lets go of it.
process.on('message', (request: PasswordJudgeRequest) => {
  let reply: PasswordJudgeReply;
  try {
    reply = { id: request.id, verdict: judgePassword(request.password, request.owner) };
  } catch (error) {
    reply = { id: request.id, error: String((error as Error)?.message ?? error) };
  }
  process.send?.(reply);
});
process.on('disconnect', () => process.exit(0));
