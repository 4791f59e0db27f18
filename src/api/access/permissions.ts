import type { Role } from '../../store/people.ts';

/**
 * Who may use each route: THE table (issue 13). Every route the app registers must be listed
 * here, by method and URL pattern as fastify knows it, or the app refuses to start
 * (accessControl.ts); the permission test (test/api/permissions.test.ts) tries every route with
 * every role and with no session against it.
 *
 * - `anyone`: no sign-in (the sign-in routes, the dashboard's files, which hold no data);
 * - a list of roles: a signed-in user with one of them, else 401 (no one signed in) or 403;
 * - `deal: true`: the route names a deal (`:dealId`); an investor must be entitled to it (403).
 *
 * Why these: investors see published statements and filings of their deals, nothing else (no
 * loan tape, no servicer rows; their positions' projections run inside the position view only,
 * never as jobs of their own); routes that name a deal elsewhere than in `:dealId` (a position,
 * a CUSIP, a user's deals) check it in the route;
 * the auditor reads everything and changes nothing; preparers, approvers and administrators
 * read everything the portal shows. The routes that change things (upload, prepare, approve,
 * publish, users) come with issue 13's next parts.
 */
export interface Permission {
  readonly roles: 'anyone' | readonly Role[];
  readonly deal?: boolean;
}

const everyone: readonly Role[] = ['administrator', 'preparer', 'approver', 'investor', 'auditor'];
const staff: readonly Role[] = ['administrator', 'preparer', 'approver', 'auditor'];
/** Who may keep a watch list, webhooks and positions: everyone but the auditor (changes nothing). */
const holders: readonly Role[] = ['administrator', 'preparer', 'approver', 'investor'];
/** The monthly cycle: who prepares (uploads, prepares), who approves, who publishes. */
const preparers: readonly Role[] = ['administrator', 'preparer'];
const approvers: readonly Role[] = ['administrator', 'approver'];
const publishers: readonly Role[] = ['administrator', 'preparer', 'approver'];
const readUsers: readonly Role[] = ['administrator', 'auditor'];
const changeUsers: readonly Role[] = ['administrator'];

