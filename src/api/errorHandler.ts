import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TrusteeError, type ErrorCode, type ErrorDetail } from '../errors/catalogue.ts';
import { didYouMean } from '../errors/suggest.ts';
import type { JobLimits } from './jobs/jobLimits.ts';

/** The JSON body of every error the API answers: `{ code, message, details }`. */
export interface ErrorBody {
  code: string;
  message: string;
  details: readonly ErrorDetail[];
}

interface AjvError {
  instancePath?: string;
  schemaPath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  message?: string;
  /** With Ajv's `verbose` (app.ts): the schema object the failing keyword belongs to. */
  parentSchema?: { properties?: Record<string, unknown> };
}

/** What an unknown key was expected to be: a known field, the nearest one suggested. */
function knownField(extra: string, item: AjvError): string {
  const known = Object.keys(item.parentSchema?.properties ?? {});
  if (known.length === 0) return 'no other field';
  return `a known field${didYouMean(extra, known)}: one of ${known.join(', ')}`;
}

/** An Ajv (fastify schema) failure as our details: the field, what was expected, what came. */
function validationDetails(error: FastifyError): ErrorDetail[] {
  const context = error.validationContext ?? 'request';
  // Unknown keys first: a misspelt key is also a missing one, and its "did you mean" says both.
  const list = [...((error.validation ?? []) as AjvError[])].sort(
    (a, b) =>
      Number(b.keyword === 'additionalProperties') - Number(a.keyword === 'additionalProperties'),
  );
  return list.map((item) => {
    const path = (item.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const missing = item.params?.missingProperty as string | undefined;
    const extra = item.params?.additionalProperty as string | undefined;
    const field = [context, path, missing ?? extra].filter((part) => part).join('.');
    if (extra !== undefined) {
      return { field, message: 'unknown field', expected: knownField(extra, item) };
    }
    const allowed = item.params?.allowedValues as unknown[] | undefined;
    return {
      field,
      message: item.message ?? 'invalid',
      expected: allowed ? `one of ${allowed.join(', ')}` : (item.keyword ?? 'a valid value'),
    };
  });
}

/**
 * Fastify's own refusals (before a route runs) as catalogue errors: a body over the limit,
 * a forbidden path (the static files), one that cannot be read (not JSON, a media type the API
 * does not take, a bad URL or Content-Length). The status is the code's, from the catalogue.
 */
function fastifyRefusal(error: FastifyError, limits: JobLimits, bodyLimit?: number): TrusteeError {
  const status = error.statusCode ?? 400;
  const detail = (code: ErrorCode, field: string, expected: string) =>
    new TrusteeError(code, error.message, [{ field, message: error.message, expected }]);
  if (status === 413) {
    return detail(
      'LIMIT_EXCEEDED',
      'body',
      // A route may take more than the others (POST /api/deals: a deal with its loan tape).
      bodyLimit !== undefined && bodyLimit !== limits.maxBodyBytes
        ? `a body of at most ${bodyLimit} bytes (this route's limit)`
        : `a body of at most ${limits.maxBodyBytes} bytes (maxBodyBytes)`,
    );
  }
  if (status === 403) return detail('FORBIDDEN', 'url', 'a path of the portal');
  if (status === 404) return detail('NOT_FOUND', 'url', 'a route listed at /docs');
  if (error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return detail('MALFORMED_REQUEST', 'url', 'a well-formed URL (percent-encoding, lengths)');
  }
  if (status === 415) {
    return detail('MALFORMED_REQUEST', 'content-type', 'application/json (or no body)');
  }
  return detail('MALFORMED_REQUEST', 'body', 'a well-formed request (JSON where a body is taken)');
}

/**
 * Every error leaves the API as JSON `{ code, message, details }` with the status of its code
 * in the catalogue: a TrusteeError as it is, a schema failure as 422 INVALID_INPUT naming the
 * field, fastify's own 4xx mapped (fastifyRefusal). Only a fault of ours is a 500 INTERNAL.
 * Also fastify's `frameworkErrors` (a URL it cannot decode), which it answers before routing.
 */
export function sendError(
  error: FastifyError | TrusteeError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
  limits: JobLimits,
): FastifyReply {
  if (error instanceof TrusteeError) {
    return reply.status(error.status).send(error.toJSON() satisfies ErrorBody);
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const refusal = new TrusteeError(
      'INVALID_INPUT',
      `the request ${fastifyError.validationContext ?? 'input'} does not match its schema`,
      validationDetails(fastifyError),
    );
    return reply.status(refusal.status).send(refusal.toJSON() satisfies ErrorBody);
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const refusal = fastifyRefusal(fastifyError, limits, request.routeOptions?.bodyLimit);
    return reply.status(refusal.status).send(refusal.toJSON() satisfies ErrorBody);
  }
  request.log.error(error);
  const internal = new TrusteeError('INTERNAL', 'internal error');
  return reply.status(internal.status).send(internal.toJSON() satisfies ErrorBody);
}

/** sendError for every route's error, and 404 NOT_FOUND naming an unknown route. */
export function registerErrorHandling(app: FastifyInstance, limits: JobLimits): void {
  app.setErrorHandler((error: FastifyError | TrusteeError | Error, request, reply) =>
    sendError(error, request, reply, limits),
  );
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      code: 'NOT_FOUND',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
      details: [{ field: 'url', message: 'no such route', expected: 'a route listed at /docs' }],
    };
    return reply.status(404).send(body);
  });
}
