import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorId, type ApiErrorBody } from '../../shared/api.ts';
import type { Logger } from '../log.ts';
import { clientError } from './clientError.ts';
import { HttpError } from './HttpError.ts';

/** Turns an unmatched /api request into a 404 JSON error. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, ErrorId.NotFound, `No API route for ${req.method} ${req.originalUrl}`));
};

/** The one place that renders errors: `{ error: { id, message } }`, never a stack. */
export function errorMiddleware(log: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    let httpError = error instanceof HttpError ? error : clientError(error);
    if (!httpError) {
      log.error('request failed', { method: req.method, url: req.originalUrl, error });
      httpError = new HttpError(500, ErrorId.Internal, 'Something went wrong on the server.');
    }
    const body: ApiErrorBody = { error: { id: httpError.id, message: httpError.message } };
    if (httpError.details !== undefined) body.error.details = httpError.details;
    res.status(httpError.status).json(body);
  };
}
