import { TrusteeError } from '../../errors/catalogue.ts';

/** Refuses a step of the cycle with no one named as taking it (INVALID_INPUT). */
export function checkPerson(field: string, name: unknown): void {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new TrusteeError('INVALID_INPUT', 'who takes the step is required', [
      { field, message: 'no one named', expected: 'a non-empty user name', got: name },
    ]);
  }
}

/** Refuses a missing or empty reason (INVALID_INPUT): a rejection or correction says why. */
export function checkReason(field: string, reason: unknown, why: string): string {
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new TrusteeError('INVALID_INPUT', `a reason is required: ${why}`, [
      { field, message: why, expected: 'a non-empty reason', got: reason },
    ]);
  }
  return reason.trim();
}
