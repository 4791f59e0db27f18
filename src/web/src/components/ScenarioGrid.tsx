import { Button, Card, Group, Progress, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { GridResult } from '../../../api/service/projectionTypes.ts';
import { pct } from '../format.ts';
import { jobActive, progressPercent, queuedLabel } from '../jobStatus.ts';
import { useJob } from '../useJob.ts';
import { Problem } from './Problem.tsx';

const numbers = (text: string): number[] =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);

/** A scenario grid (every CPR x every CDR) run as a job with progress; WAL and yield per class. */
export function ScenarioGrid(props: { dealId: string; severity: number; lag: number }) {
  const [cprs, setCprs] = useState('15, 25, 35');
  const [cdrs, setCdrs] = useState('0, 5, 10');
  const { job, problem, start } = useJob<GridResult>();
  const run = () =>
    start(`/api/deals/${props.dealId}/scenario-grids`, {
      grid: {
        base: { severity: props.severity, recoveryLag: props.lag, cleanUpCall: true },
        vary: { 'prepayment.cpr': numbers(cprs), 'default.cdr': numbers(cdrs) },
      },
    });
  const classes = job?.result?.rows[0]?.classes.map((c) => c.name) ?? [];
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
      </Group>
      {job?.status === 'queued' && (
        <Text size="sm" c="dimmed" mt="sm" data-testid="grid-queued">
          {queuedLabel(job.position)}
        </Text>
      )}
      {job?.status === 'running' && (
        <>
          <Progress mt="sm" value={progressPercent(job)} />
          <Text size="sm" c="dimmed">
            {job.progress.done} of {job.progress.total} scenarios
          </Text>
        </>
      )}
      {problem && <Problem problem={problem} />}
      {job?.status === 'done' && job.result && (
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
            {job.result.rows.map((row) => (
              <Table.Tr key={row.index}>
                <Table.Td>{row.name}</Table.Td>
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
      )}
    </Card>
  );
}
