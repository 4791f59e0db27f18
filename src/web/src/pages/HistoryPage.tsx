import { AreaChart, BarChart, LineChart } from '@mantine/charts';
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { HistoryPoint } from '../../../api/service/historyPoint.ts';
import { useApi } from '../api.ts';
import { ChartCard } from '../components/ChartCard.tsx';
import { Loading } from '../components/Loading.tsx';
import { millions, monthLabel, points } from '../format.ts';

const COLORS: string[] = [
  'indigo.6',
  'teal.6',
  'orange.6',
  'grape.6',
  'red.6',
  'cyan.6',
  'lime.7',
  'pink.6',
];
const H = 240;

/** History charts over the closed distribution dates of a deal. */
export function HistoryPage({ dealId }: { dealId: string }) {
  const history = useApi<HistoryPoint[]>(`/api/deals/${dealId}/distributions`);
  return <Loading state={history}>{(points) => <Charts history={points} />}</Loading>;
}

function Charts({ history }: { history: HistoryPoint[] }) {
  if (history.length === 0) return <Text>No distribution date closed yet.</Text>;
  const first = history[0] as HistoryPoint;
  const classes = Object.keys(first.classBalances).filter((name) =>
    history.some((p) => (p.classBalances[name] ?? 0) > 1_000_00),
  );
  const floating = Object.keys(first.classCoupons);
  const rows = history.map((p) => ({
    month: monthLabel(p.date),
    ...Object.fromEntries(classes.map((c) => [c, millions(p.classBalances[c] ?? 0)])),
    poolFactor: Number(p.poolFactor.toFixed(6)),
    CPR: points(p.cpr, 2),
    CDR: points(p.cdr, 2),
    Severity: points(p.severity, 2),
    '30-59': points(p.delinquency.days30),
    '60-89': points(p.delinquency.days60),
    '90+': points(p.delinquency.days90),
    Foreclosure: points(p.delinquency.foreclosure),
    REO: points(p.delinquency.reo),
    'Excess spread': points(p.excessSpread),
    'Net WAC': points(p.netWacRate),
    // Coupons under their own keys: the class names already hold the balances.
    ...Object.fromEntries(floating.map((c) => [`${c} coupon`, points(p.classCoupons[c] ?? 0)])),
  }));
  const series = (names: string[]) =>
    names.map((name, i) => ({ name, color: COLORS[i % COLORS.length] ?? 'gray.6' }));
  const percent = (v: number) => `${v.toFixed(2)}%`;
  return (
    <Stack>
      <div>
        <Title order={2}>History</Title>
        <Text c="dimmed">
          {history.length} distribution dates, {history[0]?.date} to {history.at(-1)?.date}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartCard
          id="class-balances"
          title="Class balances ($ millions)"
          note="Ending balance after each distribution; CE is the overcollateralization amount"
        >
          <AreaChart
            h={H}
            data={rows}
            dataKey="month"
            type="stacked"
            series={series(classes)}
            withLegend
            withDots={history.length < 3}
            valueFormatter={(v) => `${v.toFixed(2)}m`}
          />
        </ChartCard>
        <ChartCard
          id="pool-factor"
          title="Pool factor"
          note="Ending pool balance / cut-off balance"
        >
          <LineChart
            h={H}
            data={rows}
            dataKey="month"
            series={[{ name: 'poolFactor', label: 'Pool factor', color: 'indigo.6' }]}
            yAxisProps={{ domain: ['auto', 'auto'] }}
            valueFormatter={(v) => v.toFixed(4)}
          />
        </ChartCard>
        <ChartCard
          id="prepay-default"
          title="CPR, CDR and loss severity by month (%)"
          note="CPR = 1 - (1 - SMM)^12 of voluntary prepayments; CDR likewise of liquidations"
        >
          <LineChart
            h={H}
            data={rows}
            dataKey="month"
            series={series(['CPR', 'CDR', 'Severity'])}
            withLegend
            valueFormatter={percent}
          />
        </ChartCard>
        <ChartCard
          id="delinquency"
          title="Delinquency (% of pool)"
          note="Stated principal 30-59, 60-89, 90+ days, in foreclosure and REO"
        >
          <BarChart
            h={H}
            data={rows}
            dataKey="month"
            type="stacked"
            series={series(['30-59', '60-89', '90+', 'Foreclosure', 'REO'])}
            withLegend
            valueFormatter={percent}
          />
        </ChartCard>
        <ChartCard
          id="excess-spread"
          title="Excess spread (% a year)"
          note="Net Monthly Excess Cashflow x 12 / beginning pool"
        >
          <BarChart
            h={H}
            data={rows}
            dataKey="month"
            series={[{ name: 'Excess spread', color: 'teal.6' }]}
            valueFormatter={percent}
          />
        </ChartCard>
        <ChartCard
          id="netwac-coupons"
          title="Net WAC vs class coupons (%)"
          note="The Net WAC Pass-Through Rate caps the coupons"
        >
          <LineChart
            h={H}
            data={rows}
            dataKey="month"
            series={[
              { name: 'Net WAC', color: 'dark.4' },
              ...series(floating.map((c) => `${c} coupon`)).map((x, i) => ({
                ...x,
                label: floating[i],
              })),
            ]}
            withLegend
            valueFormatter={percent}
          />
        </ChartCard>
      </SimpleGrid>
    </Stack>
  );
}
