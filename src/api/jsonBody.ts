import type { FastifyInstance } from 'fastify';
import { TrusteeError } from '../errors/catalogue.ts';
import { parseJsonDocument } from '../input/jsonDocument.ts';

/**
 * JSON request bodies are read by the same strict reader as every input file: a key given twice
 * (which fastify's parser, like JSON.parse, would settle by keeping the last) and the reserved
 * keys are 422 INVALID_INPUT naming the field (`body.scenario.severity`) and its line; a body
 * that is not JSON at all (or is empty) is 400 MALFORMED_REQUEST.
 */
export function registerJsonBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') {
      done(malformed('the body is empty'));
      return;
    }
    try {
      done(null, parseJsonDocument(text, 'body', { code: 'INVALID_INPUT', what: 'request body' }));
    } catch (error) {
      if (!(error instanceof TrusteeError)) {
        done(error as Error);
        return;
      }
      const notJson = error.message.includes('not valid JSON');
      const details = error.details.map(({ file: _file, ...detail }) => ({
        ...detail,
        field: detail.field === undefined ? 'body' : `body.${detail.field}`,
      }));
      done(
        notJson
          ? new TrusteeError('MALFORMED_REQUEST', 'the body is not valid JSON', details)
          : new TrusteeError('INVALID_INPUT', 'the request body is not valid', details),
      );
    }
  });
}

function malformed(message: string): TrusteeError {
  return new TrusteeError('MALFORMED_REQUEST', message, [
    { field: 'body', message, expected: 'a JSON body' },
  ]);
}
