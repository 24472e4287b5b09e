import { describe, expect, it } from 'vitest';
import { personNamed } from './BylineField.tsx';

const people = [
  { username: 'rita', displayName: 'Rita Porter' },
  { username: 'ed', displayName: 'Ed Itor' },
];

describe('personNamed', () => {
  it('finds a colleague by display name or username, in any case, with or without @', () => {
    expect(personNamed(people, ' rita porter ')?.username).toBe('rita');
    expect(personNamed(people, 'ed itor')?.username).toBe('ed');
    expect(personNamed(people, '@Rita')?.username).toBe('rita');
    expect(personNamed(people, '@ED')?.username).toBe('ed');
  });

  it('leaves anything else to be a free-text name', () => {
    expect(personNamed(people, 'Rita')).toBeNull();
    expect(personNamed(people, 'Ed')).toBeNull();
    expect(personNamed(people, '@nobody')).toBeNull();
    expect(personNamed(people, 'Sam Stringer')).toBeNull();
    expect(personNamed([], 'Rita Porter')).toBeNull();
  });
});
