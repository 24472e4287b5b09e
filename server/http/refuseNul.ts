import type { RequestHandler } from 'express';
import { ErrorId } from '../../shared/api.ts';
import { HttpError } from './HttpError.ts';

/**
 * 400 `malformed_url` for an address holding U+0000 (`%00`), before any route reads it: no
 * story, slug or user name holds one, and PostgreSQL refuses it in every text parameter.
 */
export const refuseNulInUrl: RequestHandler = (req, _res, next) => {
  next(req.originalUrl.includes('%00') ? new HttpError(400, ErrorId.MalformedUrl, 'The address is not valid: it holds U+0000 (%00).') : undefined);
};

/** Where in `body` a string (or a key) holds U+0000, as `body.a.0`; null when nowhere. Iterative: any depth. */
function nulPath(body: unknown): string | null {
  const pending: Array<[unknown, string]> = [[body, 'body']];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, `${path}.${index}`]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) return path;
        pending.push([item, `${path}.${key}`]);
      }
    }
  }
  return null;
}

/**
 * 400 `validation_failed` for a JSON body holding U+0000 anywhere. No field accepts it (the text
 * rule in shared/text/cleanText.ts refuses it), and on PostgreSQL a look-up with it would fail.
 */
export const refuseNulInBody: RequestHandler = (req, _res, next) => {
  const path = req.body === undefined ? null : nulPath(req.body);
  next(path === null ? undefined : new HttpError(400, ErrorId.ValidationFailed, `${path}: contains U+0000 (NUL): control characters are not allowed`));
};
