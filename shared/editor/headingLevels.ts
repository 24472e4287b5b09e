/** Heading levels a story body may use: the headline is the only level 1. */
export const HEADING_LEVELS = [2, 3] as const;
