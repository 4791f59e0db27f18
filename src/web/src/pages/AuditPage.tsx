import { Anchor, Card, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { AuditEntry } from '../../../store/trustStore.ts';
import { useApi } from '../api.ts';
import { Loading } from '../components/Loading.tsx';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The audit log (administrators and auditors): every change and sign-in, who, when, what, why
 * and from where, filtered by deal, user and days, with the CSV of what is shown.
 */
export function AuditPage({ dealId }: { dealId: string }) {
  const [thisDeal, setThisDeal] = useState(true);
  const [actor, setActor] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = new URLSearchParams();
  if (thisDeal) query.set('dealId', dealId);
  if (actor.trim()) query.set('actor', actor.trim());
  // A day is sent once it is whole: a half-typed one would be refused (422) at every keystroke.
  if (DAY.test(from)) query.set('from', from);
  if (DAY.test(to)) query.set('to', to);
  const entries = useApi<AuditEntry[]>(`/api/audit?${query}`);
  const csv = new URLSearchParams(query);
  csv.set('format', 'csv');
  return (
    <Stack>
      <Title order={2}>Audit log</Title>
      <Card withBorder>
        <Group align="flex-end">
          <Checkbox
            label={`Only ${dealId}`}
            checked={thisDeal}
            onChange={(e) => setThisDeal(e.currentTarget.checked)}
          />
          <TextInput label="User" value={actor} onChange={(e) => setActor(e.currentTarget.value)} />
          <TextInput
            label="From (YYYY-MM-DD)"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            label="To (YYYY-MM-DD)"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
          <Anchor href={`/api/audit?${csv}`} data-download="audit-csv">
            Download CSV
          </Anchor>
        </Group>
      </Card>
      <Loading state={entries}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">No entries.</Text>
          ) : (
            <Table striped data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>When (UTC)</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Deal, date, version</Table.Th>
                  <Table.Th>Why</Table.Th>
                  <Table.Th>From</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((e) => (
                  <Table.Tr key={e.seq}>
                    <Table.Td>{e.seq}</Table.Td>
                    <Table.Td>{e.at.replace('T', ' ').replace(/\.\d+Z$/, '')}</Table.Td>
                    <Table.Td>{e.actor}</Table.Td>
                    <Table.Td>{e.action}</Table.Td>
                    <Table.Td>
                      {[e.dealId, e.distributionDate, e.version && `v${e.version}`]
                        .filter(Boolean)
                        .join(' ')}
                    </Table.Td>
                    <Table.Td>{e.reason ?? ''}</Table.Td>
                    <Table.Td>{e.address ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </Loading>
    </Stack>
  );
}
