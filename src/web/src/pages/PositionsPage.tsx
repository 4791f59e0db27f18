import {
  Button,
  ScrollArea,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { PositionCashflows, CashflowRow } from '../../../api/investors/positionCashflows.ts';
import type { ClassRow } from '../../../api/service/dealOverview.ts';
import type { Position } from '../../../store/investors.ts';
import { deleteJson, postJson, useApi, type ApiProblem, useReloadable } from '../api.ts';
import { ActionError } from '../components/ActionError.tsx';
import { Loading } from '../components/Loading.tsx';
import { money } from '../format.ts';
import { holds, useRole } from '../useRole.ts';

const SCENARIOS = [
  { value: 'pricing', label: 'Pricing speed (100% PPC)' },
  { value: 'slow', label: '50% PPC' },
  { value: 'fast', label: '150% PPC' },
  { value: 'stress', label: '100% PPC, 6% CDR, 45% severity' },
];

/** Positions: enter a holding of a class; its cash flows received and projected. */
export function PositionsPage({ dealId }: { dealId: string }) {
  const canChange = holds(useRole());
  const positions = useReloadable<Position[]>('/api/positions');
  const classes = useApi<ClassRow[]>(`/api/deals/${dealId}/classes`);
  const [className, setClassName] = useState<string | null>(null);
  const [face, setFace] = useState('');
  const [problem, setProblem] = useState<ApiProblem>();
  const [selected, setSelected] = useState<string>();
  const offered = (classes.data ?? []).filter((c) => c.kind === 'floating' || c.kind === 'fixed');
  const add = () => {
    setProblem(undefined);
    postJson<Position>('/api/positions', { dealId, class: className, originalFace: face }).then(
      (p) => {
        setFace('');
        setSelected(p.positionId);
        positions.reload();
      },
      setProblem,
    );
  };
  return (
    <Stack>
      <Title order={2}>Positions</Title>
      <ActionError problem={problem} />
      {canChange && (
        <Card withBorder>
          <Group align="flex-end">
            <Select
              label={`Class of ${dealId}`}
              data={offered.map((c) => c.name)}
              value={className}
              onChange={setClassName}
            />
            <TextInput
              label="Original face ($)"
              placeholder="1,000,000.00"
              value={face}
              onChange={(e) => setFace(e.currentTarget.value)}
            />
            <Button onClick={add} disabled={!className || !face.trim()}>
              Add position
            </Button>
          </Group>
        </Card>
      )}
      <Loading state={positions}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">No positions yet.</Text>
          ) : (
            <Table data-testid="positions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Deal</Table.Th>
                  <Table.Th>Class</Table.Th>
                  <Table.Th>Original face</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((p) => (
                  <Table.Tr key={p.positionId}>
                    <Table.Td>{p.dealId}</Table.Td>
                    <Table.Td>{p.className}</Table.Td>
                    <Table.Td>{money(p.originalFace)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <Button size="xs" variant="light" onClick={() => setSelected(p.positionId)}>
                          Cash flows
                        </Button>
                        {canChange && (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() =>
                              deleteJson(`/api/positions/${p.positionId}`).then(() => {
                                if (selected === p.positionId) setSelected(undefined);
                                positions.reload();
                              }, setProblem)
                            }
                          >
                            Remove
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </Loading>
      {selected && <Cashflows positionId={selected} />}
    </Stack>
  );
}

function Cashflows({ positionId }: { positionId: string }) {
  const [scenario, setScenario] = useState('pricing');
  const view = useApi<PositionCashflows>(`/api/positions/${positionId}?scenario=${scenario}`);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={4}>Cash flows</Title>
        <Select
          aria-label="Scenario"
          data={SCENARIOS}
          value={scenario}
          onChange={(v) => v && setScenario(v)}
          allowDeselect={false}
        />
      </Group>
      <Loading state={view}>
        {(v) => (
          <Stack>
            <Text data-testid="remaining-balance">
              {v.position.className} of {v.position.dealId}: remaining balance{' '}
              {money(v.remainingBalance)} of {money(v.position.originalFace)}
            </Text>
            <Text size="xs" c="dimmed">
              Rounding: {v.rounding}.
            </Text>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Flows
                title={`Received (${money(v.received.interest)} interest, ${money(v.received.principal)} principal)`}
                rows={v.received.rows}
                testId="received"
              />
              <Flows
                title={`Projected from ${v.projected.asOf}, ${v.projected.scenario}`}
                rows={v.projected.rows}
                testId="projected"
              />
            </SimpleGrid>
          </Stack>
        )}
      </Loading>
    </Card>
  );
}

function Flows(props: { title: string; rows: readonly CashflowRow[]; testId: string }) {
  return (
    <div>
      <Text fw={600} size="sm">
        {props.title}
      </Text>
      {/* A projection runs to the last payment, hundreds of months: the table scrolls. */}
      <ScrollArea.Autosize mah={420}>
        <Table striped stickyHeader data-testid={props.testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Interest</Table.Th>
              <Table.Th>Principal</Table.Th>
              <Table.Th>Balance</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((r) => (
              <Table.Tr key={r.date}>
                <Table.Td>{r.date}</Table.Td>
                <Table.Td>{money(r.interest)}</Table.Td>
                <Table.Td>{money(r.principal)}</Table.Td>
                <Table.Td>{money(r.balance)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </div>
  );
}
