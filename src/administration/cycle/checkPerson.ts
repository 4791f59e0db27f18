import { TrusteeError } from '../../errors/catalogue.ts';
import { blankText } from '../options.ts';

/** Refuses a step of the cycle with no one named as taking it (INVALID_INPUT). */
export function checkPerson(field: string, name: unknown): void {
  const problems = blankText(field, name, 'no one named', 'a non-empty user name');
  if (problems.length > 0) {
    throw new TrusteeError('INVALID_INPUT', 'who takes the step is required', problems);
  }
}

/** Refuses a missing or empty reason (INVALID_INPUT): a rejection or correction says why. */
export function checkReason(field: string, reason: unknown, why: string): string {
  const problems = blankText(field, reason, why, 'a non-empty reason');
  if (problems.length > 0) {
    throw new TrusteeError('INVALID_INPUT', `a reason is required: ${why}`, problems);
  }
  return (reason as string).trim();
}
