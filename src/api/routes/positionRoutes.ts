import type { FastifyInstance } from 'fastify';
import { TrusteeError } from '../../errors/catalogue.ts';
import { parseDollars, type Cents } from '../../money/cents.ts';
import { addPosition, removePosition } from '../../store/investorChanges.ts';
import type { Position } from '../../store/investors.ts';
import type { User } from '../../store/people.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { namedScenario, scenarioNames } from '../investors/namedScenarios.ts';
import { positionCashflows } from '../investors/positionCashflows.ts';
import { maySee } from '../investors/watchedDeals.ts';
import type { Portal } from '../service/portal.ts';
import type { Projections } from '../service/projections.ts';
import { arrayResponse, dealIdSchema, errorResponses, objectResponse } from '../schemas.ts';
import { callerOf, requestWho } from './requestWho.ts';

const positionParams = {
  type: 'object',
  properties: { positionId: { type: 'string', pattern: '^[0-9a-f]{12}$' } },
  required: ['positionId'],
  additionalProperties: false,
} as const;

interface NewPositionBody {
  dealId: string;
  class: string;
  originalFace: string | number;
  label?: string;
}

/** Dollars as a JSON number or text ("1,000,000.00") into cents, exactly; else INVALID_INPUT. */
function faceCents(value: string | number): Cents {
  try {
    return parseDollars(String(value));
  } catch {
    throw new TrusteeError('INVALID_INPUT', `originalFace: not a dollar amount: ${value}`, [
      {
        field: 'originalFace',
        message: 'not a dollar amount',
        expected: 'dollars with at most 2 decimals, e.g. 1000000 or "1,000,000.00"',
        got: value,
      },
    ]);
  }
}

function forbidden(user: User, dealId: string): TrusteeError {
  return new TrusteeError('FORBIDDEN', `${user.name} is not entitled to deal ${dealId}`, [
    { field: 'dealId', message: 'not a deal this investor is entitled to', got: dealId },
  ]);
}

/**
 * The caller's own live position; another's is "not found". Reading it needs the deal still
 * (403 once the entitlement is withdrawn); removing it does not.
 */
async function ownPosition(
  store: TrustStore,
  positionId: string,
  user: User,
  need: 'read' | 'remove',
): Promise<Position> {
  const position = await store.investors.position(positionId);
  if (!position || position.name !== user.name) {
    throw new TrusteeError('NOT_FOUND', `no position ${positionId}`, [
      { field: 'positionId', message: 'not a position of yours', got: positionId },
    ]);
  }
  if (need === 'read' && !maySee(user, position.dealId)) throw forbidden(user, position.dealId);
  return position;
}

/**
 * Positions: holdings of a class the caller enters (deal, class, original face), and each one's
 * cash flows received and projected (under a named scenario, by default the pricing speed).
 */
export function positionRoutes(
  app: FastifyInstance,
  portal: Portal,
  store: TrustStore,
  runs: Projections,
): void {
  app.get(
    '/api/positions',
    {
      schema: {
        tags: ['investors'],
        summary: "The caller's positions",
        response: { 200: arrayResponse('positionId, dealId, className, originalFace (cents)') },
      },
    },
    async (request) => {
      const user = callerOf(request);
      return (await store.investors.positions(user.name)).filter((p) => maySee(user, p.dealId));
    },
  );
  app.post<{ Body: NewPositionBody }>(
    '/api/positions',
    {
      schema: {
        tags: ['investors'],
        summary: 'Enter a holding of a class: deal, class and original face in dollars',
        body: {
          type: 'object',
          properties: {
            dealId: dealIdSchema,
            class: { type: 'string', minLength: 1, maxLength: 20 },
            originalFace: {
              anyOf: [{ type: 'string', maxLength: 30 }, { type: 'number' }],
              description: 'Dollars: 1000000 or "1,000,000.00"; stored in cents',
            },
            label: { type: 'string', maxLength: 100 },
          },
          required: ['dealId', 'class', 'originalFace'],
          additionalProperties: false,
        },
        response: { 201: objectResponse('the position'), ...errorResponses(403, 404, 422) },
      },
    },
    async (request, reply) => {
      const user = callerOf(request);
      const { dealId, label } = request.body;
      if (!maySee(user, dealId)) throw forbidden(user, dealId);
      const deal = await portal.resolve(dealId);
      const offered = deal.interestBearingClasses;
      const spec = offered.find((c) => c.name === request.body.class);
      if (!spec) {
        throw new TrusteeError(
          'UNKNOWN_CLASS',
          `${dealId} has no offered class ${request.body.class}`,
          [
            {
              field: 'class',
              message: 'not an offered class of the deal',
              expected: `one of ${offered.map((c) => c.name).join(', ')}`,
              got: request.body.class,
            },
          ],
        );
      }
      const originalFace = faceCents(request.body.originalFace);
      if (originalFace > spec.originalBalance) {
        throw new TrusteeError('INVALID_INPUT', 'originalFace: more than the class', [
          {
            field: 'originalFace',
            message: 'larger than the class',
            expected: `at most the class's original balance, ${spec.originalBalance / 100}`,
            got: request.body.originalFace,
          },
        ]);
      }
      const position = await addPosition(
        store,
        {
          name: user.name,
          dealId,
          className: spec.name,
          originalFace,
          ...(label ? { label } : {}),
        },
        requestWho(request),
      );
      return reply.code(201).send(position);
    },
  );
  app.get<{ Params: { positionId: string }; Querystring: { scenario: string } }>(
    '/api/positions/:positionId',
    {
      schema: {
        tags: ['investors'],
        summary:
          "A position's cash flows received on each published date and projected, and its remaining balance",
        params: positionParams,
        querystring: {
          type: 'object',
          properties: { scenario: { type: 'string', enum: scenarioNames, default: 'pricing' } },
          additionalProperties: false,
        },
        response: {
          200: objectResponse('position, class, rounding, received, remainingBalance, projected'),
          ...errorResponses(403, 404, 422),
        },
      },
    },
    async (request) => {
      const position = await ownPosition(
        store,
        request.params.positionId,
        callerOf(request),
        'read',
      );
      const deal = await portal.resolve(position.dealId);
      const scenario = namedScenario(request.query.scenario);
      const projection = await runs.project(deal, scenario, false, () => undefined);
      return positionCashflows(
        deal,
        position,
        await portal.distributions(deal.id),
        projection,
        scenario.name ?? request.query.scenario,
      );
    },
  );
  app.delete<{ Params: { positionId: string } }>(
    '/api/positions/:positionId',
    {
      schema: {
        tags: ['investors'],
        summary: 'Remove a position',
        params: positionParams,
        response: { 200: objectResponse('the position'), ...errorResponses(404) },
      },
    },
    async (request) => {
      await ownPosition(store, request.params.positionId, callerOf(request), 'remove');
      return removePosition(store, request.params.positionId, requestWho(request));
    },
  );
}
