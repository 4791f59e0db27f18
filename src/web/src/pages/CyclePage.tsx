import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type {
  DistributionDraft,
  DistributionVersion,
  DraftSummary,
  RemittanceSummary,
} from '../../../store/trustStore.ts';
import type { CollectionPeriod } from '../../../waterfall/types.ts';
import { postJson, postText, useApi, type ApiProblem } from '../api.ts';
import { Loading } from '../components/Loading.tsx';
import { Problem } from '../components/Problem.tsx';
import { money } from '../format.ts';
import type { SignedIn } from '../session.ts';

interface Waiting {
  remittance: RemittanceSummary;
  period: CollectionPeriod;
}

/** "586 loan rows", or what a totals upload is. */
const rowsOf = (r: RemittanceSummary): string =>
  r.rowCount === 0 ? 'collection-period totals' : `${r.rowCount} loan rows`;

const can = {
  prepare: ['administrator', 'preparer'],
  decide: ['administrator', 'approver'],
  publish: ['administrator', 'preparer', 'approver'],
};

/**
 * The monthly cycle of a deal (the staff; permissions.ts): upload the servicer's remittance
 * (every row problem listed), its reconciliation, Prepare, the draft's statement, Approve or
 * Reject with a reason (a second person), Publish, and the versions of a date. Each action
 * re-reads the lists (`round`).
 */
export function CyclePage({ dealId, user }: { dealId: string; user: SignedIn }) {
  const [round, setRound] = useState(0);
  const [draftId, setDraftId] = useState<string | undefined>();
  const changed = (id?: string) => {
    if (id) setDraftId(id);
    setRound((r) => r + 1);
  };
  return (
    <Stack>
      <Title order={2}>Monthly cycle</Title>
      {can.prepare.includes(user.role) && <Upload dealId={dealId} onUploaded={() => changed()} />}
      <WaitingRemittances key={`w${round}`} dealId={dealId} user={user} onPrepared={changed} />
      <Drafts key={`d${round}`} dealId={dealId} selected={draftId} onSelect={setDraftId} />
      {draftId && (
        <DraftView key={`v${round}${draftId}`} draftId={draftId} user={user} onChanged={changed} />
      )}
    </Stack>
  );
}

function Upload({ dealId, onUploaded }: { dealId: string; onUploaded: () => void }) {
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [done, setDone] = useState<Waiting | undefined>();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    setDone(undefined);
    try {
      const json = file.name.toLowerCase().endsWith('.json');
      const uploaded = await postText<Waiting>(
        `/api/deals/${dealId}/remittances?file=${encodeURIComponent(file.name)}`,
        json ? 'application/json' : 'text/csv',
        await file.text(),
      );
      setDone(uploaded);
      onUploaded();
    } catch (error) {
      setProblem(error as ApiProblem);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Stack>
        <FileInput
          label="Upload the servicer's remittance (CSV report, or JSON totals)"
          placeholder="Choose a file"
          accept=".csv,.json,text/csv,application/json"
          onChange={(file) => void upload(file)}
          disabled={busy}
          data-testid="remittance-file"
        />
        {done && (
          <Alert color="green" title="Uploaded and reconciled">
            {done.remittance.source}: distribution date {done.remittance.distributionDate},{' '}
            {rowsOf(done.remittance)}
          </Alert>
        )}
        {problem && <RowProblems problem={problem} />}
      </Stack>
    </Card>
  );
}

