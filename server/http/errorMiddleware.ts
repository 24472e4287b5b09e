import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorId, type ApiErrorBody } from '../../shared/api.ts';
import type { Logger } from '../log.ts';
import { HttpError } from './HttpError.ts';

/** Turns an unmatched /api request into a 404 JSON error. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, ErrorId.NotFound, `No API route for ${req.method} ${req.originalUrl}`));
};

function bodyParserError(error: unknown): HttpError | null {
  if (typeof error !== 'object' || error === null || !('type' in error)) return null;
  switch ((error as { type: unknown }).type) {
    case 'entity.parse.failed':
      return new HttpError(400, ErrorId.BadJson, 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new HttpError(413, ErrorId.PayloadTooLarge, 'The request body is too large.');
    default:
      break;
  }
  // Other client errors raised by Express's own middleware (e.g. an unsupported charset).
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500 && (error as { expose?: unknown }).expose === true) {
    return new HttpError(status, ErrorId.ValidationFailed, (error as { message?: string }).message ?? 'Bad request.');
  }
  return null;
}

/** The one place that renders errors: `{ error: { id, message } }`, never a stack. */
export function errorMiddleware(log: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    let httpError = error instanceof HttpError ? error : bodyParserError(error);
    if (!httpError) {
      log.error('request failed', { method: req.method, url: req.originalUrl, error });
      httpError = new HttpError(500, ErrorId.Internal, 'Something went wrong on the server.');
    }
    const body: ApiErrorBody = { error: { id: httpError.id, message: httpError.message } };
    if (httpError.details !== undefined) body.error.details = httpError.details;
    res.status(httpError.status).json(body);
  };
}
