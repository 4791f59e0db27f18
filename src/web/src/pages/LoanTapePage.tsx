import {
  Card,
  Group,
  Pagination,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type {
  LoanTapePage as TapePage,
  Stratification,
} from '../../../api/service/loanTapeView.ts';
import { useApi } from '../api.ts';
import { Loading } from '../components/Loading.tsx';
import { dollars, money, pct } from '../format.ts';

const KEYS = [
  { value: 'product', label: 'Product' },
  { value: 'rate', label: 'Mortgage rate' },
  { value: 'remainingTerm', label: 'Remaining term' },
  { value: 'state', label: 'State' },
  { value: 'fico', label: 'FICO' },
  { value: 'ltv', label: 'LTV' },
];
const PAGE = 25;

/** The loan tape: pool totals, stratification tables and the loans a page at a time. */
export function LoanTapePage({ dealId }: { dealId: string }) {
  const [by, setBy] = useState('rate');
  const [page, setPage] = useState(1);
  const strata = useApi<Stratification>(`/api/deals/${dealId}/loans/stratifications/${by}`);
  const tape = useApi<TapePage>(
    `/api/deals/${dealId}/loans?offset=${(page - 1) * PAGE}&limit=${PAGE}`,
  );
  return (
    <Stack>
      <Title order={2}>Loan tape</Title>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={4}>Stratification</Title>
          <SegmentedControl data={KEYS} value={by} onChange={setBy} aria-label="Stratify by" />
        </Group>
        <Loading state={strata}>
          {(s) => (
            <Table striped data-testid="strata-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{KEYS.find((k) => k.value === s.by)?.label}</Table.Th>
                  <Table.Th ta="right">Loans</Table.Th>
                  <Table.Th ta="right">Balance</Table.Th>
                  <Table.Th ta="right">% of pool</Table.Th>
                  <Table.Th ta="right">WAC</Table.Th>
                  <Table.Th ta="right">WA rem. term</Table.Th>
                  <Table.Th ta="right">WA FICO</Table.Th>
                  <Table.Th ta="right">WA LTV</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.strata.map((row) => (
                  <Table.Tr key={row.label}>
                    <Table.Td>{row.label}</Table.Td>
                    <Table.Td ta="right">{row.count}</Table.Td>
                    <Table.Td ta="right">{dollars(row.balance)}</Table.Td>
                    <Table.Td ta="right">{pct(row.share, 2)}</Table.Td>
                    <Table.Td ta="right">{pct(row.wac)}</Table.Td>
                    <Table.Td ta="right">{row.waRemainingTerm.toFixed(0)}</Table.Td>
                    <Table.Td ta="right">{row.waFico.toFixed(0)}</Table.Td>
                    <Table.Td ta="right">{pct(row.waLtv, 2)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr fw={700}>
                  <Table.Td>Total</Table.Td>
                  <Table.Td ta="right">{s.totals.count}</Table.Td>
                  <Table.Td ta="right">{dollars(s.totals.balance)}</Table.Td>
                  <Table.Td ta="right">100.00%</Table.Td>
                  <Table.Td ta="right">{pct(s.totals.wac)}</Table.Td>
                  <Table.Td ta="right">{s.totals.waRemainingTerm.toFixed(0)}</Table.Td>
                  <Table.Td ta="right">{s.totals.waFico.toFixed(0)}</Table.Td>
                  <Table.Td ta="right">{pct(s.totals.waLtv, 2)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          )}
        </Loading>
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">
          Loans
        </Title>
        <Loading state={tape}>
          {(t) => (
            <>
              <Text size="sm" c="dimmed" mb="xs">
                {t.total} loans as of {t.asOf}, {money(t.totals.balance)}; ARM share{' '}
                {pct(t.totals.armShare, 1)}
              </Text>
              <Table.ScrollContainer minWidth={800}>
                <Table striped fz="sm" data-testid="loans-table">
                  <Table.Thead>
                    <Table.Tr>
                      {[
                        'Loan',
                        'Type',
                        'Balance',
                        'Rate',
                        'Rem. term',
                        'State',
                        'FICO',
                        'LTV',
                        'Lien',
                        'Occupancy',
                      ].map((h) => (
                        <Table.Th key={h}>{h}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {t.loans.map((l) => (
                      <Table.Tr key={l.id}>
                        <Table.Td>{l.id}</Table.Td>
                        <Table.Td>
                          {l.rateType === 'arm' ? `ARM ${l.arm?.index ?? ''}` : 'Fixed'}
                        </Table.Td>
                        <Table.Td ta="right">{money(l.currentBalance)}</Table.Td>
                        <Table.Td ta="right">{pct(l.noteRate)}</Table.Td>
                        <Table.Td ta="right">{l.remainingTerm}</Table.Td>
                        <Table.Td>{l.state}</Table.Td>
                        <Table.Td ta="right">{l.fico}</Table.Td>
                        <Table.Td ta="right">{pct(l.ltv, 1)}</Table.Td>
                        <Table.Td>{l.lien}</Table.Td>
                        <Table.Td>{l.occupancy}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Pagination
                mt="sm"
                total={Math.ceil(t.total / PAGE)}
                value={page}
                onChange={setPage}
              />
            </>
          )}
        </Loading>
      </Card>
    </Stack>
  );
}
