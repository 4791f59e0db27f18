/**
 * JSON schemas shared by the routes: fastify validates requests with them and @fastify/swagger
 * publishes them in the OpenAPI description. Money in responses is integer cents; rates and
 * percentages are decimals (0.0222 = 2.22%).
 */

export const dealIdSchema = {
  type: 'string',
  pattern: '^[a-z0-9][a-z0-9-]{0,63}$',
  description: 'A deal id, e.g. nchet-2002-1 (GET /api/deals lists them)',
  examples: ['nchet-2002-1'],
} as const;

export const dateSchema = {
  type: 'string',
  format: 'date',
  description: 'A distribution date, YYYY-MM-DD',
  examples: ['2002-04-25'],
} as const;

export const dealParams = {
  type: 'object',
  properties: { dealId: dealIdSchema },
  required: ['dealId'],
  additionalProperties: false,
} as const;

export const dealDateParams = {
  type: 'object',
  properties: { dealId: dealIdSchema, date: dateSchema },
  required: ['dealId', 'date'],
  additionalProperties: false,
} as const;

/** The query string of a route that takes none: any parameter is refused, never ignored. */
export const noQuery = {
  type: 'object',
  properties: {},
  additionalProperties: false,
} as const;

export const errorSchema = {
  type: 'object',
  description: 'Every error: a stable code (docs/errors.md), a message and the details',
  properties: {
    code: { type: 'string', examples: ['UNKNOWN_DEAL'] },
    message: { type: 'string' },
    details: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          file: { type: 'string' },
          row: { type: 'integer' },
          field: { type: 'string' },
          message: { type: 'string' },
          expected: { type: 'string' },
          got: {},
        },
        additionalProperties: true,
      },
    },
  },
  required: ['code', 'message', 'details'],
} as const;

/** The error answers a route can give, for the OpenAPI description. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorSchema> {
  return Object.fromEntries(statuses.map((status) => [status, errorSchema]));
}

/** A JSON object response described in words; fields pass through as the service made them. */
export function objectResponse(description: string): Record<string, unknown> {
  return { description, type: 'object', additionalProperties: true };
}

export function arrayResponse(description: string): Record<string, unknown> {
  return {
    description,
    type: 'array',
    items: { type: 'object', additionalProperties: true },
  };
}

/** A file download: its media types, for the OpenAPI description (not validated). */
export function fileResponse(description: string, mediaTypes: string[]): Record<string, unknown> {
  return {
    description,
    content: Object.fromEntries(
      mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  };
}
