import type { ApiProblem } from '../api.ts';
import { Problem } from './Problem.tsx';

/** The refusal of the last action on a page, if any. */
export function ActionError({ problem }: { problem: ApiProblem | undefined }) {
  return problem ? <Problem problem={problem} /> : null;
}
