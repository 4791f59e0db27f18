import { AppShell, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import type { DealSummary } from '../../api/service/portal.ts';
import { useApi } from './api.ts';
import { DealPicker } from './components/DealPicker.tsx';
import { Problem } from './components/Problem.tsx';
import { SetPassword } from './components/SetPassword.tsx';
import { HistoryPage } from './pages/HistoryPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { CyclePage } from './pages/CyclePage.tsx';
import { LoanTapePage } from './pages/LoanTapePage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { ScenarioPage } from './pages/ScenarioPage.tsx';
import { StatementPage } from './pages/StatementPage.tsx';
import { FactorsPage } from './pages/FactorsPage.tsx';
import { PositionsPage } from './pages/PositionsPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';
import { WatchPage } from './pages/WatchPage.tsx';
import { href, useRoute, type Page } from './router.ts';
import type { SignedIn } from './session.ts';

const NAV: { page: Page; label: string }[] = [
  { page: 'overview', label: 'Deal overview' },
  { page: 'history', label: 'History charts' },
  { page: 'statement', label: 'Statement' },
  { page: 'scenario', label: 'Scenario' },
  { page: 'loans', label: 'Loan tape' },
  { page: 'audit', label: 'Audit log' },
  { page: 'cycle', label: 'Monthly cycle' },
  { page: 'watch', label: 'Watch list and feed' },
  { page: 'factors', label: 'Factors' },
  { page: 'positions', label: 'Positions' },
  { page: 'users', label: 'Users' },
];

/**
 * The roles each page is offered to, as the permission table allows its routes
 * (src/api/access/permissions.ts); the other pages are everyone's.
 */
const PAGE_ROLES: Partial<Record<Page, readonly string[]>> = {
  scenario: ['administrator', 'preparer', 'approver', 'auditor'],
  loans: ['administrator', 'preparer', 'approver', 'auditor'],
  audit: ['administrator', 'auditor'],
  cycle: ['administrator', 'preparer', 'approver', 'auditor'],
  users: ['administrator', 'auditor'],
};
const offered = (page: Page, role: string) => PAGE_ROLES[page]?.includes(role) ?? true;

/**
 * The dashboard: a deal picker, the pages of one deal, and a link to the API's docs; who is
 * signed in, with Sign out.
 */
export function App(props: {
  user: SignedIn;
  onSignOut: () => void;
  onSetPassword: (password: string) => Promise<unknown>;
}) {
  const route = useRoute();
  const deals = useApi<DealSummary[]>('/api/deals');
  // The 2002-1 trust first, else the first deal the user sees (an investor's may not include it).
  const dealId =
    route.dealId ?? (deals.data?.find((d) => d.id === 'nchet-2002-1') ?? deals.data?.[0])?.id;
  useEffect(() => {
    if (!route.dealId && dealId) window.location.replace(href({ dealId, page: route.page }));
  }, [route.dealId, route.page, dealId]);
  const deal = deals.data?.find((d) => d.id === dealId);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={3}>trustee</Title>
            <Text c="dimmed" size="sm">
              investor and administrator portal
            </Text>
          </Group>
          <Group gap="sm">
            <DealPicker
              deals={deals.data ?? []}
              value={dealId}
              onChange={(value) =>
                (window.location.hash = href({ dealId: value, page: route.page }))
              }
            />
            <Text size="sm" aria-label="Signed in as">
              {props.user.name} ({props.user.role})
            </Text>
            <Button variant="subtle" size="xs" onClick={props.onSignOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {NAV.filter((item) => offered(item.page, props.user.role)).map((item) => (
          <NavLink
            key={item.page}
            label={item.label}
            href={dealId ? href({ dealId, page: item.page }) : '#'}
            active={route.page === item.page}
          />
        ))}
        <NavLink label="API (OpenAPI)" href="/docs" target="_blank" />
      </AppShell.Navbar>
      <AppShell.Main>
        {!props.user.hasPassword && <SetPassword onSet={props.onSetPassword} />}
        {deals.error && <Problem problem={deals.error} />}
        {dealId && deal && (
          <PageOf page={route.page} deal={deal} date={route.date} user={props.user} />
        )}
      </AppShell.Main>
    </AppShell>
  );
}

function PageOf(props: {
  page: Page;
  deal: DealSummary;
  date: string | undefined;
  user: SignedIn;
}) {
  switch (props.page) {
    case 'overview':
      return <OverviewPage dealId={props.deal.id} />;
    case 'history':
      return <HistoryPage dealId={props.deal.id} />;
    case 'statement':
      return <StatementPage deal={props.deal} date={props.date} />;
    case 'scenario':
      return <ScenarioPage dealId={props.deal.id} />;
    case 'loans':
      return <LoanTapePage dealId={props.deal.id} />;
    case 'audit':
      return <AuditPage dealId={props.deal.id} />;
    case 'cycle':
      return <CyclePage dealId={props.deal.id} user={props.user} />;
    case 'watch':
      return <WatchPage dealId={props.deal.id} />;
    case 'factors':
      return <FactorsPage dealId={props.deal.id} />;
    case 'positions':
      return <PositionsPage dealId={props.deal.id} />;
    case 'users':
      return <UsersPage />;
  }
}
