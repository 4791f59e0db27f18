import {
  Button,
  Card,
  Group,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { FactorTable } from '../../../api/investors/factorTable.ts';
import { getJson, useApi, type ApiProblem } from '../api.ts';
import { ActionError } from '../components/ActionError.tsx';
import { Loading } from '../components/Loading.tsx';

interface CusipAnswer {
  cusip: string;
  dealId: string;
  dealName: string;
  class: string;
  decimals: number;
  factors: { date: string; factor: number | null }[];
}

const shown = (value: number | null | undefined, decimals: number) =>
  value === null || value === undefined ? 'n/a' : value.toFixed(decimals);

/** The factor table of every class by date (9 decimals), and a CUSIP search. */
export function FactorsPage({ dealId }: { dealId: string }) {
  const table = useApi<FactorTable>(`/api/deals/${dealId}/factors`);
  return (
    <Stack>
      <Title order={2}>Factors</Title>
      <CusipSearch />
      <Loading state={table}>
        {(t) => {
          const classes = t.classes.filter((c) => c.originalBalance > 0);
          return t.rows.length === 0 ? (
            <Text c="dimmed">No published distribution date yet.</Text>
          ) : (
            <ScrollArea>
              <Table striped data-testid="factor-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Date</Table.Th>
                    {classes.map((c) => (
                      <Table.Th key={c.class} title={c.cusip ?? ''}>
                        {c.class}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {t.rows.map((r) => (
                    <Table.Tr key={r.date}>
                      <Table.Td>{r.date}</Table.Td>
                      {classes.map((c) => (
                        <Table.Td key={c.class} ff="monospace">
                          {shown(r.factors[c.class], t.decimals)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          );
        }}
      </Loading>
    </Stack>
  );
}

function CusipSearch() {
  const [cusip, setCusip] = useState('');
  const [answer, setAnswer] = useState<CusipAnswer>();
  const [problem, setProblem] = useState<ApiProblem>();
  const search = () => {
    setProblem(undefined);
    setAnswer(undefined);
    getJson<CusipAnswer>(`/api/cusips/${encodeURIComponent(cusip.trim())}`).then(
      setAnswer,
      setProblem,
    );
  };
  const latest = answer?.factors.at(-1);
  return (
    <Card withBorder>
      <Group align="flex-end">
        <TextInput
          label="CUSIP"
          placeholder="64352VCC3"
          value={cusip}
          onChange={(e) => setCusip(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && search()}
        />
        <Button onClick={search} disabled={!cusip.trim()}>
          Find
        </Button>
      </Group>
      <ActionError problem={problem} />
      {answer && (
        <Text mt="xs" data-testid="cusip-answer">
          {answer.cusip}: class {answer.class} of {answer.dealName}
          {latest ? `, factor ${shown(latest.factor, answer.decimals)} on ${latest.date}` : ''}
        </Text>
      )}
    </Card>
  );
}
