import { describe, expect, it } from 'vitest';
import { judgePassword } from './judgePassword.ts';
import { passwordLength, passwordRuleProblem } from './passwordRules.ts';

describe('judgePassword', () => {
  it.each([
    ['password1234', 'guessable', /similar to a commonly used password/],
    ['123456789012', 'common', /^This is one of the most common passwords\.$/],
    ['aaaaaaaaaaaa', 'guessable', /Repeated characters/],
    ['            ', 'guessable', /Repeated characters/],
    ['qwertyuiop12', 'guessable', /commonly used password/],
    ['abcdefghijkl', 'guessable', /.+/],
    ['trustno1trustno1', 'guessable', /Repeated character patterns/],
    ['copydesk2024!', 'guessable', /.+/],
  ])('refuses %j (%s) and says why', (password, problem, message) => {
    const verdict = judgePassword(password);
    expect(verdict).toMatchObject({ ok: false, problem });
    expect(verdict.message).toMatch(message);
    expect(verdict.score).toBeLessThan(3);
  });

  it.each([
    'correct horse battery staple',
    'Kettle-harbour-7-lanterns',
    'tidal marble orchard 42',
    'Пароль на каждый день',
    'mon 🐙 aime les 🥐 du matin',
  ])('accepts the passphrase %j', (password) => {
    expect(judgePassword(password, { username: 'ana', displayName: 'Ana Lima' })).toMatchObject({ ok: true, problem: null, message: null });
  });

  it('refuses the username or the display name as the password or inside it, whatever the case, spaces and punctuation', () => {
    const owner = { username: 'penny.p', displayName: 'Penny Picker' };
    for (const password of ['Penny.P 2031 lantern walk', 'my name is PENNY PICKER ok', 'pennypicker-on-the-night-desk']) {
      expect(judgePassword(password, owner)).toMatchObject({
        ok: false,
        problem: 'contains_name',
        message: 'Do not use the username or the display name in the password.',
      });
    }
    expect(judgePassword('Penny.P 2031 lantern walk', { username: 'someone' }).ok).toBe(true);
  });

  it('counts the owner’s names as easy to guess even where they are too short to refuse outright', () => {
    expect(judgePassword('bo bo bo bo bo', { username: 'bo' }).ok).toBe(false);
  });

  it('counts characters after NFKC normalisation, one per code point', () => {
    expect(passwordLength('🐙🐙🐙')).toBe(3);
    expect(passwordLength('\ufb00')).toBe(2);
    expect(passwordRuleProblem('🐙🥐🐙🥐🐙🥐🐙🥐🐙🥐🐙')).toEqual({ problem: 'too_short', message: 'Use at least 12 characters (this one has 11).' });
    expect(passwordRuleProblem('🐙🥐🐙🥐🐙🥐🐙🥐🐙🥐🐙🥐')).toBeNull();
    // Twelve UTF-16 units, but e + combining acute is one character once normalised.
    expect(passwordRuleProblem('e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301')).toMatchObject({ problem: 'too_short' });
  });

  it('takes up to 256 characters, not one more', () => {
    const words = 'orchard lantern marble tidal bicycle kettle harbour ';
    const long = words.repeat(10).slice(0, 256);
    expect(judgePassword(long).ok).toBe(true);
    expect(judgePassword(`${long}x`)).toMatchObject({ ok: false, problem: 'too_long', message: 'Use at most 256 characters (this one has 257).' });
  });

  it('scores as it judges, so a strength meter can show it while the password is still too short', () => {
    const verdict = judgePassword('zq8#Lm');
    expect(verdict).toMatchObject({ ok: false, problem: 'too_short' });
    expect(verdict.score).toBeGreaterThanOrEqual(0);
  });
});
