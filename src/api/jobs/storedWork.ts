import type { Deal } from '../../deal/deal.ts';
import type { Scenario } from '../../projection/scenarioSchema.ts';
import type { Projections } from '../service/projections.ts';
import type { Work } from './jobRegistry.ts';
import type { ResultFiles, ResultWriter, StoredResult } from './resultFiles.ts';

/**
 * Runs `fill` into a new result file of the job and keeps the file when it succeeds; a failure
 * or a cancel removes it. The job keeps only where to read the result and its row count.
 */
async function intoFile(
  files: ResultFiles,
  id: string,
  fill: (writer: ResultWriter) => Promise<Record<string, unknown>>,
): Promise<StoredResult> {
  const writer = await files.create(id);
  try {
    const head = await fill(writer);
    return { href: `/api/jobs/${id}/result`, count: await writer.close(head) };
  } catch (error) {
    await writer.discard();
    throw error;
  }
}

/** A projection as a job's work: the months are the rows of its result file. */
export function projectionWork(
  runs: Projections,
  files: ResultFiles,
  deal: Deal,
  scenario: Scenario,
  breakevens: boolean,
): Work<StoredResult> {
  return ({ id, report, signal }) =>
    intoFile(files, id, async (writer) => {
      const { periods, ...head } = await runs.project(deal, scenario, breakevens, report, signal);
      await writer.rows(periods);
      return head;
    });
}

/** A grid as a job's work: each chunk of scenarios' rows is written as it comes back. */
export function gridWork(
  runs: Projections,
  files: ResultFiles,
  deal: Deal,
  scenarios: Scenario[],
): Work<StoredResult> {
  return ({ id, report, signal }) =>
    intoFile(files, id, async (writer) => ({
      ...(await runs.grid(deal, scenarios, report, (rows) => writer.rows(rows), signal)),
    }));
}
