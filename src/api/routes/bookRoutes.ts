import type { FastifyInstance } from 'fastify';
import { addBookDeal } from '../../administration/book/addBookDeal.ts';
import { readLoanTape } from '../../collateral/readLoanTape.ts';
import { loadDeal } from '../../deal/loadDeal.ts';
import { parseStateFile } from '../../deal/stateFile.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import type { Portal } from '../service/portal.ts';
import { errorResponses, objectResponse } from '../schemas.ts';

interface AddDealBody {
  deal: Record<string, unknown>;
  tape: string;
  state?: Record<string, unknown>;
  reason?: string;
}

/**
 * A deal and its tape in one body: a pool of a few thousand loans is a few megabytes of CSV,
 * more than the API's default limit for the other routes (jobLimits.ts maxBodyBytes).
 */
export const ADD_DEAL_BODY_BYTES = 64 * 1024 * 1024;

/** Adding a deal to the store's book (administrators: permissions.ts). */
export function bookRoutes(app: FastifyInstance, store: TrustStore, portal: Portal): void {
  app.post<{ Body: AddDealBody }>(
    '/api/deals',
    {
      bodyLimit: ADD_DEAL_BODY_BYTES,
      schema: {
        tags: ['deals'],
        summary:
          "Add a deal to the book: its deal file, its cut-off loan tape (the CSV's text) and, " +
          'for a deal taken on after its closing, its state; validated first (every problem ' +
          'named by field and row, nothing stored), then stored with an audit entry',
        body: {
          type: 'object',
          properties: {
            deal: { type: 'object', description: 'The deal file (docs/formats.md)' },
            tape: { type: 'string', description: 'The loan tape CSV (docs/formats-tape.md)' },
            state: { type: 'object', description: 'The opening state file (docs/formats.md)' },
            reason: { type: 'string', maxLength: 500 },
          },
          required: ['deal', 'tape'],
          additionalProperties: false,
        },
        response: {
          201: objectResponse('The deal as the book holds it'),
          ...errorResponses(409, 422),
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const deal = loadDeal(body.deal, 'body.deal');
      const loans = await readLoanTape('body.tape', body.tape);
      const openingState = body.state ? parseStateFile(deal, body.state, 'body.state') : undefined;
      const added = await addBookDeal(store, {
        deal,
        dealSource: 'body.deal',
        loans,
        tapeSource: 'body.tape',
        ...(openingState ? { openingState } : {}),
        actor: request.caller?.user.name ?? 'unknown',
        at: new Date().toISOString(),
        address: request.ip,
        ...(body.reason ? { reason: body.reason } : {}),
      });
      await portal.resolve(added.dealId);
      const { openingState: _state, ...record } = added;
      return reply.code(201).send({ ...record, loans: loans.length });
    },
  );
}
