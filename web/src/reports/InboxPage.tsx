import { Alert, App, Button, Card, Col, List, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { periodOf } from '@shared/periods';
import { openReport, useAdjustments, useCompletions, useReports } from '../api/cycle';
import { useMe, useTaskList, useUnit } from '../api/queries';
import { isLang, type Lang } from '../i18n';
import { formatDate, formatDateTime, ltr } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { StateTag } from '../ui/StateTag';
import { ReportStatusTag } from './labels';

const UNIT_ROLES = ['unit_leader', 'unit_officer'];
const PROGRAMME_ROLES = ['standing', 'steering', 'admin'];

/** A unit's week: what to report, what was returned, what waits for the leader, what falls due soon. */
export default function InboxPage() {
  const { t } = useTranslation();
  const { programme, today } = useProgrammeContext();
  const me = useMe();
  const roles = me.data?.roles ?? [];
  const unitIds = [
    ...new Set(
      roles
        .filter(
          (r) =>
            UNIT_ROLES.includes(r.role) &&
            r.unitId !== null &&
            (r.programmeId ?? programme.id) === programme.id,
        )
        .map((r) => r.unitId!),
    ),
  ];
  const leaderOf = new Set(roles.filter((r) => r.role === 'unit_leader').map((r) => r.unitId));
  const wide = roles.some(
    (r) => PROGRAMME_ROLES.includes(r.role) && (r.programmeId ?? programme.id) === programme.id,
  );
  const period = today ? periodOf(today, programme.cadence) : null;

  return (
    <div data-testid="inbox">
      <Typography.Title level={3}>{t('inbox.title')}</Typography.Title>
      {period && (
        <Typography.Paragraph type="secondary">
          {t('inbox.period', { period: ltr(period.key) })}
        </Typography.Paragraph>
      )}
      {wide && <ProgrammeWork programmeId={programme.id} period={period?.key} />}
      {!unitIds.length && !wide && <Alert type="info" title={t('inbox.noUnits')} />}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {period &&
          unitIds.map((id) => (
            <UnitWeek key={id} unitId={id} period={period.key} leader={leaderOf.has(id)} today={today!} />
          ))}
      </Space>
    </div>
  );
}

function UnitWeek({
  unitId,
  period,
  leader,
  today,
}: {
  unitId: number;
  period: string;
  leader: boolean;
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const unit = useUnit(unitId);
  const reports = useReports({ programmeId: programme.id, unitId });
  const base = `/p/${programme.id}`;
  const thisWeek = reports.data?.find((r) => r.period === period);
  const returned = reports.data?.filter((r) => r.status === 'returned') ?? [];
  const waiting = reports.data?.filter((r) => r.status === 'submitted') ?? [];
  const in14 = new Date(Date.parse(`${today}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
  const due = useTaskList({
    programmeId: programme.id,
    unitId,
    deadlineFrom: today,
    deadlineTo: in14,
    state: ['in_progress', 'not_started'],
    sort: 'deadline',
  });
  const name = unit.data
    ? lang === 'vi'
      ? unit.data.name.vi
      : unit.data.name[lang] || unit.data.name.vi
    : '…';

  async function start() {
    try {
      const r = await openReport({ programmeId: programme.id, unitId, period });
      navigate(`${base}/reports/${r.id}`);
    } catch (e) {
      void message.error((e as Error).message);
    }
  }

  return (
    <Card title={name} data-testid={`unit-week-${unitId}`}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('inbox.period', { period: ltr(period) })}</Typography.Title>
          <Space wrap>
            <ReportStatusTag status={thisWeek?.status ?? 'none'} />
            {thisWeek ? (
              <Button
                type="primary"
                onClick={() => navigate(`${base}/reports/${thisWeek.id}`)}
                data-testid="open-report"
              >
                {t('inbox.continue')}
              </Button>
            ) : (
              <Button type="primary" onClick={() => void start()} data-testid="open-report">
                {t('inbox.open')}
              </Button>
            )}
          </Space>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('inbox.returned')}
          </Typography.Title>
          <List
            size="small"
            locale={{ emptyText: t('inbox.returnedNone') }}
            dataSource={returned}
            renderItem={(r) => (
              <List.Item>
                <Link to={`${base}/reports/${r.id}`}>{r.period}</Link> <ReportStatusTag status={r.status} />
              </List.Item>
            )}
          />
          {leader && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('inbox.toApprove')}
              </Typography.Title>
              <List
                size="small"
                data-testid="approval-queue"
                locale={{ emptyText: t('inbox.toApproveNone') }}
                dataSource={waiting}
                renderItem={(r) => (
                  <List.Item>
                    <Link to={`${base}/reports/${r.id}`}>
                      {r.period} — {r.unit.name}
                    </Link>
                    <span>
                      {r.submittedAt ? formatDateTime(r.submittedAt, lang, programme.timeZone) : ''}
                    </span>
                  </List.Item>
                )}
              />
            </>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('inbox.dueSoon')}</Typography.Title>
          <List
            size="small"
            loading={due.isPending}
            locale={{ emptyText: t('inbox.dueSoonNone') }}
            dataSource={due.data?.pages[0]?.items.slice(0, 10) ?? []}
            renderItem={(task) => (
              <List.Item>
                <Link to={`${base}/tasks/${task.id}`}>
                  {task.code} {task.title}
                </Link>
                <Space>
                  <StateTag state={task.state} />
                  {formatDate(task.deadline, lang)}
                </Space>
              </List.Item>
            )}
          />
        </Col>
      </Row>
    </Card>
  );
}

function ProgrammeWork({ programmeId, period }: { programmeId: number; period: string | undefined }) {
  const { t } = useTranslation();
  const adjustments = useAdjustments({ programmeId, status: 'pending' });
  const completions = useCompletions({ programmeId, status: 'pending' });
  const received = useReports({ programmeId, period }, Boolean(period));
  const base = `/p/${programmeId}`;
  return (
    <Card title={t('inbox.programme')} style={{ marginBottom: 16 }}>
      <Space size="large" wrap>
        <Link to={`${base}/requests`}>
          {t('inbox.pendingAdjustments')}:{' '}
          <b data-testid="pending-adjustments">{adjustments.data?.length ?? '…'}</b>
        </Link>
        <Link to={`${base}/requests?tab=completions`}>
          {t('inbox.pendingCompletions')}: <b>{completions.data?.length ?? '…'}</b>
        </Link>
        <Link to={`${base}/discipline`}>
          {t('inbox.submittedReports')}: <b>{received.data?.length ?? '…'}</b>
        </Link>
        <Link to={`${base}/warnings`}>{t('nav.warnings')}</Link>
      </Space>
    </Card>
  );
}
