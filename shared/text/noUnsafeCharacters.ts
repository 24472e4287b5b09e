import type { z } from 'zod';
import { unsafeTextMessage, type TextKind } from './cleanText.ts';

/**
 * A zod refinement refusing control and bidi-override characters (shared/text/cleanText.ts):
 * `z.string().superRefine(noUnsafeCharacters('line'))`. The issue names the character and its position.
 */
export function noUnsafeCharacters(kind: TextKind = 'line'): (value: string, context: z.RefinementCtx) => void {
  return (value, context) => {
    const message = unsafeTextMessage(value, kind);
    if (message !== null) context.addIssue({ code: 'custom', message });
  };
}
