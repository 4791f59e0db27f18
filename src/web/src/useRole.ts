import { useApi } from './api.ts';
import type { SignedIn } from './session.ts';

/** The signed-in user's role (GET /api/session), undefined while it loads. */
export function useRole(): string | undefined {
  return useApi<SignedIn>('/api/session').data?.role;
}

/** Whether a role keeps a watch list, webhooks and positions (the auditor changes nothing). */
export const holds = (role: string | undefined) => role !== undefined && role !== 'auditor';
