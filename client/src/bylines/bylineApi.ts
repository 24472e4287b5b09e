import type { BylinePerson, DeskSection, SectionList } from '../../../shared/sections.ts';
import { request } from '../api.ts';

/** The desk's section list and whether the section field takes only its names (GET /api/sections). */
export function listSections(): Promise<SectionList> {
  return request<SectionList>('/api/sections');
}

/** Turns free-text sections off (`listOnly`) or on again (admins). */
export async function setSectionsListOnly(listOnly: boolean): Promise<boolean> {
  return (await request<{ listOnly: boolean }>('/api/sections/settings', { method: 'PUT', body: JSON.stringify({ listOnly }) })).listOnly;
}

/** Adds a section (admins). */
export function addSection(name: string): Promise<DeskSection> {
  return request<DeskSection>('/api/sections', { method: 'POST', body: JSON.stringify({ name }) });
}

/** Renames a section (admins). */
export function renameSection(id: number, name: string): Promise<DeskSection> {
  return request<DeskSection>(`/api/sections/${id}`, { method: 'PATCH', body: JSON.stringify({ name }) });
}

/** Removes a section (admins); stories naming it keep their section. */
export async function removeSection(id: number): Promise<void> {
  await request<unknown>(`/api/sections/${id}`, { method: 'DELETE' });
}

/** The colleagues a byline can name (GET /api/bylines/people). */
export async function listBylinePeople(): Promise<BylinePerson[]> {
  return (await request<{ people: BylinePerson[] }>('/api/bylines/people')).people;
}
