import type { RequestHandler, Response } from 'express';
import { ErrorId } from '../../shared/api.ts';
import type { Role } from '../../shared/roles.ts';
import { HttpError } from '../http/HttpError.ts';
import { checkRequestOrigin, type OriginPolicy } from './originCheck.ts';
import { resolveSession, type AuthContext, type ResolveSessionDeps } from './resolveSession.ts';

/** Refuses state-changing requests from other origins with 403 `cross_origin`. */
export function originGuard(policy: OriginPolicy): RequestHandler {
  return (req, _res, next) => {
    const verdict = checkRequestOrigin(req.method, req.headers, policy);
    next(verdict.ok ? undefined : new HttpError(403, ErrorId.CrossOrigin, verdict.reason));
  };
}

/** Reads the session cookie into `res.locals.auth` (null when signed out). Never refuses by itself. */
export function sessionMiddleware(deps: ResolveSessionDeps): RequestHandler {
  return async (req, res, next) => {
    res.locals.auth = await resolveSession(req.headers.cookie, deps);
    next();
  };
}

/** The signed-in user of a request that passed `requireSession`. */
export function authOf(res: Response): AuthContext {
  const auth = res.locals.auth as AuthContext | null | undefined;
  if (!auth) throw new HttpError(401, ErrorId.Unauthenticated, 'Sign in to continue.');
  return auth;
}

/** 401 `unauthenticated` unless `sessionMiddleware` found a signed-in user. */
export const requireSession: RequestHandler = (_req, res, next) => {
  try {
    authOf(res);
    next();
  } catch (error) {
    next(error);
  }
};

/** 401 when signed out, 403 `forbidden` unless the user holds one of `roles`. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    try {
      const { user } = authOf(res);
      next(roles.includes(user.role) ? undefined : new HttpError(403, ErrorId.Forbidden, 'Your role may not do that.'));
    } catch (error) {
      next(error);
    }
  };
}