/** Every problem of a refused file, one row each: where (row, field), what, what was expected. */
function RowProblems({ problem }: { problem: ApiProblem }) {
  const details = problem.details as {
    file?: string;
    row?: number;
    field?: string;
    message: string;
    expected?: string;
  }[];
  if (details.length === 0) return <Problem problem={problem} />;
  return (
    <Alert color="red" title={`${problem.code}: ${problem.message}`} role="alert">
      <Table data-testid="row-problems">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            <Table.Th>Field</Table.Th>
            <Table.Th>Problem</Table.Th>
            <Table.Th>Expected</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {details.map((d, i) => (
            <Table.Tr key={i}>
              <Table.Td>{d.row ?? ''}</Table.Td>
              <Table.Td>{d.field ?? ''}</Table.Td>
              <Table.Td>{d.message}</Table.Td>
              <Table.Td>{d.expected ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}

function WaitingRemittances(props: {
  dealId: string;
  user: SignedIn;
  onPrepared: (draftId: string) => void;
}) {
  const waiting = useApi<Waiting[]>(`/api/deals/${props.dealId}/remittances/waiting`);
  return (
    <Card withBorder>
      <Title order={4}>Remittances waiting</Title>
      <Loading state={waiting}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">None: every remittance uploaded is published.</Text>
          ) : (
            <Stack>
              {list.map((w) => (
                <WaitingOne key={w.remittance.remittanceId} waiting={w} {...props} />
              ))}
            </Stack>
          )
        }
      </Loading>
    </Card>
  );
}

/** One waiting remittance: its reconciliation, and Prepare (a reason makes it a correction). */
function WaitingOne(props: {
  waiting: Waiting;
  dealId: string;
  user: SignedIn;
  onPrepared: (draftId: string) => void;
}) {
  const { remittance, period: p } = props.waiting;
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const prepare = async () => {
    setProblem(undefined);
    try {
      const draft = await postJson<DistributionDraft>(`/api/deals/${props.dealId}/drafts`, {
        distributionDate: remittance.distributionDate,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      props.onPrepared(draft.draftId);
    } catch (error) {
      setProblem(error as ApiProblem);
    }
  };
  const rows: [string, string][] = [
    ['Beginning pool balance', money(p.beginningPoolBalance)],
    ['Scheduled principal', money(p.scheduledPrincipal)],
    ['Curtailments', money(p.curtailments)],
    ['Payments in full', money(p.paymentsInFull)],
    ['Net liquidation proceeds', money(p.liquidationProceeds)],
    ['Realized losses', money(p.realizedLosses)],
    ['Ending pool balance', money(p.endingPoolBalance)],
    ['Interest collected and advanced', money(p.interestCollected)],
    ['Prepayment charges', money(p.prepaymentCharges)],
    ['P&I advances', money(p.advances)],
    ['Loans (beginning / ending)', `${p.beginningLoanCount} / ${p.endingLoanCount}`],
  ];
  return (
    <Stack gap="xs">
      <Text fw={600}>
        {remittance.distributionDate}: {remittance.source} ({rowsOf(remittance)}, uploaded{' '}
        {remittance.storedAt.slice(0, 16).replace('T', ' ')})
      </Text>
      <Table withTableBorder w={520} data-testid="reconciliation">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Td>{label}</Table.Td>
              <Table.Td ta="right">{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {can.prepare.includes(props.user.role) && (
        <Group align="flex-end">
          <TextInput
            label="Correction of a closed date: why (leave empty to close the date)"
            w={420}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button onClick={() => void prepare()}>Prepare</Button>
        </Group>
      )}
      {problem && <Problem problem={problem} />}
    </Stack>
  );
}

const STATUS_COLOR = { prepared: 'blue', approved: 'teal', rejected: 'red', published: 'gray' };

function Drafts(props: {
  dealId: string;
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  const drafts = useApi<DraftSummary[]>(`/api/deals/${props.dealId}/drafts`);
  return (
    <Card withBorder>
      <Title order={4}>Prepared distributions</Title>
      <Loading state={drafts}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">None prepared.</Text>
          ) : (
            <Table data-testid="drafts-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Version</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Prepared</Table.Th>
                  <Table.Th>Decided</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((d) => (
                  <Table.Tr key={d.draftId}>
                    <Table.Td>{d.distributionDate}</Table.Td>
                    <Table.Td>
                      {d.version}
                      {d.reason ? ` (correction: ${d.reason})` : ''}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[d.status]}>{d.status}</Badge>
                    </Table.Td>
                    <Table.Td>{d.preparedBy}</Table.Td>
                    <Table.Td>
                      {d.decidedBy ?? ''}
                      {d.decisionReason ? `: ${d.decisionReason}` : ''}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant={props.selected === d.draftId ? 'filled' : 'light'}
                        onClick={() => props.onSelect(d.draftId)}
                      >
                        Open
                      </Button>
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

/** One draft: its statement, Approve / Reject (with a reason), Publish, the date's versions. */
function DraftView(props: { draftId: string; user: SignedIn; onChanged: (id?: string) => void }) {
  const draft = useApi<DistributionDraft>(`/api/drafts/${props.draftId}`);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const act = async (what: 'approve' | 'reject' | 'publish') => {
    setProblem(undefined);
    try {
      await postJson(`/api/drafts/${props.draftId}/${what}`, what === 'reject' ? { reason } : {});
      props.onChanged();
    } catch (error) {
      setProblem(error as ApiProblem);
    }
  };
  const role = props.user.role;
  const own = draft.data?.preparedBy === props.user.name;
  return (
    <Loading state={draft}>
      {(d) => (
        <Card withBorder>
          <Stack>
            <Title order={4}>
              {d.dealId} {d.distributionDate}, version {d.version}:{' '}
              <Badge color={STATUS_COLOR[d.status]}>{d.status}</Badge>
            </Title>
            <Text size="sm">
              Prepared by {d.preparedBy} on {d.preparedAt.slice(0, 16).replace('T', ' ')}
              {d.decidedBy
                ? `; ${d.status === 'rejected' ? 'rejected' : 'approved'} by ${d.decidedBy}`
                : ''}
              {d.publishedBy ? `; published by ${d.publishedBy}` : ''}
            </Text>
            {d.status === 'prepared' && can.decide.includes(role) && own && (
              <Text size="sm" c="dimmed">
                You prepared it: another person approves or rejects it.
              </Text>
            )}
            {d.status === 'prepared' && can.decide.includes(role) && !own && (
              <Group align="flex-end">
                <Button color="teal" onClick={() => void act('approve')}>
                  Approve
                </Button>
                <TextInput
                  label="Reason to reject"
                  w={360}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                />
                <Button color="red" variant="light" onClick={() => void act('reject')}>
                  Reject
                </Button>
              </Group>
            )}
            {d.status === 'approved' && can.publish.includes(role) && (
              <Group>
                <Button onClick={() => void act('publish')}>Publish</Button>
              </Group>
            )}
            {problem && <Problem problem={problem} />}
            <ScrollArea h={420}>
              <Code block data-testid="draft-statement">
                {d.statementText}
              </Code>
            </ScrollArea>
            <Versions dealId={d.dealId} date={d.distributionDate} />
          </Stack>
        </Card>
      )}
    </Loading>
  );
}

function Versions({ dealId, date }: { dealId: string; date: string }) {
  const versions = useApi<DistributionVersion[]>(
    `/api/deals/${dealId}/distributions/${date}/versions`,
  );
  return (
    <Loading state={versions}>
      {(list) =>
        list.length === 0 ? (
          <Text c="dimmed">{date} is not published yet.</Text>
        ) : (
          <Table data-testid="versions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Version of {date}</Table.Th>
                <Table.Th>Written</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th ta="right">Ending pool</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td>{v.version}</Table.Td>
                  <Table.Td>{v.closedAt.slice(0, 16).replace('T', ' ')}</Table.Td>
                  <Table.Td>{v.closedBy}</Table.Td>
                  <Table.Td>{v.reason ?? ''}</Table.Td>
                  <Table.Td ta="right">{money(v.endingPoolBalance)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      }
    </Loading>
  );
}
