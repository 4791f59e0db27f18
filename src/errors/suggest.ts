import { distance } from 'fastest-levenshtein';

/**
 * The known name nearest to a misspelt one ("prepaymentCharge" -> "prepaymentCharges"), for the
 * "did you mean" of an unknown key or column; undefined when nothing is close enough to help.
 * Close enough: at most a third of the name's letters differ (at least 1, at most 4), or the
 * names differ only in case and separators ("Loan_ID" -> "loanId").
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const folded = fold(name);
  const sameFolded = known.find((candidate) => fold(candidate) === folded);
  if (sameFolded !== undefined) return sameFolded;
  const allowed = Math.min(4, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of known) {
    const d = distance(folded, fold(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** "did you mean \"x\"?" or nothing: the tail of an unknown-name message. */
export function didYouMean(name: string, known: readonly string[]): string {
  const nearest = nearestName(name, known);
  return nearest === undefined ? '' : ` (did you mean "${nearest}"?)`;
}

function fold(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}
