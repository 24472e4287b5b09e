import { ErrorId } from '../../shared/api.ts';
import { HttpError } from '../http/HttpError.ts';
import type { PublishResult } from './publishArticle.ts';

/** The HTTP error for a refused publication: 404, 409 `transition_not_allowed`, `story_spiked` or `published_meanwhile`, 400, or 409 `publish_blocked` with the problems. */
export function publishRefusal(result: Extract<PublishResult, { ok: false }>): HttpError {
  switch (result.reason) {
    case 'not_found':
      return new HttpError(404, ErrorId.ArticleNotFound, result.message);
    case 'not_approved':
      return new HttpError(409, ErrorId.TransitionNotAllowed, result.message);
    case 'spiked':
      return new HttpError(409, ErrorId.StorySpiked, result.message);
    case 'published_meanwhile':
      return new HttpError(409, ErrorId.PublishedMeanwhile, result.message);
    case 'invalid':
      return new HttpError(400, ErrorId.ValidationFailed, result.message);
    case 'problems':
      return new HttpError(409, ErrorId.PublishBlocked, result.message, result.problems);
  }
}
