import type { z } from 'zod';
import { ErrorId } from '../../shared/api.ts';
import { HttpError } from './HttpError.ts';

/** Validates `value` with `schema`, or throws 400 `validation_failed` naming each bad field. */
export function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const message = result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    throw new HttpError(400, ErrorId.ValidationFailed, message, result.error.issues);
  }
  return result.data;
}
