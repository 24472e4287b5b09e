import type { RequestHandler } from 'express';
import { ErrorId } from '../../../shared/api.ts';
import { HttpError } from '../../http/HttpError.ts';
import type { MfaStore } from '../../storage/MfaStore.ts';
import { authOf } from '../authMiddleware.ts';
import { needsEnrolment } from './needsEnrolment.ts';

/**
 * 403 `mfa_enrolment_required` for a signed-in account whose role requires two-step sign-in and
 * that has not enrolled: mounted after the routes such a session may still use (who am I, sign
 * out, enrolment), it keeps it from everything else.
 */
export function requireEnrolment(mfa: MfaStore): RequestHandler {
  return async (_req, res, next) => {
    const { user } = authOf(res);
    if (await needsEnrolment(mfa, user)) {
      throw new HttpError(403, ErrorId.MfaEnrolmentRequired, 'Your role requires two-step sign-in: turn it on to continue.');
    }
    next();
  };
}
