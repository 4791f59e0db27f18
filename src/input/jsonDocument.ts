import { readFileSync } from 'node:fs';
import { parse, type AnyNode, type ValueNode } from '@humanwhocodes/momoa';
import { TrusteeError, type ErrorCode, type ErrorDetail } from '../errors/catalogue.ts';
import { fieldName } from './schemaIssues.ts';

/** Which error an unreadable document raises, and how its messages name it. */
export interface JsonDocumentKind {
  /** INVALID_DEAL for a deal file, INVALID_SCENARIO for a scenario, else INVALID_INPUT. */
  readonly code: ErrorCode;
  /** "deal file", "collection-period totals file", "state file", "scenario"... */
  readonly what: string;
}

/**
 * Keys that would reach an object's prototype when a document is turned into objects: refused
 * as input rather than trusted to every consumer to handle.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses a JSON document strictly. JSON.parse keeps the last of two equal keys without a word
 * (a deal with "M-3" twice runs on the second); this parser (momoa, which keeps every member)
 * refuses every duplicate and every reserved key, each named by its path and line, all at once.
 */
export function parseJsonDocument(text: string, file: string, kind: JsonDocumentKind): unknown {
  let root: ValueNode;
  try {
    root = parse(text.replace(/^\uFEFF/, '')).body;
  } catch (error) {
    const message = (error as Error).message;
    const at = /\((\d+):(\d+)\)/.exec(message);
    throw new TrusteeError(kind.code, `${file}: the ${kind.what} is not valid JSON`, [
      {
        file,
        ...(at ? { line: Number(at[1]) } : {}),
        message,
        expected: `a JSON ${kind.what}`,
      },
    ]);
  }
  const problems: ErrorDetail[] = [];
  const value = evaluate(root, [], file, problems);
  if (problems.length > 0) {
    throw new TrusteeError(kind.code, `${file}: the ${kind.what} is not valid`, problems);
  }
  return value;
}

/** Reads a file and parses it with `parseJsonDocument`; a file that cannot be read names it. */
export function readJsonDocument(path: string, kind: JsonDocumentKind): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new TrusteeError(
      missing ? 'NOT_FOUND' : kind.code,
      `${path}: cannot read the ${kind.what}`,
      [{ file: path, message: (error as Error).message, expected: `a readable ${kind.what}` }],
    );
  }
  return parseJsonDocument(text, path, kind);
}

/** The node's value as plain data, noting duplicate and reserved keys on the way. */
function evaluate(
  node: AnyNode,
  path: PropertyKey[],
  file: string,
  problems: ErrorDetail[],
): unknown {
  switch (node.type) {
    case 'Object': {
      const result: Record<string, unknown> = {};
      const firstLine = new Map<string, number>();
      for (const member of node.members) {
        const key = member.name.type === 'String' ? member.name.value : member.name.name;
        const line = member.name.loc.start.line;
        const field = fieldName([...path, key]);
        if (RESERVED_KEYS.has(key)) {
          problems.push({ file, line, field, message: `the key "${key}" is not allowed` });
          continue;
        }
        const earlier = firstLine.get(key);
        if (earlier !== undefined) {
          problems.push({
            file,
            line,
            field,
            message: `duplicate key "${key}" (first on line ${earlier})`,
            expected: 'each key once in an object',
          });
          continue;
        }
        firstLine.set(key, line);
        result[key] = evaluate(member.value, [...path, key], file, problems);
      }
      return result;
    }
    case 'Array':
      return node.elements.map((element, i) =>
        evaluate(element.value, [...path, i], file, problems),
      );
    case 'String':
    case 'Number':
    case 'Boolean':
      return node.value;
    case 'Null':
      return null;
    default:
      // Only JSON5 has identifiers, NaN and Infinity; parse() runs in JSON mode.
      throw new Error(`unexpected ${node.type} node in a JSON document`);
  }
}
