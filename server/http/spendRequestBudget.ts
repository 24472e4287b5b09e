import type { RequestHandler } from 'express';
import { ErrorId } from '../../shared/api.ts';
import { authOf } from '../auth/authMiddleware.ts';
import type { Logger } from '../log.ts';
import { HttpError } from './HttpError.ts';
import type { RequestBudget } from './RequestBudget.ts';
import { requestCost } from './requestCost.ts';

/**
 * Charges each signed-in request to its account's budget (after `requireSession`): over it, 429
 * `rate_limited` with Retry-After, logged once per account and window. A budget that cannot be
 * read lets the request through: the budget protects the newsroom, it never stops it.
 */
export function spendRequestBudget(deps: { budget: RequestBudget; log: Logger }): RequestHandler {
  return async (req, res, next) => {
    const { user } = authOf(res);
    let spent;
    try {
      spent = await deps.budget.spend(user.id, requestCost(req.method, req.path), 'api');
    } catch (error) {
      deps.log.warn('the request budget could not be read; the request goes through', { error });
      next();
      return;
    }
    if (spent.ok) {
      next();
      return;
    }
    const seconds = Math.max(1, Math.ceil(spent.retryAfterMs / 1000));
    if (spent.first) {
      deps.log.warn('an account went over its request budget; refusing its requests until the window ends', {
        user: user.username,
        points: deps.budget.points,
        windowSeconds: deps.budget.windowSeconds,
        retryAfterSeconds: seconds,
      });
    }
    res.setHeader('Retry-After', String(seconds));
    next(new HttpError(429, ErrorId.RateLimited, `Too many requests from your account at once. Try again in ${seconds} s.`));
  };
}
