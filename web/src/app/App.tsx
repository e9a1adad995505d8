import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { setUnauthorizedHandler } from '../api/client';
import { useMe, useProgrammes } from '../api/queries';
import { SignInPage } from '../auth/SignInPage';
import { AppLayout } from '../layout/AppLayout';
import { Empty, PageSpinner, NotFound } from '../ui/states';
import { Providers } from './Providers';
import { useTranslation } from 'react-i18next';

// Pages load on demand: a commune on a slow line downloads the shell and the page it opens.
const OverviewPage = lazy(() => import('../overview/OverviewPage'));
const CockpitPage = lazy(() => import('../cockpit/CockpitPage'));
const PublicIndexPage = lazy(() => import('../public/PublicIndexPage'));
const PublicProgrammePage = lazy(() => import('../public/PublicProgrammePage'));
const PublicationSettingsPage = lazy(() => import('../public/PublicationSettingsPage'));
const BriefsPage = lazy(() => import('../briefs/BriefsPage'));
const EvaluationPage = lazy(() => import('../evaluation/EvaluationPage'));
const InspectionPage = lazy(() => import('../inspection/InspectionPage'));
const TaskListPage = lazy(() => import('../tasks/TaskListPage'));
const TaskDetailPage = lazy(() => import('../tasks/TaskDetailPage'));
const DraftTasksPage = lazy(() => import('../directives/DraftTasksPage'));
const TaskFormPage = lazy(() => import('../tasks/TaskFormPage'));
const DelegatePage = lazy(() => import('../tasks/DelegatePage'));
const UnitTreePage = lazy(() => import('../units/UnitTreePage'));
const InboxPage = lazy(() => import('../reports/InboxPage'));
const ReportFormPage = lazy(() => import('../reports/ReportFormPage'));
const DisciplinePage = lazy(() => import('../reports/DisciplinePage'));
const WarningListPage = lazy(() => import('../warnings/WarningListPage'));
const RequestsPage = lazy(() => import('../adjustments/RequestsPage'));
const OutboxPage = lazy(() => import('../notifications/OutboxPage'));
const ServiceRecordsPage = lazy(() => import('../records/ServiceRecordsPage'));
const ObjectivesPage = lazy(() => import('../indicators/ObjectivesPage'));
const ValuesEntryPage = lazy(() => import('../indicators/ValuesEntryPage'));
const MoneyPage = lazy(() => import('../money/MoneyPage'));
const PlanDetailPage = lazy(() => import('../money/PlanDetailPage'));
const ObstaclesPage = lazy(() => import('../obstacles/ObstaclesPage'));
const ObstacleDetailPage = lazy(() => import('../obstacles/ObstacleDetailPage'));
const UnitPage = lazy(() => import('../units/UnitPage'));
const RecommendationsPage = lazy(() => import('../recommendations/RecommendationsPage'));
const PilotsPage = lazy(() => import('../pilots/PilotsPage'));
const CriteriaPage = lazy(() => import('../criteria/CriteriaPage'));
const CataloguePage = lazy(() => import('../catalogue/CataloguePage'));
const PeoplePage = lazy(() => import('../people/PeoplePage'));
const AccountLinkPage = lazy(() => import('../auth/AccountLinkPage'));

export function App() {
  return (
    <Providers>
      <BrowserRouter>
        <Root />
      </BrowserRouter>
    </Providers>
  );
}

/** The public pages need no sign-in; everything else sits behind it. */
function Root() {
  const { pathname } = useLocation();
  if (pathname === '/public' || pathname.startsWith('/public/'))
    return (
      <Suspense fallback={<PageSpinner />}>
        <Routes>
          <Route path="/public" element={<PublicIndexPage />} />
          <Route path="/public/:slug" element={<PublicProgrammePage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    );
  // The one-time links of invitations and password resets open without a session.
  if (pathname.startsWith('/invite/') || pathname.startsWith('/password/'))
    return (
      <Suspense fallback={<PageSpinner />}>
        <Routes>
          <Route path="/invite/:token" element={<AccountLinkPage purpose="invite" />} />
          <Route path="/password/:token" element={<AccountLinkPage purpose="reset" />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    );
  return <Shell />;
}

function Shell() {
  const me = useMe();
  const qc = useQueryClient();
  useEffect(() => setUnauthorizedHandler(() => qc.setQueryData(['me'], null)), [qc]);

  if (me.isPending) return <PageSpinner />;
  if (!me.data) return <SignInPage />;
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route path="/" element={<FirstProgramme />} />
        <Route path="/p/:programmeId" element={<AppLayout />}>
          <Route index element={<OverviewPage />} />
          <Route path="cockpit" element={<CockpitPage />} />
          <Route path="tasks" element={<TaskListPage />} />
          <Route path="tasks/new" element={<TaskFormPage />} />
          <Route path="tasks/:taskId" element={<TaskDetailPage />} />
          <Route path="directives/:id/draft-tasks" element={<DraftTasksPage />} />
          <Route path="tasks/:taskId/edit" element={<TaskFormPage />} />
          <Route path="tasks/:taskId/delegate" element={<DelegatePage />} />
          <Route path="units" element={<UnitTreePage />} />
          <Route path="units/:unitId" element={<UnitPage />} />
          <Route path="inbox" element={<InboxPage />} />
          <Route path="reports/:reportId" element={<ReportFormPage />} />
          <Route path="discipline" element={<DisciplinePage />} />
          <Route path="warnings" element={<WarningListPage />} />
          <Route path="warnings/:period" element={<WarningListPage />} />
          <Route path="requests" element={<RequestsPage />} />
          <Route path="outbox" element={<OutboxPage />} />
          <Route path="obstacles" element={<ObstaclesPage />} />
          <Route path="obstacles/:obstacleId" element={<ObstacleDetailPage />} />
          <Route path="recommendations/:recommendationId?" element={<RecommendationsPage />} />
          <Route path="pilots" element={<PilotsPage />} />
          <Route path="criteria" element={<CriteriaPage />} />
          <Route path="catalogue" element={<CataloguePage />} />
          <Route path="people" element={<PeoplePage />} />
          <Route path="publication" element={<PublicationSettingsPage />} />
          <Route path="briefs" element={<BriefsPage />} />
          <Route path="evaluation" element={<EvaluationPage />} />
          <Route path="inspection" element={<InspectionPage />} />
          <Route path="service-records" element={<ServiceRecordsPage />} />
          <Route path="okrs" element={<ObjectivesPage />} />
          <Route path="kpi-entry" element={<ValuesEntryPage />} />
          <Route path="money" element={<MoneyPage />} />
          <Route path="money/plans/:planId" element={<PlanDetailPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}

/** Opens the first programme the user may see. */
function FirstProgramme() {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  if (programmes.isPending) return <PageSpinner />;
  const first = programmes.data?.find((p) => !p.archivedAt);
  if (!first) return <Empty text={t('common.noProgramme')} />;
  return <Navigate to={`/p/${first.id}`} replace />;
}
