import { z } from 'zod';
import { ROLES, type Role } from './roles.ts';
import { noUnsafeCharacters } from './text/noUnsafeCharacters.ts';
import { NOTE_MAX_LENGTH, STATUSES } from './workflow.ts';

/** Usernames: letters, digits, dot, dash, underscore; compared case-insensitively. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/;
export const DISPLAY_NAME_MAX_LENGTH = 80;
/**
 * Fewest characters of a new password, counted after NFKC normalisation (one per code point).
 * NIST SP 800-63B asks for at least 8; a newsroom account guards unpublished stories, so ask for
 * more. The whole policy is shared/password/judgePassword.ts.
 */
export const PASSWORD_MIN_LENGTH = 12;
/** Longest password a request may carry (UTF-16 code units); the policy's own limit is lower. */
export const PASSWORD_MAX_LENGTH = 1024;

const username = z.string().regex(USERNAME_PATTERN, 'Use 2–32 letters, digits, dots, dashes or underscores.');
const displayName = z.string().trim().min(1).max(DISPLAY_NAME_MAX_LENGTH).superRefine(noUnsafeCharacters('line'));
// Only the shape: the password policy (shared/password/judgePassword.ts) judges it, with its own error id.
const password = z.string().min(1).max(PASSWORD_MAX_LENGTH);

/** An account as the API shows it: never the password hash. */
export interface PublicUser {
  username: string;
  displayName: string;
  role: Role;
  color: string;
  disabled: boolean;
  createdAt: string;
}

/** One colleague in GET /api/people, the directory editors pick assignees and reviewers from: nothing else about the account. */
export interface Person {
  username: string;
  displayName: string;
  role: Role;
}

/** Body of POST /api/session. Only shape is checked here: a too-short password is simply wrong, not invalid. */
export const LoginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** Body of POST /api/users. */
export const CreateUserBody = z.object({
  username,
  password,
  displayName,
  role: z.enum(ROLES),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

/** Body of PATCH /api/users/:username; at least one field. */
export const UpdateUserBody = z
  .object({
    displayName: displayName.optional(),
    role: z.enum(ROLES).optional(),
    password: password.optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((v) => v !== undefined), 'Change at least one field.');
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

/** Body of POST /api/articles/:id/transitions. */
export const TransitionBody = z.object({
  to: z.enum(STATUSES),
  note: z.string().max(NOTE_MAX_LENGTH).optional(),
});
export type TransitionBody = z.infer<typeof TransitionBody>;

/** Body of PUT /api/articles/:id/assignees: the full new list (empty clears it). */
export const AssigneesBody = z.object({
  usernames: z.array(z.string().min(1).max(64)).max(20),
});
export type AssigneesBody = z.infer<typeof AssigneesBody>;

/** Body of PUT /api/articles/:id/reviewer; null clears it. */
export const ReviewerBody = z.object({
  username: z.string().min(1).max(64).nullable(),
});
export type ReviewerBody = z.infer<typeof ReviewerBody>;

/** One row of GET /api/articles/:id/activity, oldest first. */
export interface ActivityEntry {
  id: number;
  actor: string;
  /** The actor's display name (the username when no account has it any more). */
  actorName?: string;
  /** The subject's display name when it is an existing account (assignments). */
  subjectName?: string | null;
  action: string;
  subject: string | null;
  from: string | null;
  to: string | null;
  note: string | null;
  at: string;
}
