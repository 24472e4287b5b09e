import type { PasswordVerdict } from '../../../shared/password/passwordRules.ts';
import './passwordStrength.css';

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

/**
 * How strong a new password is, shown under its field as it is typed: four bars for zxcvbn's
 * score, and why the policy refuses it (the same sentence the server would answer with).
 */
export function PasswordStrength({ verdict }: { verdict: PasswordVerdict | null }) {
  if (!verdict) return null;
  const label = verdict.ok ? LABELS[verdict.score] : 'Too weak';
  return (
    <div className="password-strength" data-ok={verdict.ok} data-score={verdict.ok ? verdict.score : Math.min(verdict.score, 1)}>
      <div className="password-strength-bars" aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
      </div>
      <p className="password-strength-message" aria-live="polite">
        <strong>{label}.</strong> {verdict.ok ? (verdict.suggestions[0] ?? '') : verdict.message}
      </p>
    </div>
  );
}
