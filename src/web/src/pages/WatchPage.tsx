import {
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { PublishedVersion } from '../../../api/investors/publishedVersions.ts';
import type { Webhook } from '../../../store/investors.ts';
import { deleteJson, postJson, sendJson, type ApiProblem, useReloadable } from '../api.ts';
import { ActionError } from '../components/ActionError.tsx';
import { Loading } from '../components/Loading.tsx';
import { href } from '../router.ts';
import { holds, useRole } from '../useRole.ts';

interface Watched {
  dealId: string;
  name: string;
  addedAt: string;
}

/**
 * The watch list and its feed: the statements published for the watched deals (corrections
 * too), newest first; and the caller's webhooks (the signing secret shown once, when made).
 */
export function WatchPage({ dealId }: { dealId: string }) {
  const canChange = holds(useRole());
  const watched = useReloadable<Watched[]>('/api/watchlist');
  const feed = useReloadable<PublishedVersion[]>('/api/feed');
  const [problem, setProblem] = useState<ApiProblem>();
  const watching = watched.data?.some((w) => w.dealId === dealId) ?? false;
  const act = async (work: Promise<unknown>) => {
    setProblem(undefined);
    await work.then(
      () => {
        watched.reload();
        feed.reload();
      },
      (error: ApiProblem) => setProblem(error),
    );
  };
  return (
    <Stack>
      <Title order={2}>Watch list and feed</Title>
      <ActionError problem={problem} />
      {canChange && (
        <Group>
          {watching ? (
            <Button variant="light" onClick={() => act(deleteJson(`/api/watchlist/${dealId}`))}>
              Stop watching {dealId}
            </Button>
          ) : (
            <Button onClick={() => act(sendJson('PUT', `/api/watchlist/${dealId}`, {}))}>
              Watch {dealId}
            </Button>
          )}
        </Group>
      )}
      <Card withBorder>
        <Title order={4} mb="xs">
          Watched deals
        </Title>
        <Loading state={watched}>
          {(list) =>
            list.length === 0 ? (
              <Text c="dimmed">No deal watched yet.</Text>
            ) : (
              <Table data-testid="watch-list">
                <Table.Tbody>
                  {list.map((w) => (
                    <Table.Tr key={w.dealId}>
                      <Table.Td>
                        <Anchor href={href({ dealId: w.dealId })}>{w.name}</Anchor>
                      </Table.Td>
                      <Table.Td c="dimmed">since {w.addedAt.slice(0, 10)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </Loading>
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">
          Feed: statements published
        </Title>
        <Loading state={feed}>
          {(entries) =>
            entries.length === 0 ? (
              <Text c="dimmed">Nothing published for the watched deals yet.</Text>
            ) : (
              <Table striped data-testid="feed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Published (UTC)</Table.Th>
                    <Table.Th>Deal</Table.Th>
                    <Table.Th>Distribution date</Table.Th>
                    <Table.Th>Version</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map((e) => (
                    <Table.Tr key={`${e.dealId} ${e.distributionDate} ${e.version}`}>
                      <Table.Td>{e.publishedAt.replace('T', ' ').replace(/\.\d+Z$/, '')}</Table.Td>
                      <Table.Td>{e.dealName}</Table.Td>
                      <Table.Td>
                        <Anchor
                          href={href({
                            dealId: e.dealId,
                            page: 'statement',
                            date: e.distributionDate,
                          })}
                        >
                          {e.distributionDate}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {e.version}{' '}
                        {e.correction && (
                          <Badge color="orange" title={e.reason ?? ''}>
                            correction
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </Loading>
      </Card>
      <Webhooks canChange={canChange} />
    </Stack>
  );
}

function Webhooks({ canChange }: { canChange: boolean }) {
  const hooks = useReloadable<Webhook[]>('/api/webhooks');
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const add = () => {
    setProblem(undefined);
    postJson<{ secret: string }>('/api/webhooks', { url }).then(
      (made) => {
        setSecret(made.secret);
        setUrl('');
        hooks.reload();
      },
      (error: ApiProblem) => setProblem(error),
    );
  };
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        Webhooks
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Each new published statement of a watched deal is POSTed once to each URL as JSON, signed
        with HMAC-SHA256 in x-trustee-signature (docs/operations.md, For investors).
      </Text>
      <ActionError problem={problem} />
      {secret && (
        <Text size="sm" mb="xs">
          Signing secret (shown once, keep it now):{' '}
          <Code data-testid="webhook-secret">{secret}</Code>
        </Text>
      )}
      {canChange && (
        <Group align="flex-end" mb="xs">
          <TextInput
            label="URL"
            placeholder="https://example.com/trustee"
            w={420}
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
          />
          <Button onClick={add} disabled={!url.trim()}>
            Add webhook
          </Button>
        </Group>
      )}
      <Loading state={hooks}>
        {(list) => (
          <Table data-testid="webhooks">
            <Table.Tbody>
              {list.map((h) => (
                <Table.Tr key={h.webhookId}>
                  <Table.Td>{h.url}</Table.Td>
                  <Table.Td c="dimmed">{h.createdAt.slice(0, 10)}</Table.Td>
                  <Table.Td>
                    {canChange && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() =>
                          deleteJson(`/api/webhooks/${h.webhookId}`).then(hooks.reload, setProblem)
                        }
                      >
                        Remove
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Loading>
    </Card>
  );
}
