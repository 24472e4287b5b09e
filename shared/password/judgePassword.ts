import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { PASSWORD_MIN_SCORE, normalizePassword, ownerWords, passwordRuleProblem, type PasswordOwner, type PasswordVerdict } from './passwordRules.ts';

// Words every Copydesk password should avoid, whoever owns it.
const PRODUCT_WORDS = ['copydesk'];

let factory: ZxcvbnFactory | null = null;

// Built at first use: unpacking the dictionaries takes a fifth of a second.
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    // Matching grows with the square of the length: the first 100 characters decide.
    maxLength: 100,
  });
  return factory;
}

function isCommon(result: ZxcvbnResult, password: string): boolean {
  const [only, ...rest] = result.sequence;
  return (
    rest.length === 0 &&
    only !== undefined &&
    only.pattern === 'dictionary' &&
    String(only.dictionaryName).startsWith('passwords') &&
    only.token.length === password.length &&
    !only.l33t &&
    !only.reversed
  );
}

/**
 * The password policy (OWASP ASVS 2.1), one rule for the server, which enforces it, and the
 * client, which shows it as you type: 12 to 256 characters after NFKC normalisation, any
 * characters at all; not the owner's username or display name, nor containing them; not one of
 * the common passwords zxcvbn ships; and a zxcvbn score of at least 3 (no repeats, sequences,
 * keyboard patterns or dictionary words alone; zxcvbn reads the first 100 characters). Runs
 * offline: the dictionaries come with the package.
 */
export function judgePassword(password: string, owner: PasswordOwner = {}): PasswordVerdict {
  const normalized = normalizePassword(password);
  const result = zxcvbn().check(normalized, [...ownerWords(owner), ...PRODUCT_WORDS]);
  const score = result.score;
  const suggestions = result.feedback.suggestions;
  const broken = passwordRuleProblem(password, owner);
  if (broken) return { ok: false, ...broken, score, suggestions };
  if (isCommon(result, normalized)) {
    return { ok: false, problem: 'common', message: 'This is one of the most common passwords.', score, suggestions };
  }
  if (score < PASSWORD_MIN_SCORE) {
    const why = result.feedback.warning ?? 'This password is easy to guess.';
    const message = suggestions[0] ? `${why} ${suggestions[0]}` : why;
    return { ok: false, problem: 'guessable', message, score, suggestions };
  }
  return { ok: true, problem: null, message: null, score, suggestions };
}
