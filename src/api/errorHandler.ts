import type { FastifyError, FastifyInstance } from 'fastify';
import { TrusteeError, type ErrorDetail } from '../errors/catalogue.ts';

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
}

/** An Ajv (fastify schema) failure as our details: the field, what was expected, what came. */
function validationDetails(error: FastifyError): ErrorDetail[] {
  const context = error.validationContext ?? 'request';
  const list = (error.validation ?? []) as AjvError[];
  return list.map((item) => {
    const path = (item.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const missing = item.params?.missingProperty;
    const extra = item.params?.additionalProperty;
    const field = [context, path, missing ?? extra].filter((part) => part).join('.');
    const allowed = item.params?.allowedValues as unknown[] | undefined;
    return {
      field,
      message: item.message ?? 'invalid',
      expected: allowed ? `one of ${allowed.join(', ')}` : (item.keyword ?? 'a valid value'),
    };
  });
}

/**
 * Every error leaves the API as JSON `{ code, message, details }`: a TrusteeError with its
 * catalogue status, a schema failure as 422 INVALID_INPUT naming the field, an unknown route as
 * 404 NOT_FOUND, a malformed body as 400. Only a fault of ours is a 500.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | TrusteeError | Error, request, reply) => {
    if (error instanceof TrusteeError) {
      return reply.status(error.status).send(error.toJSON() satisfies ErrorBody);
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const body: ErrorBody = {
        code: 'INVALID_INPUT',
        message: `the request ${fastifyError.validationContext ?? 'input'} does not match its schema`,
        details: validationDetails(fastifyError),
      };
      return reply.status(422).send(body);
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Malformed JSON, unsupported media type, body too large: fastify's own 4xx.
      const body: ErrorBody = {
        code: 'INVALID_INPUT',
        message: error.message,
        details: [{ message: error.message, expected: 'a well-formed request' }],
      };
      return reply.status(status).send(body);
    }
    request.log.error(error);
    const body: ErrorBody = { code: 'INTERNAL', message: 'internal error', details: [] };
    return reply.status(500).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      code: 'NOT_FOUND',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
      details: [{ field: 'url', message: 'no such route', expected: 'a route listed at /docs' }],
    };
    return reply.status(404).send(body);
  });
}
