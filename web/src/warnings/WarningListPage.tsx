import type { WarningList } from '@shared/schemas/warnings';
import { periodOf, previousPeriod } from '@shared/periods';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useWarningAction, useWarningList, useWarningSummaries } from '../api/cycle';
import { useMe, useUnit } from '../api/queries';
import { useUnitReader } from '../app/useUnitReader';
import { isLang, type Lang } from '../i18n';
import { formatDate, formatDateTime, ltr, pickName } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { ErrorNote, PageSpinner } from '../ui/states';
import { reasonLabel } from '../money/reason';
import '../reports/reports.css';

type ListUnit = WarningList['units'][number];

/** The week's warning list: drawn from the record, reviewed (never silently), published and frozen, compared with last week. */
export default function WarningListPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme, today } = useProgrammeContext();
  const navigate = useNavigate();
  const me = useMe();
  const { message } = App.useApp();
  const summaries = useWarningSummaries(programme.id);
  const unitReader = useUnitReader(programme.id);
  const lastDue = today ? previousPeriod(periodOf(today, programme.cadence)).key : undefined;
  // The lists this reader may open are those the summaries name (a unit's readers: the published
  // ones); a period without one is not asked for. By default: the latest the reader may open.
  const known = summaries.data ?? [];
  const period = useParams().period ?? known[0]?.period ?? (unitReader ? undefined : lastDue);
  const exists = known.some((s) => s.period === period);
  const list = useWarningList(programme.id, exists ? period : undefined);
  const act = useWarningAction(programme.id);
  const [removing, setRemoving] = useState<ListUnit | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const reviewer = (me.data?.roles ?? []).some(
    (r) =>
      ['standing', 'steering', 'admin'].includes(r.role) && (r.programmeId ?? programme.id) === programme.id,
  );
  const base = `/p/${programme.id}`;

  const run = async (path: string, method: 'POST' | 'PATCH' = 'POST', body?: unknown) => {
    try {
      await act.mutateAsync({ path, method, body });
      return true;
    } catch (e) {
      void message.error((e as Error).message);
      return false;
    }
  };

  const periods = [...new Set([...(lastDue && !unitReader ? [lastDue] : []), ...known.map((s) => s.period)])]
    .sort()
    .reverse();
  const notFound =
    (summaries.isSuccess && !exists) ||
    (list.isError && list.error instanceof ApiError && list.error.status === 404);

  if (summaries.isPending) return <PageSpinner />;
  if (summaries.isError)
    return <ErrorNote error={summaries.error} onRetry={() => void summaries.refetch()} />;

  return (
    <div data-testid="warnings">
      <Typography.Title level={3}>{t('warnings.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('warnings.period')}</span>
        <Select
          value={period}
          style={{ width: 200 }}
          data-testid="warning-period"
          onChange={(p) => navigate(`${base}/warnings/${p}`)}
          options={periods.map((p) => {
            const s = summaries.data?.find((x) => x.period === p);
            return {
              value: p,
              label: `${ltr(p)}${s ? ` · ${t(`warnings.status.${s.status}`)} · ${s.unitCount}` : ''}`,
            };
          })}
        />
      </Space>
      {list.isLoading && <PageSpinner />}
      {notFound && (
        <Card>
          <Typography.Paragraph>
            {!period
              ? t('unitScreens.noPublished')
              : reviewer
                ? t('warnings.none')
                : t('unitScreens.notDrawn', { period: ltr(period) })}
          </Typography.Paragraph>
          {reviewer && period && (
            <Button
              type="primary"
              data-testid="compute-warnings"
              loading={act.isPending}
              onClick={() =>
                void run('/warning-lists/compute', 'POST', { programmeId: programme.id, period })
              }
            >
              {t('warnings.compute', { period: ltr(period) })}
            </Button>
          )}
        </Card>
      )}
      {list.isError && !notFound && <ErrorNote error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && unitReader && <UnitStanding l={list.data} unitId={unitReader.unitId} lang={lang} />}
      {list.data && (
        <ListView
          l={list.data}
          lang={lang}
          note={note}
          setNote={setNote}
          busy={act.isPending}
          onRedraw={() =>
            void run('/warning-lists/compute', 'POST', {
              programmeId: programme.id,
              period: list.data!.period,
            })
          }
          onSaveNote={() =>
            void run(`/warning-lists/${list.data!.id}`, 'PATCH', { note: note || null }).then(() =>
              setNote(null),
            )
          }
          onPublish={() => void run(`/warning-lists/${list.data!.id}/publish`)}
          onRemove={(u) => {
            setRemoving(u);
            setReason('');
          }}
          onRestore={(u) => void run(`/warning-lists/${list.data!.id}/units/${u.unit.id}/restore`)}
          onUnitNote={(u, note) =>
            void run(`/warning-lists/${list.data!.id}/units/${u.unit.id}`, 'PATCH', {
              note: note.trim() || null,
            })
          }
        />
      )}
      <Modal
        open={removing !== null}
        title={removing ? t('warnings.removeTitle', { unit: removing.unit.name }) : ''}
        onCancel={() => setRemoving(null)}
        okText={t('warnings.remove')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), 'data-testid': 'confirm-remove' } as never}
        onOk={() =>
          void run(`/warning-lists/${list.data!.id}/units/${removing!.unit.id}/remove`, 'POST', {
            reason,
          }).then((ok) => ok && setRemoving(null))
        }
      >
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('warnings.removeReason')}
          data-testid="remove-reason"
        />
      </Modal>
    </div>
  );
}

