import { z } from 'zod';
import { noUnsafeCharacters } from './text/noUnsafeCharacters.ts';

/** Longest section name, in characters. */
export const SECTION_NAME_MAX_LENGTH = 60;

/** A section of the desk's list, as GET /api/sections gives it. */
export interface DeskSection {
  id: number;
  name: string;
  createdAt: string;
}

/** Body of POST /api/sections and PATCH /api/sections/:id: the name, spaces trimmed and collapsed. */
export const SectionBody = z.object({
  name: z
    .string()
    .transform((name) => name.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, 'A section needs a name.').max(SECTION_NAME_MAX_LENGTH).superRefine(noUnsafeCharacters('line'))),
});
export type SectionBody = z.infer<typeof SectionBody>;

/** Body of PUT /api/sections/settings. */
export const SectionSettingsBody = z.object({ listOnly: z.boolean() });
export type SectionSettingsBody = z.infer<typeof SectionSettingsBody>;

/** GET /api/sections: the list, and whether the section field takes only its names (no free text). */
export interface SectionList {
  sections: DeskSection[];
  listOnly: boolean;
}

/** One colleague a byline can name (GET /api/bylines/people): an account that writes, nothing else about it. */
export interface BylinePerson {
  username: string;
  displayName: string;
}
