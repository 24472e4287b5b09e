import { ErrorId } from '../../shared/api.ts';
import { HttpError } from './HttpError.ts';

/**
 * The client error behind an error that Express or its parsers raised, or null when it is not
 * one (a server failure): bad JSON 400, a body too large 413, an address that cannot be decoded
 * 400 `malformed_url`, and the other 4xx errors Express marks as safe to show.
 */
export function clientError(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error.status < 500 ? error : null;
  if (typeof error !== 'object' || error === null) return null;
  const status = (error as { status?: unknown }).status;
  // The router could not percent-decode a path parameter (`/api/articles/%E0%A4%A`).
  if (error instanceof URIError && status === 400) {
    return new HttpError(400, ErrorId.MalformedUrl, 'The address is not valid: it holds a malformed percent-encoding.');
  }
  switch ((error as { type?: unknown }).type) {
    case 'entity.parse.failed':
      return new HttpError(400, ErrorId.BadJson, 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new HttpError(413, ErrorId.PayloadTooLarge, 'The request body is too large.');
    default:
      break;
  }
  // Other client errors raised by Express's own middleware (e.g. an unsupported charset).
  if (typeof status === 'number' && status >= 400 && status < 500 && (error as { expose?: unknown }).expose === true) {
    return new HttpError(status, ErrorId.ValidationFailed, (error as { message?: string }).message ?? 'Bad request.');
  }
  return null;
}
