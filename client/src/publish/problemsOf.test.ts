import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import { problemsOf } from './problemsOf.ts';

describe('problemsOf', () => {
  it('reads the problems of a publish_blocked refusal and skips malformed entries', () => {
    const error = new ApiError(409, 'publish_blocked', 'The story cannot be published yet.', [
      { id: 'figure_missing_credit', message: 'The figure "Quay" needs a credit.', blockIndex: 3 },
      { id: 'broken' },
    ]);
    expect(problemsOf(error)).toEqual([{ id: 'figure_missing_credit', message: 'The figure "Quay" needs a credit.', blockIndex: 3 }]);
  });

  it('is empty for other errors', () => {
    expect(problemsOf(new ApiError(409, 'transition_not_allowed', 'No.', [{ id: 'x', message: 'y', blockIndex: 1 }]))).toEqual([]);
    expect(problemsOf(new Error('boom'))).toEqual([]);
  });
});
