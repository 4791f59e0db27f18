import {
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { ProjectionPage } from '../../../api/service/projectionTypes.ts';
import { useApi } from '../api.ts';
import { CancelJob } from '../components/CancelJob.tsx';
import { Problem } from '../components/Problem.tsx';
import { ProjectionView } from '../components/ProjectionView.tsx';
import { ScenarioGrid } from '../components/ScenarioGrid.tsx';
import { jobActive, progressPercent, queuedLabel } from '../jobStatus.ts';
import { useJob } from '../useJob.ts';

/** A percentage of the scenario (0-100). */
function PercentInput(props: {
  label: string;
  value: number | string;
  onChange: (value: number | string) => void;
  name: string;
}) {
  return <NumberInput {...props} min={0} max={100} />;
}

/** A scenario: CPR / CDR / severity in, class cash flows, WAL, yield and breakevens out. */
export function ScenarioPage({ dealId }: { dealId: string }) {
  const [cpr, setCpr] = useState<number | string>(25);
  const [cdr, setCdr] = useState<number | string>(2);
  const [severity, setSeverity] = useState<number | string>(40);
  const [lag, setLag] = useState<number | string>(6);
  const [price, setPrice] = useState<number | string>(100);
  const [call, setCall] = useState(true);
  const [liquidateForeclosures, setLiquidateForeclosures] = useState(true);
  const [roll, setRoll] = useState<number | string>(0);
  const { job, problem, start, cancel } = useJob();
  // The months a page: every month of any projection (the API's limit is 480 or so).
  const stored = job?.status === 'done' ? job.result : null;
  const result = useApi<ProjectionPage>(stored ? `${stored.href}?limit=1000` : null);
  const run = () =>
    start(`/api/deals/${dealId}/projections`, {
      scenario: {
        name: `CPR ${cpr} / CDR ${cdr} / severity ${severity}`,
        prepayment: { cpr: Number(cpr) },
        default: { cdr: Number(cdr) },
        severity: Number(severity),
        recoveryLag: Number(lag),
        foreclosures: liquidateForeclosures ? 'liquidate' : 'perform',
        rollToDefault: Number(roll),
        cleanUpCall: call,
        price: Number(price),
      },
      breakevens: true,
    });
  return (
    <Stack>
      <Title order={2}>Scenario</Title>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, md: 6 }}>
          <PercentInput label="CPR %" value={cpr} onChange={setCpr} name="cpr" />
          <PercentInput label="CDR %" value={cdr} onChange={setCdr} name="cdr" />
          <PercentInput
            label="Severity %"
            value={severity}
            onChange={setSeverity}
            name="severity"
          />
          <NumberInput
            label="Recovery lag (months)"
            value={lag}
            onChange={setLag}
            min={0}
            max={120}
            name="lag"
          />
          <PercentInput
            label="60+ late defaulting %"
            value={roll}
            onChange={setRoll}
            name="rollToDefault"
          />
          <NumberInput
            label="Price (% of par)"
            value={price}
            onChange={setPrice}
            min={1}
            max={200}
            decimalScale={4}
            name="price"
          />
        </SimpleGrid>
        <Group mt="md">
          <Checkbox
            label="Clean-up call"
            checked={call}
            onChange={(e) => setCall(e.currentTarget.checked)}
          />
          <Checkbox
            label="Liquidate loans in foreclosure or REO (after the lag)"
            checked={liquidateForeclosures}
            onChange={(e) => setLiquidateForeclosures(e.currentTarget.checked)}
          />
        </Group>
        <Group mt="md">
          <Button onClick={run} loading={jobActive(job)} data-testid="run-scenario">
            Run projection
          </Button>
          <CancelJob job={job} onCancel={cancel} testId="cancel-scenario" />
          {job?.status === 'cancelled' && (
            <Text size="sm" c="dimmed" data-testid="scenario-cancelled">
              Cancelled
            </Text>
          )}
          {job?.status === 'queued' && (
            <Text size="sm" c="dimmed" data-testid="scenario-queued">
              {queuedLabel(job.position)}
            </Text>
          )}
          {job?.status === 'running' && (
            <Text size="sm" c="dimmed">
              {job.progress.done} / {job.progress.total}
            </Text>
          )}
        </Group>
        {job?.status === 'running' && <Progress mt="sm" value={progressPercent(job)} animated />}
      </Card>
      {problem && <Problem problem={problem} />}
      {result.error && <Problem problem={result.error} />}
      {job && result.data && (
        <ProjectionView jobId={job.id} result={{ ...result.data, periods: result.data.rows }} />
      )}
      <ScenarioGrid dealId={dealId} severity={Number(severity)} lag={Number(lag)} />
    </Stack>
  );
}
