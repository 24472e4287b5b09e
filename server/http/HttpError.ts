import type { ErrorId } from '../../shared/api.ts';

/** An error that the error middleware renders as `{ error: { id, message } }` with `status`. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly id: ErrorId,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
