import { TrusteeError } from '../../errors/catalogue.ts';
import type { PlainDate } from '../../money/plainDate.ts';
import type { StoredRemittance, TrustStore } from '../../store/trustStore.ts';

/**
 * The remittance waiting for a deal's date: the latest uploaded one no version of the date was
 * written from. NO_REMITTANCE when none waits.
 */
export async function waitingRemittance(
  store: TrustStore,
  dealId: string,
  date: PlainDate,
): Promise<StoredRemittance> {
  const [latest] = await store.waitingRemittances(dealId, date);
  if (!latest) {
    throw new TrusteeError('NO_REMITTANCE', `no remittance waits for ${dealId} ${date}`, [
      {
        field: 'distributionDate',
        message: 'no uploaded remittance for the date that is not published already',
        expected: "the servicer's report for the date, uploaded first",
        got: date,
      },
    ]);
  }
  return (await store.getRemittance(latest.remittanceId))!;
}
