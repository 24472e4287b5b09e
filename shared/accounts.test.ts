import { describe, expect, it } from 'vitest';
import { CreateUserBody, LoginBody, TransitionBody, UpdateUserBody } from './accounts.ts';

describe('account request bodies', () => {
  it('accepts a well-formed new user and refuses bad names, empty or overlong passwords and unknown roles', () => {
    const good = { username: 'ana.ng', password: 'twelve chars!', displayName: ' Ana Ng ', role: 'reporter' };
    expect(CreateUserBody.parse(good).displayName).toBe('Ana Ng');
    expect(CreateUserBody.safeParse({ ...good, username: 'a b' }).success).toBe(false);
    expect(CreateUserBody.safeParse({ ...good, username: '-ana' }).success).toBe(false);
    // A short password has the right shape: the password policy refuses it, with its own error id.
    expect(CreateUserBody.safeParse({ ...good, password: 'short' }).success).toBe(true);
    expect(CreateUserBody.safeParse({ ...good, password: '' }).success).toBe(false);
    expect(CreateUserBody.safeParse({ ...good, password: 'x'.repeat(1025) }).success).toBe(false);
    expect(CreateUserBody.safeParse({ ...good, role: 'owner' }).success).toBe(false);
  });

  it('needs at least one known field to update a user', () => {
    expect(UpdateUserBody.safeParse({}).success).toBe(false);
    expect(UpdateUserBody.safeParse({ username: 'renamed' }).success).toBe(false);
    expect(UpdateUserBody.parse({ disabled: true })).toEqual({ disabled: true });
  });

  it('checks only the shape of a sign-in', () => {
    expect(LoginBody.safeParse({ username: 'ana', password: 'x' }).success).toBe(true);
    expect(LoginBody.safeParse({ username: '', password: 'x' }).success).toBe(false);
  });

  it('accepts a transition to a known status only', () => {
    expect(TransitionBody.parse({ to: 'in_review' })).toEqual({ to: 'in_review' });
    expect(TransitionBody.safeParse({ to: 'archived' }).success).toBe(false);
  });
});
