import { TrusteeError } from '../../errors/catalogue.ts';
import { nearestName } from '../../errors/suggest.ts';
import type { Portal } from '../service/portal.ts';

/** A class found by its CUSIP. */
export interface CusipMatch {
  readonly cusip: string;
  readonly dealId: string;
  readonly dealName: string;
  readonly class: string;
}

/** CUSIPs are 9 characters, digits and capital letters (the deal schema's rule). */
export const CUSIP = /^[0-9A-Z]{9}$/;

/**
 * The class a CUSIP names among the deals a caller may see (`visible`: an investor's entitled
 * deals, everyone else's every deal). An unknown CUSIP is UNKNOWN_CUSIP with the nearest known
 * one of those deals suggested (a mistyped digit), never one of a deal the caller may not see.
 */
export async function findCusip(
  portal: Portal,
  cusip: string,
  visible: (dealId: string) => boolean,
): Promise<CusipMatch> {
  const wanted = cusip.trim().toUpperCase();
  // The deal list carries each deal's CUSIPs: only the deal that has it is read in full.
  const seen = (await portal.deals()).filter((d) => visible(d.id));
  const holder = seen.find((d) => d.cusips.includes(wanted));
  if (holder) {
    const deal = await portal.resolve(holder.id);
    const found = deal.classes.find((c) => c.cusip === wanted);
    if (found) return { cusip: wanted, dealId: deal.id, dealName: deal.name, class: found.name };
  }
  const nearest = nearestName(
    wanted,
    seen.flatMap((d) => d.cusips),
  );
  throw new TrusteeError(
    'UNKNOWN_CUSIP',
    `no class with CUSIP ${cusip}${nearest ? ` (did you mean ${nearest}?)` : ''}`,
    [
      {
        field: 'cusip',
        message: CUSIP.test(wanted) ? 'no class of a deal you may see has it' : 'not a CUSIP',
        expected: nearest ? `${nearest} (the nearest known)` : 'the 9-character CUSIP of a class',
        got: cusip,
      },
    ],
  );
}
