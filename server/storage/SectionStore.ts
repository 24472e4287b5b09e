/** A section of the desk's list (World, Business, ...), as stored. */
export interface Section {
  id: number;
  name: string;
  createdAt: string;
}

/** Another section already has this name (compared case-insensitively). */
export class SectionExistsError extends Error {
  constructor(readonly sectionName: string) {
    super(`There is already a section called ${sectionName}.`);
    this.name = 'SectionExistsError';
  }
}

/** The key two section names are compared by: "World" and "world" are one section. */
export function sectionKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('en');
}

/**
 * The desk's section list, kept by admins and offered wherever a story's section is typed. Names
 * are unique case-insensitively (`sectionKey`); renaming or removing a section leaves stories that
 * name it alone (a story's section is its own text).
 */
export interface SectionStore {
  /** Every section, by name (`sectionKey`, compared code point by code point). */
  list(): Promise<Section[]>;
  /** Adds a section; throws SectionExistsError when the name is taken. */
  add(name: string, at: string): Promise<Section>;
  /** Renames a section; null when there is no such section; throws SectionExistsError when the name is taken. */
  rename(id: number, name: string): Promise<Section | null>;
  /** Removes a section; false when there was none. */
  remove(id: number): Promise<boolean>;
  /** Whether the desk wants sections from the list only (the section field then offers no free text); false at first. */
  listOnly(): Promise<boolean>;
  setListOnly(on: boolean): Promise<void>;
}