/** Where the reader's own unit stands on the list: listed (and why) or not. */
function UnitStanding(props: { l: WarningList; unitId: number; lang: Lang }) {
  const { t } = useTranslation();
  const unit = useUnit(props.unitId);
  const row = props.l.units.find((u) => u.unit.id === props.unitId && !u.removed && u.reasons.length > 0);
  const name = row?.unit.name ?? (unit.data ? pickName(unit.data.name, props.lang) : '');
  if (!name) return null;
  const period = ltr(props.l.period);
  return (
    <Alert
      style={{ marginBottom: 12 }}
      type={row ? 'warning' : 'success'}
      showIcon
      data-testid="warning-my-unit"
      title={t(row ? 'unitScreens.myUnitListed' : 'unitScreens.myUnitNotListed', { unit: name, period })}
      description={
        row ? (
          <Space size={4} wrap>
            {row.reasons.map((r) => (
              <Tag key={r.code}>{reasonLabel(t, r, props.lang, 'warnings')}</Tag>
            ))}
          </Space>
        ) : undefined
      }
    />
  );
}

function ListView(props: {
  l: WarningList;
  lang: Lang;
  note: string | null;
  setNote: (s: string | null) => void;
  busy: boolean;
  onRedraw: () => void;
  onSaveNote: () => void;
  onPublish: () => void;
  onRemove: (u: ListUnit) => void;
  onRestore: (u: ListUnit) => void;
  onUnitNote: (u: ListUnit, note: string) => void;
}) {
  const { t } = useTranslation();
  const { programme } = useProgrammeContext();
  const { l, lang } = props;
  const zone = programme.timeZone;
  const listed = l.units.filter((u) => !u.removed && u.reasons.length > 0);
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Tag color={l.status === 'published' ? 'blue' : 'gold'} data-testid="warning-status">
            {t(`warnings.status.${l.status}`)}
          </Tag>
          <b data-testid="warning-count">{t('warnings.units', { count: listed.length })}</b>
          <Typography.Text type="secondary">{t('truthI18n.rank')}</Typography.Text>
          <Typography.Text type="secondary">
            {t('warnings.drawn', {
              asOf: formatDate(l.asOf, lang),
              due: formatDateTime(l.dueAt, lang, zone),
            })}
          </Typography.Text>
          {l.publishedAt && (
            <Typography.Text type="secondary">
              {t('warnings.published', {
                at: formatDateTime(l.publishedAt, lang, zone),
                by: l.publishedBy ?? '',
              })}
            </Typography.Text>
          )}
        </Space>
        {l.can.review && (
          <Space wrap style={{ marginTop: 8, display: 'flex' }}>
            <Button onClick={props.onRedraw} loading={props.busy} data-testid="recompute-warnings">
              {t('warnings.recompute')}
            </Button>
            <Popconfirm
              title={t('warnings.publishConfirm')}
              onConfirm={props.onPublish}
              okButtonProps={{ 'data-testid': 'confirm-publish' } as never}
            >
              <Button type="primary" data-testid="publish-warnings">
                {t('warnings.publish')}
              </Button>
            </Popconfirm>
          </Space>
        )}
        {(l.note || l.can.review) && (
          <div style={{ marginTop: 8 }}>
            <Typography.Text strong>{t('warnings.note')}</Typography.Text>
            {l.can.review ? (
              <Space.Compact style={{ width: '100%' }}>
                <Input.TextArea
                  autoSize
                  value={props.note ?? l.note ?? ''}
                  onChange={(e) => props.setNote(e.target.value)}
                />
                <Button onClick={props.onSaveNote} disabled={props.note === null}>
                  {t('warnings.saveNote')}
                </Button>
              </Space.Compact>
            ) : (
              <Typography.Paragraph>{l.note}</Typography.Paragraph>
            )}
          </div>
        )}
      </Card>
      {l.compare && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          data-testid="warning-compare"
          title={t('warnings.compare', { period: ltr(l.compare.previousPeriod) })}
          description={
            <Space direction="vertical">
              <span>
                {t('warnings.joined')}:{' '}
                {l.compare.joined.length
                  ? l.compare.joined.map((u) => (
                      <Tag color="red" key={u.id}>
                        {u.name}
                      </Tag>
                    ))
                  : '—'}
              </span>
              <span>
                {t('warnings.left')}:{' '}
                {l.compare.left.length
                  ? l.compare.left.map((u) => (
                      <Tag color="green" key={u.id}>
                        {u.name}
                      </Tag>
                    ))
                  : '—'}
              </span>
              <span>{t('warnings.stayed', { count: l.compare.stayed })}</span>
            </Space>
          }
        />
      )}
      <Table<ListUnit>
        className="warnings-table"
        size="small"
        rowKey={(u) => u.unit.id}
        pagination={false}
        dataSource={l.units.filter((u) => u.removed || u.reasons.length > 0)}
        locale={{ emptyText: t('warnings.empty') }}
        rowClassName={(u) => (u.removed ? 'is-removed' : '')}
        expandable={{
          rowExpandable: (u) =>
            u.reasons.some((r) => r.code === 'overdue_tasks' || r.code === 'recommendations_overdue'),
          expandedRowRender: (u) => (
            <ul style={{ margin: 0 }}>
              {u.reasons.flatMap((r) =>
                r.code === 'overdue_tasks'
                  ? [
                      ...r.items.map((i) => (
                        <li key={i.taskId}>
                          <Link to={`/p/${programme.id}/tasks/${i.taskId}`}>
                            {i.code} {i.title}
                          </Link>{' '}
                          — {formatDate(i.deadline, lang)} ({t('warnings.daysLate', { count: i.daysOverdue })}
                          )
                        </li>
                      )),
                      ...(r.count > r.items.length
                        ? [
                            <li key="more">
                              <Link
                                to={`/p/${programme.id}/tasks?unitId=${u.unit.id}&unitRole=lead&state=overdue&asOf=${l.asOf}`}
                              >
                                {t('warnings.more', { count: r.count - r.items.length })}
                              </Link>
                            </li>,
                          ]
                        : []),
                    ]
                  : r.code === 'recommendations_overdue'
                    ? r.items.map((i) => (
                        <li key={`r${i.recommendationId}`} data-testid="warning-recommendation">
                          <Link to={`/p/${programme.id}/recommendations/${i.recommendationId}`}>
                            {i.fromCode}: {i.content}
                          </Link>{' '}
                          — {formatDate(i.dueOn, lang)} ({t('warnings.daysLate', { count: i.daysOverdue })})
                        </li>
                      ))
                    : [],
              )}
            </ul>
          ),
        }}
        columns={[
          {
            title: t('warnings.unit'),
            key: 'unit',
            render: (_, u) => (
              <span
                data-testid={`warning-unit-${u.unit.code}`}
                style={u.removed ? { textDecoration: 'line-through' } : undefined}
              >
                {u.unit.name}
              </span>
            ),
          },
          {
            title: t('warnings.reasonsCol'),
            key: 'reasons',
            render: (_, u) => (
              <Space size={4} wrap>
                {u.reasons.map((r) => (
                  <Tag
                    key={r.code}
                    color={
                      r.code === 'overdue_tasks'
                        ? 'red'
                        : r.code === 'report_missing'
                          ? 'volcano'
                          : r.code === 'report_late'
                            ? 'orange'
                            : r.code === 'recommendations_overdue'
                              ? 'magenta'
                              : 'purple'
                    }
                    data-reason={r.code}
                  >
                    {reasonLabel(t, r, lang, 'warnings')}
                  </Tag>
                ))}
                {u.daysOverdue > 0 && (
                  <Typography.Text type="secondary" data-testid="warning-days-overdue">
                    {t('truthI18n.daysOverdue', { count: u.daysOverdue })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '',
            key: 'streak',
            render: (_, u) =>
              u.streak > 1 ? <Tag color="magenta">{t('warnings.streak', { count: u.streak })}</Tag> : null,
          },
          {
            title: t('warnings.unitNote'),
            key: 'note',
            render: (_, u) =>
              u.removed ? (
                <Typography.Text type="secondary">
                  {t('warnings.removed', { reason: u.removed.reason, by: u.removed.by ?? '' })}
                </Typography.Text>
              ) : l.can.review ? (
                <Typography.Text
                  editable={{ onChange: (v) => v !== (u.note ?? '') && props.onUnitNote(u, v) }}
                >
                  {u.note ?? ''}
                </Typography.Text>
              ) : (
                u.note
              ),
          },
          ...(l.can.review
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, u: ListUnit) =>
                    u.removed ? (
                      <Button size="small" onClick={() => props.onRestore(u)}>
                        {t('warnings.restore')}
                      </Button>
                    ) : (
                      <Button
                        size="small"
                        danger
                        onClick={() => props.onRemove(u)}
                        data-testid={`remove-${u.unit.code}`}
                      >
                        {t('warnings.remove')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
