import { TrusteeError } from '../../errors/catalogue.ts';

/** NOT_FOUND for a draft id the store does not have. */
export function draftNotFound(draftId: string): TrusteeError {
  return new TrusteeError('NOT_FOUND', `no prepared distribution ${draftId}`, [
    {
      field: 'draftId',
      message: 'no such draft',
      expected: 'the id of a prepared distribution',
      got: draftId,
    },
  ]);
}
