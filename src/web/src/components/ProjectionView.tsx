import { BarChart, LineChart } from '@mantine/charts';
import { Button, Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { ProjectionResult } from '../../../api/service/projectionTypes.ts';
import { dollars, millions, monthLabel, pct } from '../format.ts';
import { ChartCard } from './ChartCard.tsx';

const COLORS: string[] = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6'];

/** A projection's class table (WAL, yield, totals), breakevens and cash-flow charts. */
export function ProjectionView({ jobId, result }: { jobId: string; result: ProjectionResult }) {
  const names = result.classes
    .filter((c) => c.startBalance > 0 && c.name !== 'P')
    .map((c) => c.name);
  const rows = result.periods.map((p) => ({
    month: monthLabel(p.date),
    ...Object.fromEntries(names.map((n) => [n, millions(p.classes[n]?.balance ?? 0)])),
    Principal: millions(names.reduce((s, n) => s + (p.classes[n]?.principal ?? 0), 0)),
    Interest: millions(names.reduce((s, n) => s + (p.classes[n]?.interest ?? 0), 0)),
  }));
  const series = (list: string[]) =>
    list.map((name, i) => ({ name, color: COLORS[i % COLORS.length] ?? 'gray.6' }));
  return (
    <>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={4}>Class cash flows from {result.asOf}</Title>
          <Group gap="xs">
            <Button
              component="a"
              size="xs"
              variant="light"
              href={`/api/jobs/${jobId}/download?format=csv`}
              data-download="projection-csv"
            >
              CSV
            </Button>
            <Button
              component="a"
              size="xs"
              variant="light"
              href={`/api/jobs/${jobId}/download?format=xlsx`}
              data-download="projection-xlsx"
            >
              Excel
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed" mb="xs" data-testid="projection-loans">
          Loans: {result.loans}
        </Text>
        <Table striped data-testid="projection-table">
          <Table.Thead>
            <Table.Tr>
              {[
                'Class',
                'Balance',
                'Principal',
                'Interest',
                'Writedown',
                'WAL (yrs)',
                'Yield',
                'Principal window',
                'Breakeven CDR',
              ].map((h, i) => (
                <Table.Th key={h} ta={i === 0 || i === 7 ? 'left' : 'right'}>
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.classes.map((c) => {
              const breakeven = result.breakevens?.find((b) => b.class === c.name);
              return (
                <Table.Tr key={c.name}>
                  <Table.Td fw={600}>{c.name}</Table.Td>
                  <Table.Td ta="right">{dollars(c.startBalance)}</Table.Td>
                  <Table.Td ta="right">{dollars(c.principal)}</Table.Td>
                  <Table.Td ta="right">{dollars(c.interest)}</Table.Td>
                  <Table.Td ta="right">{dollars(c.writedown)}</Table.Td>
                  <Table.Td ta="right">{c.wal === null ? '' : c.wal.toFixed(2)}</Table.Td>
                  <Table.Td ta="right">{c.yield === null ? '' : pct(c.yield, 3)}</Table.Td>
                  <Table.Td>
                    {c.firstPrincipalDate ? `${c.firstPrincipalDate} – ${c.lastPrincipalDate}` : ''}
                  </Table.Td>
                  <Table.Td ta="right">
                    {breakeven ? (breakeven.cdr === null ? 'none' : pct(breakeven.cdr, 2)) : ''}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartCard id="projected-balances" title="Projected class balances ($ millions)">
          <LineChart
            h={260}
            data={rows}
            dataKey="month"
            series={series(names)}
            withLegend
            withDots={false}
          />
        </ChartCard>
        <ChartCard
          id="projected-cashflows"
          title="Certificate principal and interest by month ($ millions)"
        >
          <BarChart
            h={260}
            data={rows}
            dataKey="month"
            type="stacked"
            series={series(['Principal', 'Interest'])}
            withLegend
          />
        </ChartCard>
      </SimpleGrid>
    </>
  );
}
