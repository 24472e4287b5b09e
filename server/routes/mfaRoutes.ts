import { Router, type Request, type Response } from 'express';
import { ErrorId } from '../../shared/api.ts';
import { MfaCodeBody, MfaStartBody, type MfaEnrolment, type MfaRecoveryCodes, type MfaStatus } from '../../shared/mfa.ts';
import type { AppDeps } from '../AppDeps.ts';
import { authOf } from '../auth/authMiddleware.ts';
import { clientAddress } from '../auth/clientAddress.ts';
import { hashRecoveryCode, newRecoveryCodes } from '../auth/mfa/recoveryCodes.ts';
import { throttledCodeCheck, type CodeCheckResult } from '../auth/mfa/throttledCodeCheck.ts';
import { matchTotp, newTotpSecret, otpauthUrl } from '../auth/mfa/totp.ts';
import { openSecret, unreadableSecretError } from '../auth/mfa/unreadableSecret.ts';
import { verifySecondFactor } from '../auth/mfa/verifySecondFactor.ts';
import { verifyPassword } from '../auth/password.ts';
import { HttpError } from '../http/HttpError.ts';
import { parseBody } from '../http/parseBody.ts';

const ISSUER = 'Copydesk';

/** Throws what a refused code answers: 429 with Retry-After when throttled, 400 `invalid_mfa_code` when wrong. */
function refuseCode(res: Response, result: CodeCheckResult): void {
  if (result.ok) return;
  if (result.reason === 'throttled') {
    res.setHeader('Retry-After', String(result.retryAfterSeconds));
    throw new HttpError(429, ErrorId.TooManyAttempts, 'Too many wrong codes. Try again later.');
  }
  throw new HttpError(400, ErrorId.InvalidMfaCode, 'That code is wrong or was used already. Use the newest code your app shows.');
}

/**
 * The signed-in account's two-step sign-in: GET /api/me/mfa (its state), POST /api/me/mfa (with the
 * account's password: a new secret, shown once), POST /api/me/mfa/confirm (the first code turns it on and answers the
 * recovery codes, once), DELETE /api/me/mfa (a current code, or a recovery code, turns it off).
 * Open to a session limited to enrolment. Codes are throttled as passwords are.
 */
export function mfaRoutes(deps: AppDeps): Router {
  const router = Router();
  const { mfa, mfaSecrets, audit, throttle, transact, users } = deps.accounts;
  const addressOf = (req: Request) => clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], deps.config.trustedProxies);

  router.get('/me/mfa', async (_req, res) => {
    const { user } = authOf(res);
    const record = await mfa.find(user.id);
    const required = (await mfa.requiredRoles()).includes(user.role);
    const enabled = record?.enabled === true;
    const status: MfaStatus = {
      enabled,
      pending: record !== null && !enabled,
      required,
      enrolmentRequired: required && !enabled,
      recoveryCodesLeft: enabled ? record.recoveryCodesLeft : 0,
    };
    res.json(status);
  });

  router.post('/me/mfa', async (req, res) => {
    const { user } = authOf(res);
    const { password } = parseBody(MfaStartBody, req.body);
    // The password again, throttled as signing in is: a session alone does not tie the account to a phone.
    const result = await throttledCodeCheck(throttle, { username: user.username, address: addressOf(req) }, async () => {
      const account = await users.findById(user.id);
      return verifyPassword(password, account && !account.disabled ? account.passwordHash : null, deps.config.scryptParams);
    });
    if (!result.ok && result.reason === 'throttled') refuseCode(res, result);
    if (!result.ok) throw new HttpError(403, ErrorId.WrongPassword, 'That password is wrong.');
    const secret = newTotpSecret();
    if (!(await mfa.begin(user.id, mfaSecrets.seal(secret, user.id), new Date().toISOString()))) {
      throw new HttpError(409, ErrorId.MfaAlreadyEnabled, 'Two-step sign-in is on already: turn it off first to move it to another device.');
    }
    const enrolment: MfaEnrolment = { secret, otpauthUrl: otpauthUrl(secret, user.username, ISSUER) };
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(enrolment);
  });

  router.post('/me/mfa/confirm', async (req, res) => {
    const { user } = authOf(res);
    const { code } = parseBody(MfaCodeBody, req.body);
    const pending = await mfa.find(user.id);
    if (!pending || pending.enabled) {
      throw new HttpError(409, pending ? ErrorId.MfaAlreadyEnabled : ErrorId.MfaNotPending, pending ? 'Two-step sign-in is on already.' : 'Start setting up two-step sign-in first.');
    }
    const secret = openSecret(mfaSecrets, pending.secret, user.id);
    const recoveryCodes = newRecoveryCodes();
    let turnedOn = false;
    const result = await throttledCodeCheck(throttle, { username: user.username, address: addressOf(req) }, async () => {
      const step = matchTotp(secret, code, Date.now());
      if (step === null) return false;
      const at = new Date().toISOString();
      turnedOn = await transact(async () => {
        const enabled = await mfa.enable(user.id, pending.secret, step, recoveryCodes.map(hashRecoveryCode), at);
        if (enabled) await audit.append({ articleId: null, actor: user.username, action: 'mfa_enabled', subject: user.username, at });
        return enabled;
      });
      // A code for a secret replaced meanwhile is right, but turns nothing on: answered below.
      return true;
    });
    refuseCode(res, result);
    if (!turnedOn) throw new HttpError(409, ErrorId.MfaNotPending, 'This setup was replaced by a newer one: use the newest QR code.');
    const answer: MfaRecoveryCodes = { recoveryCodes };
    res.setHeader('Cache-Control', 'no-store');
    res.json(answer);
  });

  router.delete('/me/mfa', async (req, res) => {
    const { user } = authOf(res);
    const record = await mfa.find(user.id);
    if (record?.enabled) {
      const { code } = parseBody(MfaCodeBody, req.body);
      const result = await throttledCodeCheck(throttle, { username: user.username, address: addressOf(req) }, async () => {
        const verdict = await verifySecondFactor({ mfa, secrets: mfaSecrets }, user.id, code);
        if (verdict.result === 'unreadable') throw unreadableSecretError();
        return verdict.result === 'ok';
      });
      refuseCode(res, result);
    }
    // A pending enrolment is simply dropped: nothing to prove.
    const at = new Date().toISOString();
    await transact(async () => {
      const removed = await mfa.remove(user.id);
      if (removed && record?.enabled) await audit.append({ articleId: null, actor: user.username, action: 'mfa_disabled', subject: user.username, at });
    });
    res.status(204).end();
  });

  return router;
}
