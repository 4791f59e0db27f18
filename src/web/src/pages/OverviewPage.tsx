import {
  Badge,
  Button,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { DealOverview } from '../../../api/service/dealOverview.ts';
import { useApi } from '../api.ts';
import { Loading } from '../components/Loading.tsx';
import { dollars, factor, money, pct } from '../format.ts';

const PARTY_LABELS: Record<string, string> = {
  depositor: 'Depositor',
  masterServicer: 'Master servicer',
  trustee: 'Trustee',
  trustAdministrator: 'Trust administrator',
  underwriter: 'Underwriter',
};

function Figure(props: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text fw={600} data-testid={props.testId}>
        {props.value}
      </Text>
    </div>
  );
}

/** The deal overview: parties, classes with balances and factors, CE, OC vs target, triggers. */
export function OverviewPage({ dealId }: { dealId: string }) {
  const overview = useApi<DealOverview>(`/api/deals/${dealId}`);
  return <Loading state={overview}>{(o) => <Overview o={o} />}</Loading>;
}

function Overview({ o }: { o: DealOverview }) {
  const ocShare =
    o.overcollateralization.target > 0
      ? Math.min(100, (o.overcollateralization.amount / o.overcollateralization.target) * 100)
      : 100;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{o.name}</Title>
          <Text c="dimmed">
            {o.title} · as of {o.asOf ?? 'closing'} ({o.distributionCount} distribution dates
            closed)
          </Text>
        </div>
        {/* Every published statement in every format, the 8-Ks and 10-Ks, with a manifest. */}
        <Button component="a" variant="light" href={`/api/deals/${o.id}/history.zip`} download>
          Download history (ZIP)
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Title order={4} mb="xs">
            Parties
          </Title>
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              {Object.entries(o.parties).map(([role, name]) => (
                <Table.Tr key={role}>
                  <Table.Td c="dimmed">{PARTY_LABELS[role] ?? role}</Table.Td>
                  <Table.Td>{name}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="xs">
            Cut-off {o.dates.cutoff} · closing {o.dates.closing} · first distribution{' '}
            {o.dates.firstDistribution} · index {o.index}
          </Text>
        </Card>
        <Card withBorder>
          <Title order={4} mb="xs">
            Collateral
          </Title>
          <SimpleGrid cols={2}>
            <Figure label="Pool balance" value={money(o.pool.balance)} testId="pool-balance" />
            <Figure label="Pool factor" value={factor(o.pool.factor)} />
            <Figure label="Loans" value={String(o.pool.loanCount)} />
            <Figure label="WAC" value={pct(o.pool.wac)} />
            <Figure label="Cut-off balance" value={money(o.cutoffBalance)} />
            <Figure label="Cumulative losses" value={money(o.cumulativeRealizedLosses)} />
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={4} mb="xs">
            Credit enhancement
          </Title>
          <SimpleGrid cols={2}>
            <Figure
              label="Credit Enhancement Percentage"
              value={pct(o.creditEnhancementPercentage)}
              testId="ce-percentage"
            />
            <Figure label="Delinquency Percentage" value={pct(o.delinquencyPercentage)} />
          </SimpleGrid>
          <Text size="sm" mt="sm">
            Overcollateralization {dollars(o.overcollateralization.amount)} vs target{' '}
            {dollars(o.overcollateralization.target)} (floor{' '}
            {dollars(o.overcollateralization.floor)})
          </Text>
          <Progress
            value={ocShare}
            color={ocShare >= 100 ? 'teal' : 'orange'}
            mt={4}
            aria-label="OC vs target"
          />
          <Group mt="sm" gap="xs">
            <Badge color={o.stepdownOccurred ? 'teal' : 'gray'}>
              Stepdown {o.stepdownOccurred ? 'occurred' : 'not yet'}
            </Badge>
            <Badge color={o.triggerEvent ? 'red' : 'teal'} data-testid="trigger-badge">
              Trigger Event {o.triggerEvent ? 'YES' : 'NO'}
            </Badge>
          </Group>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={4} mb="xs">
          Classes
        </Title>
        <Table striped highlightOnHover data-testid="classes-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Class</Table.Th>
              <Table.Th>CUSIP</Table.Th>
              <Table.Th ta="right">Original balance</Table.Th>
              <Table.Th ta="right">Current balance</Table.Th>
              <Table.Th ta="right">Factor</Table.Th>
              <Table.Th ta="right">Margin</Table.Th>
              <Table.Th ta="right">Last coupon</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.classes.map((c) => (
              <Table.Tr key={c.name}>
                <Table.Td fw={600}>{c.name}</Table.Td>
                <Table.Td>{c.cusip ?? ''}</Table.Td>
                <Table.Td ta="right">{money(c.originalBalance)}</Table.Td>
                <Table.Td ta="right">{money(c.balance)}</Table.Td>
                <Table.Td ta="right">{c.originalBalance > 0 ? factor(c.factor) : ''}</Table.Td>
                <Table.Td ta="right">{c.margin === null ? '' : pct(c.margin, 2)}</Table.Td>
                <Table.Td ta="right">
                  {c.passThroughRate === null ? '' : pct(c.passThroughRate, 5)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">
          Trigger tests
        </Title>
        {o.triggerTests.length === 0 ? (
          <Text c="dimmed">No distribution closed yet.</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Test</Table.Th>
                <Table.Th ta="right">Value</Table.Th>
                <Table.Th ta="right">Threshold</Table.Th>
                <Table.Th>Breached</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.triggerTests.map((t) => (
                <Table.Tr key={t.kind}>
                  <Table.Td>{t.description}</Table.Td>
                  <Table.Td ta="right">{pct(t.value)}</Table.Td>
                  <Table.Td ta="right">{pct(t.threshold)}</Table.Td>
                  <Table.Td>
                    <Badge color={t.breached ? 'red' : 'teal'}>{t.breached ? 'YES' : 'NO'}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
