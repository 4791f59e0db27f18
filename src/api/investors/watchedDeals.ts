import type { User } from '../../store/people.ts';
import type { WatchedDeal } from '../../store/investors.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import type { Portal } from '../service/portal.ts';

/** Whether a user may see a deal: an investor their entitled deals, every other role all. */
export function maySee(user: User, dealId: string): boolean {
  return user.role !== 'investor' || user.deals.includes(dealId);
}

/**
 * The deals on a user's watch list they may still see: a deal whose entitlement was withdrawn
 * (or that the portal no longer serves) stays on the list but gives no feed and no notice.
 */
export async function watchedDeals(
  store: TrustStore,
  portal: Portal,
  user: User,
): Promise<WatchedDeal[]> {
  const watched = (await store.investors.watchList(user.name)).filter((w) =>
    maySee(user, w.dealId),
  );
  const served = await Promise.all(
    watched.map((w) =>
      portal.resolve(w.dealId).then(
        () => true,
        () => false,
      ),
    ),
  );
  return watched.filter((_, i) => served[i]);
}
