import { Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { DealSummary } from '../../../api/service/portal.ts';
import type { StatementSections } from '../../../api/service/statementSections.ts';
import { useApi } from '../api.ts';
import { Loading } from '../components/Loading.tsx';
import { href } from '../router.ts';

const DOWNLOADS = [
  { format: 'pdf', label: 'PDF' },
  { format: 'xlsx', label: 'Excel' },
  { format: 'csv', label: 'CSV' },
  { format: 'text', label: 'Text' },
  { format: 'json', label: 'JSON' },
];

/** The statement of one distribution date, section by section as the filing prints it. */
export function StatementPage({ deal, date }: { deal: DealSummary; date: string | undefined }) {
  const chosen = date ?? deal.distributionDates.at(-1);
  const base = chosen ? `/api/deals/${deal.id}/distributions/${chosen}` : null;
  const sections = useApi<StatementSections>(base && `${base}/sections`);
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>Statement to Certificateholders</Title>
        <Select
          label="Distribution date"
          aria-label="Distribution date"
          data={deal.distributionDates}
          value={chosen ?? null}
          onChange={(value) =>
            value &&
            (window.location.hash = href({ dealId: deal.id, page: 'statement', date: value }))
          }
          allowDeselect={false}
          w={200}
        />
      </Group>
      {!chosen && <Text>No distribution date closed yet.</Text>}
      {base && (
        <Group gap="xs">
          {DOWNLOADS.map((d) => (
            <Button
              key={d.format}
              component="a"
              variant="light"
              size="xs"
              href={`${base}/statement?format=${d.format}&download=true`}
              data-download={d.format}
            >
              {d.label}
            </Button>
          ))}
          <Button
            component="a"
            variant="subtle"
            size="xs"
            href={`${base}/8k?download=true`}
            data-download="8k"
          >
            Form 8-K
          </Button>
          <Button
            component="a"
            variant="subtle"
            size="xs"
            href={`/api/deals/${deal.id}/annual/${chosen?.slice(0, 4)}/10k?download=true`}
            data-download="10k"
          >
            Form 10-K {chosen?.slice(0, 4)}
          </Button>
          <Button
            component="a"
            variant="subtle"
            size="xs"
            href={`/api/deals/${deal.id}/closing/8k?download=true`}
            data-download="closing-8k"
          >
            Closing Form 8-K
          </Button>
        </Group>
      )}
      {base && (
        <Loading state={sections}>
          {(s) => (
            <>
              <Card withBorder ta="center" data-testid="statement-header">
                {s.header.map((line, i) => (
                  <Text key={i} fw={i < 4 ? 700 : 400} size={i < 4 ? 'md' : 'sm'}>
                    {line}
                  </Text>
                ))}
              </Card>
              {s.sections.map((section) => (
                <Card withBorder key={section.id} data-section={section.id}>
                  <Title order={4} mb="xs">
                    {section.title}
                  </Title>
                  <Table.ScrollContainer minWidth={500}>
                    <Table striped withTableBorder verticalSpacing={4} fz="sm">
                      {!(section.columns.length === 2 && section.columns[0] === 'Item') && (
                        <Table.Thead>
                          <Table.Tr>
                            {section.columns.map((c, i) => (
                              <Table.Th key={c} ta={i === 0 ? 'left' : 'right'}>
                                {c}
                              </Table.Th>
                            ))}
                          </Table.Tr>
                        </Table.Thead>
                      )}
                      <Table.Tbody>
                        {section.rows.map((row, r) => (
                          <Table.Tr key={r}>
                            {row.map((cell, i) => (
                              <Table.Td
                                key={i}
                                ta={i === 0 ? 'left' : 'right'}
                                ff={i === 0 ? undefined : 'monospace'}
                              >
                                {cell.text}
                              </Table.Td>
                            ))}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Card>
              ))}
            </>
          )}
        </Loading>
      )}
    </Stack>
  );
}
