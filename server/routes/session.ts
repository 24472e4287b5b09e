import type { TLSSocket } from 'node:tls';
import { Router, type Request } from 'express';
import { SignInBody } from '../../shared/mfa.ts';
import { ErrorId } from '../../shared/api.ts';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import type { AppDeps } from '../AppDeps.ts';
import { authOf } from '../auth/authMiddleware.ts';
import { clientAddress } from '../auth/clientAddress.ts';
import { storedUserAgent } from '../auth/deviceLabel.ts';
import { clearedSessionCookie, readSessionToken, sessionCookie } from '../auth/cookies.ts';
import { publicUser } from '../auth/publicUser.ts';
import { unreadableSecretError } from '../auth/mfa/unreadableSecret.ts';
import { signIn } from '../auth/signIn.ts';
import { HttpError } from '../http/HttpError.ts';
import { parseBody } from '../http/parseBody.ts';

/** Whether the session cookie must be `Secure`: configured so, or this request came over TLS. */
export function secureRequest(deps: Pick<AppDeps, 'config'>, req: Request): boolean {
  return deps.config.secureCookies || (req.socket as Partial<TLSSocket>).encrypted === true;
}

/**
 * POST /api/session signs in (open to everyone, throttled), DELETE /api/session signs out,
 * GET /api/me names the signed-in user. Every sign-in gets a new session id.
 */
export function sessionRoutes(deps: AppDeps): Router {
  const router = Router();
  const { users, sessions, throttle, audit, liveSockets } = deps.accounts;

  router.post('/session', async (req, res) => {
    const body = parseBody(SignInBody, req.body);
    const result = await signIn(
      {
        users,
        sessions,
        throttle,
        audit,
        metrics: deps.metrics,
        mfa: { mfa: deps.accounts.mfa, secrets: deps.accounts.mfaSecrets },
        sessionTtlMs: deps.config.sessionTtlMs,
        scryptParams: deps.config.scryptParams,
      },
      {
        username: body.username,
        password: body.password,
        code: body.code,
        address: clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], deps.config.trustedProxies),
        previousToken: readSessionToken(req.headers.cookie),
        userAgent: storedUserAgent(req.headers['user-agent']),
      },
    );
    if (!result.ok && result.reason === 'throttled') {
      res.setHeader('Retry-After', String(result.retryAfterSeconds));
      throw new HttpError(429, ErrorId.TooManyAttempts, 'Too many failed sign-ins. Try again later.');
    }
    if (!result.ok && result.reason === 'mfa_required') throw new HttpError(401, ErrorId.MfaRequired, 'Enter the code your authenticator app shows.');
    if (!result.ok && result.reason === 'invalid_mfa_code') {
      throw new HttpError(401, ErrorId.InvalidMfaCode, 'That code is wrong or was used already. Use the newest code, or a recovery code.');
    }
    if (!result.ok && result.reason === 'mfa_secret_unreadable') throw unreadableSecretError();
    if (!result.ok) throw new HttpError(401, ErrorId.InvalidCredentials, 'Wrong username or password.');
    res.setHeader(
      'Set-Cookie',
      sessionCookie(result.token, { secure: secureRequest(deps, req), maxAgeMs: deps.config.sessionTtlMs }),
    );
    res.json(publicUser(result.user));
  });

  router.delete('/session', async (req, res) => {
    const auth = authOf(res);
    await sessions.delete(auth.token);
    liveSockets.closeSession(auth.session.idHash, CloseCode.Unauthorized, 'signed out');
    res.setHeader('Set-Cookie', clearedSessionCookie({ secure: secureRequest(deps, req) }));
    res.status(204).end();
  });

  router.get('/me', (_req, res) => {
    res.json(publicUser(authOf(res).user));
  });

  return router;
}
