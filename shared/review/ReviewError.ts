import { ErrorId } from '../api.ts';

/** Why a review action was refused, with the stable error id the REST layer renders. */
export class ReviewError extends Error {
  readonly id: ErrorId;

  constructor(id: ErrorId, message: string) {
    super(message);
    this.name = 'ReviewError';
    this.id = id;
  }
}
