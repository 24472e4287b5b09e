import { useEffect, useState } from 'react';
import type { PasswordOwner, PasswordVerdict } from '../../../shared/password/passwordRules.ts';

type Judge = (password: string, owner: PasswordOwner) => PasswordVerdict;

let loading: Promise<Judge> | null = null;

// zxcvbn's dictionaries are large: they load the first time someone types a new password, never with the app.
function loadJudge(): Promise<Judge> {
  loading ??= import('../../../shared/password/judgePassword.ts').then((module) => module.judgePassword);
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** The policy's latest verdict on a password being typed, and whether it is on what the field holds now. */
export interface PasswordVerdictState {
  /** Null while the field is empty, or before the first verdict. */
  verdict: PasswordVerdict | null;
  /** False for the moment after a keystroke while the new text is judged (the verdict is on the text before). */
  current: boolean;
}

/**
 * The password policy's verdict on `password` as it is typed, for `owner`'s account. The server
 * judges again with the same rule (shared/password/judgePassword.ts).
 */
export function usePasswordVerdict(password: string, owner: PasswordOwner): PasswordVerdictState {
  const { username, displayName } = owner;
  const [judged, setJudged] = useState<{ key: string; verdict: PasswordVerdict } | null>(null);
  const key = JSON.stringify([password, username ?? '', displayName ?? '']);

  useEffect(() => {
    if (!password) return undefined;
    let current = true;
    // A short pause after each keystroke: judging takes a few milliseconds, typing is faster.
    const timer = setTimeout(() => {
      loadJudge().then(
        (judge) => {
          if (current) setJudged({ key, verdict: judge(password, { username, displayName }) });
        },
        () => undefined,
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, password, username, displayName]);

  if (!password || !judged) return { verdict: null, current: false };
  return { verdict: judged.verdict, current: judged.key === key };
}
