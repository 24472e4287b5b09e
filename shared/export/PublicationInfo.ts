/** A story linked from another one, as the publishing side knows it. */
export interface RelatedStory {
  /** Globally unique, absolute identifier of the related story (its ninjs `uri`). */
  uri: string;
  /** Public page of the related story, when it has one. */
  url?: string;
  headline: string;
}

/** IPTC publication status of a news item. */
export type PubStatus = 'usable' | 'withheld' | 'canceled';

/**
 * What a publication knows that the story document does not: identity, dates, status, embargo.
 * Dates are ISO 8601 date-times (`2024-05-01T09:30:00Z`).
 */
export interface PublicationInfo {
  /** Absolute, globally unique identifier of the story, e.g. `https://news.example/copydesk/articles/<id>`. */
  uri: string;
  /** Absolute URL of the public page; relative image and story links resolve against it. */
  url?: string;
  firstCreated: string;
  versionCreated: string;
  pubStatus: PubStatus;
  embargoedUntil?: string;
  /** Publication number: 1 for the first publication, 2 for the first republication, ... */
  version?: number;
  relatedStories?: RelatedStory[];
  /** Public note shown with a corrected republication. */
  correction?: string;
  /** Name of the publishing site, for the masthead, Open Graph and JSON-LD. */
  siteName?: string;
  /** Absolute URL of the site's front page; the masthead links to it. */
  siteUrl?: string;
  /** BCP 47 language tag of the story; `en` when absent. */
  language?: string;
}
