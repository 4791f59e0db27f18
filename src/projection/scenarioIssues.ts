import type { z } from 'zod';
import type { ErrorDetail } from '../errors/catalogue.ts';

type Issue = z.core.$ZodIssue;

/** True when a branch of a union failed on the value's shape itself (the wrong branch). */
function failsAtRoot(issues: readonly Issue[]): boolean {
  return issues.some(
    (i) => i.path.length === 0 && (i.code === 'unrecognized_keys' || i.code === 'invalid_type'),
  );
}

/**
 * Zod issues as error details naming the field ("fixed.prepayment.cpr"). A union (e.g. the
 * prepayment forms) reports the problem inside the branch the value was meant for; when no
 * branch fits, it says which forms are expected.
 */
export function scenarioIssues(
  issues: readonly Issue[],
  file: string,
  prefix: readonly PropertyKey[] = [],
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
      const branches = issue.errors.filter((branch) => !failsAtRoot(branch));
      if (branches.length > 0) {
        const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
        details.push(...scenarioIssues(best, file, path));
        continue;
      }
    }
    const detail: ErrorDetail = { file, field: fieldName(path), message: issue.message };
    if (issue.code === 'unrecognized_keys') {
      detail.field = fieldName([...path, issue.keys[0] ?? '']);
      detail.message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    }
    details.push(detail);
  }
  return details;
}

/** ["scenarios", 3, "prepayment", "cpr"] -> "scenarios[3].prepayment.cpr". */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const part of path) {
    if (typeof part === 'number') name += `[${part}]`;
    else name += name === '' ? String(part) : `.${String(part)}`;
  }
  return name === '' ? '(root)' : name;
}