export const permissions: Readonly<Record<string, Permission>> = {
  // Signing in and out.
  'POST /api/session': { roles: 'anyone' },
  'POST /api/session/link': { roles: 'anyone' },
  'GET /api/session': { roles: everyone },
  'DELETE /api/session': { roles: everyone },
  'PUT /api/session/password': { roles: everyone },

  // Deals, statements and filings: every role, investors their deals only.
  'GET /api/deals': { roles: everyone },
  // The book of deals: administrators add deals (deal file, tape, opening state).
  'POST /api/deals': { roles: ['administrator'] },
  'GET /api/deals/:dealId': { roles: everyone, deal: true },
  'GET /api/deals/:dealId/classes': { roles: everyone, deal: true },
  'GET /api/deals/:dealId/distributions': { roles: everyone, deal: true },
  'GET /api/deals/:dealId/distributions/:date': { roles: everyone, deal: true },
  'GET /api/deals/:dealId/distributions/:date/sections': { roles: everyone, deal: true },
  'GET /api/deals/:dealId/distributions/:date/statement': { roles: everyone, deal: true },
  'GET /api/deals/:dealId/distributions/:date/8k': { roles: everyone, deal: true },
  'GET /api/deals/:dealId/annual/:year/10k': { roles: everyone, deal: true },
  'GET /api/deals/:dealId/closing/8k': { roles: everyone, deal: true },

  // The servicer's data and the loans: the trustee's staff.
  'GET /api/deals/:dealId/distributions/:date/remittance': { roles: staff, deal: true },
  'GET /api/deals/:dealId/loans': { roles: staff, deal: true },
  'GET /api/deals/:dealId/loans/stratifications/:by': { roles: staff, deal: true },

  // Projections and scenario grids (jobs: they compute, they store nothing): the staff.
  'POST /api/deals/:dealId/projections': { roles: staff, deal: true },
  'POST /api/deals/:dealId/scenario-grids': { roles: staff, deal: true },
  'GET /api/jobs/:jobId': { roles: staff },
  'DELETE /api/jobs/:jobId': { roles: staff },
  'GET /api/jobs/:jobId/result': { roles: staff },
  'GET /api/jobs/:jobId/download': { roles: staff },

  // The investor portal: each caller's own watch list, feed, webhooks and positions (another's
  // are not found); the factors, CUSIPs and history ZIP of the deals they may see.
  'GET /api/watchlist': { roles: everyone },
  'PUT /api/watchlist/:dealId': { roles: holders, deal: true },
  'DELETE /api/watchlist/:dealId': { roles: holders, deal: true },
  'GET /api/feed': { roles: everyone },
  'GET /api/webhooks': { roles: everyone },
  'POST /api/webhooks': { roles: holders },
  'GET /api/webhooks/:webhookId/deliveries': { roles: everyone },
  'DELETE /api/webhooks/:webhookId': { roles: holders },
  'GET /api/deals/:dealId/factors': { roles: everyone, deal: true },
  'GET /api/cusips/:cusip': { roles: everyone },
  'GET /api/positions': { roles: everyone },
  'POST /api/positions': { roles: holders },
  'GET /api/positions/:positionId': { roles: everyone },
  'DELETE /api/positions/:positionId': { roles: holders },
  'GET /api/deals/:dealId/history.zip': { roles: everyone, deal: true },

  // The users page: administrators change users, auditors read them.
  'GET /api/users': { roles: readUsers },
  'POST /api/users': { roles: changeUsers },
  'PUT /api/users/:name/role': { roles: changeUsers },
  'PUT /api/users/:name/deals/:dealId': { roles: changeUsers },
  'DELETE /api/users/:name/deals/:dealId': { roles: changeUsers },
  'POST /api/users/:name/disable': { roles: changeUsers },
  'POST /api/users/:name/link': { roles: changeUsers },
  'GET /api/users/:name/tokens': { roles: readUsers },
  'DELETE /api/users/:name/tokens/:tokenId': { roles: changeUsers },

  // The monthly cycle: preparers upload and prepare, a second person approves or rejects
  // (never the draft's preparer: the service refuses), an approved draft is published; the
  // staff read drafts and waiting remittances (investors see a date once it is published).
  'POST /api/deals/:dealId/remittances': { roles: preparers, deal: true },
  'GET /api/deals/:dealId/remittances/waiting': { roles: staff, deal: true },
  'POST /api/deals/:dealId/drafts': { roles: preparers, deal: true },
  'GET /api/deals/:dealId/drafts': { roles: staff, deal: true },
  'GET /api/drafts/:draftId': { roles: staff },
  'POST /api/drafts/:draftId/approve': { roles: approvers },
  'POST /api/drafts/:draftId/reject': { roles: approvers },
  'POST /api/drafts/:draftId/publish': { roles: publishers },
  'GET /api/deals/:dealId/distributions/:date/versions': { roles: staff, deal: true },

  // The audit log: those who answer for the controls.
  'GET /api/audit': { roles: ['administrator', 'auditor'] },

  // The API's description: whoever is signed in.
  'GET /openapi.json': { roles: everyone },
  'GET /docs': { roles: everyone },
  'GET /docs/': { roles: everyone },
  'GET /docs/static/index.html': { roles: everyone },
  'GET /docs/static/swagger-initializer.js': { roles: everyone },
  'GET /docs/static/*': { roles: everyone },
  'GET /docs/json': { roles: everyone },
  'GET /docs/yaml': { roles: everyone },

  // The dashboard's files (index.html, scripts, styles): the sign-in page is one of them.
  'GET /*': { roles: 'anyone' },
};

/** The entry for a route; HEAD is GET's (fastify adds a HEAD route for each GET). */
export function permissionFor(method: string, url: string): Permission | undefined {
  return permissions[`${method === 'HEAD' ? 'GET' : method} ${url}`];
}
