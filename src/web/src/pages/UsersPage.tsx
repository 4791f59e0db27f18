import {
  Badge,
  Button,
  Card,
  Code,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { DealSummary } from '../../../api/service/portal.ts';
import type { ApiToken, User } from '../../../store/people.ts';
import { deleteJson, postJson, sendJson, useApi, type ApiProblem, useReloadable } from '../api.ts';
import { ActionError } from '../components/ActionError.tsx';
import { Loading } from '../components/Loading.tsx';
import { useRole } from '../useRole.ts';

const ROLES = ['administrator', 'preparer', 'approver', 'investor', 'auditor'];

/**
 * The users page: every user with role, entitled deals and whether disabled; administrators
 * add users (a one-time sign-in link to hand over), change roles, entitle and withdraw deals,
 * disable, and revoke API tokens. Auditors see it all and change nothing.
 */
export function UsersPage() {
  const canChange = useRole() === 'administrator';
  const users = useReloadable<User[]>('/api/users');
  const deals = useApi<DealSummary[]>('/api/deals');
  const [problem, setProblem] = useState<ApiProblem>();
  const [link, setLink] = useState<{ name: string; link: string }>();
  const [tokensOf, setTokensOf] = useState<string>();
  const dealIds = (deals.data ?? []).map((d) => d.id);
  const act = (work: Promise<unknown>) => {
    setProblem(undefined);
    work.then(users.reload, setProblem);
  };
  return (
    <Stack>
      <Title order={2}>Users</Title>
      <ActionError problem={problem} />
      {link && (
        <Text size="sm">
          One-time sign-in link for {link.name} (24 hours; hand it over privately):{' '}
          <Code data-testid="sign-in-link">{link.link}</Code>
        </Text>
      )}
      {canChange && (
        <AddUser
          dealIds={dealIds}
          onAdded={(name, made) => {
            setLink({ name, link: made });
            users.reload();
          }}
          onProblem={setProblem}
        />
      )}
      <Loading state={users}>
        {(list) => (
          <Table striped data-testid="users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Entitled deals</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((u) => (
                <Table.Tr key={u.name} data-user={u.name}>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td>
                    {canChange && u.disabledAt === null ? (
                      <Select
                        aria-label={`Role of ${u.name}`}
                        data={ROLES}
                        value={u.role}
                        allowDeselect={false}
                        onChange={(role) =>
                          role && act(sendJson('PUT', `/api/users/${u.name}/role`, { role }))
                        }
                      />
                    ) : (
                      u.role
                    )}
                  </Table.Td>
                  <Table.Td>
                    {u.role === 'investor' && canChange && u.disabledAt === null ? (
                      <MultiSelect
                        aria-label={`Deals of ${u.name}`}
                        data={dealIds}
                        value={[...u.deals]}
                        onChange={(next) => {
                          const added = next.find((d) => !u.deals.includes(d));
                          const removed = u.deals.find((d) => !next.includes(d));
                          if (added)
                            act(sendJson('PUT', `/api/users/${u.name}/deals/${added}`, {}));
                          else if (removed)
                            act(deleteJson(`/api/users/${u.name}/deals/${removed}`));
                        }}
                      />
                    ) : u.role === 'investor' ? (
                      u.deals.join(', ') || 'none'
                    ) : (
                      <Text c="dimmed" size="sm">
                        every deal
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {u.disabledAt ? (
                      <Badge color="gray">disabled {u.disabledAt.slice(0, 10)}</Badge>
                    ) : (
                      <Badge color="green">{u.hasPassword ? 'active' : 'link not used'}</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Button size="xs" variant="light" onClick={() => setTokensOf(u.name)}>
                        API tokens
                      </Button>
                      {canChange && u.disabledAt === null && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => act(postJson(`/api/users/${u.name}/disable`, {}))}
                        >
                          Disable
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Loading>
      {tokensOf && <Tokens name={tokensOf} canChange={canChange} onProblem={setProblem} />}
    </Stack>
  );
}

function AddUser(props: {
  dealIds: string[];
  onAdded: (name: string, link: string) => void;
  onProblem: (problem: ApiProblem) => void;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<string | null>('investor');
  const [deals, setDeals] = useState<string[]>([]);
  const add = () =>
    postJson<{ link: string }>('/api/users', {
      name: name.trim(),
      role,
      ...(role === 'investor' ? { deals } : {}),
    }).then((made) => {
      props.onAdded(name.trim(), made.link);
      setName('');
      setDeals([]);
    }, props.onProblem);
  return (
    <Card withBorder>
      <Group align="flex-end">
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Select label="Role" data={ROLES} value={role} onChange={setRole} allowDeselect={false} />
        {role === 'investor' && (
          <MultiSelect
            label="Deals"
            data={props.dealIds}
            value={deals}
            onChange={setDeals}
            w={320}
          />
        )}
        <Button onClick={add} disabled={!name.trim()}>
          Add user
        </Button>
      </Group>
    </Card>
  );
}

function Tokens(props: {
  name: string;
  canChange: boolean;
  onProblem: (problem: ApiProblem) => void;
}) {
  const tokens = useReloadable<ApiToken[]>(`/api/users/${props.name}/tokens`);
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        API tokens of {props.name}
      </Title>
      <Loading state={tokens}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">No tokens.</Text>
          ) : (
            <Table data-testid="tokens">
              <Table.Tbody>
                {list.map((t) => (
                  <Table.Tr key={t.tokenId}>
                    <Table.Td>{t.tokenId}</Table.Td>
                    <Table.Td>{t.label}</Table.Td>
                    <Table.Td>{t.createdAt.slice(0, 10)}</Table.Td>
                    <Table.Td>
                      {t.revokedAt ? (
                        `revoked ${t.revokedAt.slice(0, 10)}`
                      ) : props.canChange ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() =>
                            deleteJson(`/api/users/${props.name}/tokens/${t.tokenId}`).then(
                              tokens.reload,
                              props.onProblem,
                            )
                          }
                        >
                          Revoke
                        </Button>
                      ) : (
                        'active'
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
  );
}
