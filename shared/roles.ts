/** Every role an account can hold, least to most powerful. */
export const ROLES = ['viewer', 'reporter', 'editor', 'admin'] as const;

/** What an account may do: `viewer` reads (and comments), `reporter` writes its own stories, `editor` reviews and publishes, `admin` also manages users. */
export type Role = (typeof ROLES)[number];

/** Human labels for the UI. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = Object.freeze({
  viewer: 'Viewer',
  reporter: 'Reporter',
  editor: 'Editor',
  admin: 'Administrator',
});

/** One-line descriptions for the user management screen. */
export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = Object.freeze({
  viewer: 'Reads stories and comments on them; never edits.',
  reporter: 'Drafts stories and edits the ones they created or are assigned to.',
  editor: 'Edits every story, reviews, approves, sends back and publishes.',
  admin: 'Everything an editor does, plus managing accounts.',
});

/** Narrows an unknown value (a request body field, a database column) to a Role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Editors and admins review, approve, publish and edit every story. */
export function isEditorial(role: Role): boolean {
  return role === 'editor' || role === 'admin';
}

/** Only admins create accounts and change roles, passwords or the disabled flag of others. */
export function canManageUsers(role: Role): boolean {
  return role === 'admin';
}
