import {
  Button,
  Card,
  Group,
  Pagination,
  Progress,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type { GridPage } from '../../../api/service/projectionTypes.ts';
import { useApi } from '../api.ts';
import { pct } from '../format.ts';
import { jobActive, progressPercent, queuedLabel } from '../jobStatus.ts';
import { useJob } from '../useJob.ts';
import { CancelJob } from './CancelJob.tsx';
import { Problem } from './Problem.tsx';

/** Scenarios a page of the grid's table (the result is read a page at a time). */
const PAGE = 25;

const numbers = (text: string): number[] =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);

/** A scenario grid (every CPR x every CDR) run as a job with progress; WAL and yield per class. */
export function ScenarioGrid(props: { dealId: string; severity: number; lag: number }) {
  const [cprs, setCprs] = useState('15, 25, 35');
  const [cdrs, setCdrs] = useState('0, 5, 10');
  const [page, setPage] = useState(1);
  const { job, problem, start, cancel } = useJob();
  const stored = job?.status === 'done' ? job.result : null;
  useEffect(() => setPage(1), [stored?.href]);
  const rows = useApi<GridPage>(
    stored ? `${stored.href}?offset=${(page - 1) * PAGE}&limit=${PAGE}` : null,
  );
  const run = () =>
    start(`/api/deals/${props.dealId}/scenario-grids`, {
      grid: {
        base: { severity: props.severity, recoveryLag: props.lag, cleanUpCall: true },
        vary: { 'prepayment.cpr': numbers(cprs), 'default.cdr': numbers(cdrs) },
      },
    });
  // The class columns from a row that ran (a failed scenario's row has none).
  const classes = rows.data?.rows.find((r) => !r.error)?.classes.map((c) => c.name) ?? [];
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        Scenario grid
      </Title>
      <Group align="end">
        <TextInput
          label="CPR values %"
          value={cprs}
          onChange={(e) => setCprs(e.currentTarget.value)}
        />
        <TextInput
          label="CDR values %"
          value={cdrs}
          onChange={(e) => setCdrs(e.currentTarget.value)}
        />
        <Button onClick={run} loading={jobActive(job)} data-testid="run-grid">
          Run grid
        </Button>
        <CancelJob job={job} onCancel={cancel} testId="cancel-grid" />
      </Group>
      {job?.status === 'queued' && (
        <Text size="sm" c="dimmed" mt="sm" data-testid="grid-queued">
          {queuedLabel(job.position)}
        </Text>
      )}
      {job?.status === 'running' && (
        <>
          <Progress mt="sm" value={progressPercent(job)} />
          <Text size="sm" c="dimmed" data-testid="grid-progress">
            {job.progress.done} of {job.progress.total} scenarios
          </Text>
        </>
      )}
      {job?.status === 'cancelled' && (
        <Text size="sm" c="dimmed" mt="sm" data-testid="grid-cancelled">
          Cancelled after {job.progress.done} of {job.progress.total} scenarios
        </Text>
      )}
      {problem && <Problem problem={problem} />}
      {rows.error && <Problem problem={rows.error} />}
      {rows.data && (
        <>
          <Table striped mt="sm" fz="sm" data-testid="grid-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Scenario</Table.Th>
                {classes.map((c) => (
                  <Table.Th key={c} ta="right">
                    {c} WAL / yield
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.data.rows.map((row) => (
                <Table.Tr key={row.index}>
                  <Table.Td>{row.name}</Table.Td>
                  {row.error && (
                    <Table.Td colSpan={classes.length} c="red" data-testid="grid-row-error">
                      {row.error.code}: {row.error.message}
                    </Table.Td>
                  )}
                  {row.classes.map((c) => (
                    <Table.Td key={c.name} ta="right">
                      {c.wal === null ? '–' : c.wal.toFixed(2)} /{' '}
                      {c.yield === null ? '–' : pct(c.yield, 2)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {rows.data.total > PAGE && (
            <Pagination
              mt="sm"
              total={Math.ceil(rows.data.total / PAGE)}
              value={page}
              onChange={setPage}
              data-testid="grid-pages"
            />
          )}
        </>
      )}
    </Card>
  );
}
