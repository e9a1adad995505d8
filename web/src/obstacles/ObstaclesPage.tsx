import { DownloadOutlined } from '@ant-design/icons';
import type { Obstacle } from '@shared/schemas/obstacles';
import { toQueryString } from '../api/client';
import { OBSTACLE_CATEGORIES, OBSTACLE_STATUSES } from '@shared/registers';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAsOf } from '../app/useAsOf';
import { isLang } from '../i18n';
import { formatDate } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { UnitSelect } from '../tasks/UnitSelect';
import { SheetImport } from '../ui/SheetImport';
import { ErrorNote, PageSpinner } from '../ui/states';
import { useObstacles, useObstacleSummary, useRegisterWrite } from './api';
import { ObstacleFields } from './ObstacleFields';

export const STATUS_COLOR: Record<string, string> = {
  open: 'red',
  in_progress: 'blue',
  escalated: 'magenta',
  resolved: 'green',
};

/** The obstacle register: counts by category and status, the overdue ones named, the list, raise and move on. */
export default function ObstaclesPage() {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const [asOf] = useAsOf();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const category = params.get('category') ?? undefined;
  const q = { programmeId: programme.id, asOf, status, category };
  const list = useObstacles(q);
  const summary = useObstacleSummary({ programmeId: programme.id, asOf });
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [moving, setMoving] = useState<Obstacle | null>(null);
  const setFilter = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };
  if (list.isLoading || summary.isLoading) return <PageSpinner />;
  if (list.error) return <ErrorNote error={list.error} />;
  const s = summary.data;
  return (
    <div data-testid="obstacles">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3}>{t('obstacles.title')}</Typography.Title>
        <Space>
          <Button
            icon={<DownloadOutlined />}
            href={`/api/v1/obstacles/export.xlsx${toQueryString(q)}`}
            download
          >
            {t('obstacles.export')}
          </Button>
          <Button type="primary" onClick={() => setCreating(true)} data-testid="obstacle-new">
            {t('obstacles.new')}
          </Button>
        </Space>
      </Space>
      {s && (
        <Space align="start" wrap style={{ marginBottom: 12 }}>
          <Card
            size="small"
            title={t('obstacles.summary', { count: s.total })}
            data-testid="obstacle-summary"
          >
            <Table
              size="small"
              pagination={false}
              rowKey="category"
              dataSource={s.matrix}
              columns={[
                {
                  title: t('obstacles.categoryCol'),
                  key: 'c',
                  render: (_, m) => t(`obstacles.category.${m.category}`),
                },
                ...OBSTACLE_STATUSES.map((st) => ({
                  title: t(`obstacles.status.${st}`),
                  key: st,
                  align: 'end' as const,
                  render: (_: unknown, m: (typeof s.matrix)[number]) => m.byStatus[st] ?? 0,
                })),
                { title: t('obstacles.total'), key: 't', align: 'end' as const, render: (_, m) => m.total },
              ]}
            />
          </Card>
          <Card
            size="small"
            title={t('obstacles.overdue', { count: s.overdue.length })}
            data-testid="obstacle-overdue"
          >
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {s.overdue.slice(0, 10).map((o) => (
                <li key={o.id}>
                  {o.title} — {o.owner.name} ({t('obstacles.daysLate', { count: o.daysOverdue })})
                </li>
              ))}
            </ul>
          </Card>
        </Space>
      )}
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          allowClear
          placeholder={t('obstacles.statusCol')}
          style={{ minWidth: 160 }}
          value={status}
          onChange={(v) => setFilter('status', v)}
          options={OBSTACLE_STATUSES.map((x) => ({ value: x, label: t(`obstacles.status.${x}`) }))}
        />
        <Select
          allowClear
          placeholder={t('obstacles.categoryCol')}
          style={{ minWidth: 200 }}
          value={category}
          onChange={(v) => setFilter('category', v)}
          options={OBSTACLE_CATEGORIES.map((x) => ({ value: x, label: t(`obstacles.category.${x}`) }))}
        />
      </Space>
      <Table
        size="small"
        rowKey="id"
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50 }}
        rowClassName={(o) => (String(o.id) === params.get('id') ? 'ant-table-row-selected' : '')}
        columns={[
          {
            title: t('obstacles.titleCol'),
            key: 'title',
            render: (_, o) => (
              <div data-testid={`obstacle-${o.id}`}>
                <div>
                  <Link to={`/p/${programme.id}/obstacles/${o.id}${toQueryString({ asOf })}`}>{o.title}</Link>
                </div>
                {o.tasks.map((x) => (
                  <Link key={x.id} to={`/p/${programme.id}/tasks/${x.id}`} style={{ marginInlineEnd: 8 }}>
                    {x.code}
                  </Link>
                ))}
                {o.resolution && (
                  <div>
                    <Typography.Text type="secondary">{o.resolution}</Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: t('obstacles.categoryCol'),
            key: 'cat',
            render: (_, o) => t(`obstacles.category.${o.category}`),
          },
          {
            title: t('obstacles.severityCol'),
            key: 'sev',
            render: (_, o) => t(`obstacles.severity.${o.severity}`),
          },
          { title: t('obstacles.raisedBy'), key: 'by', render: (_, o) => o.raisedBy.name },
          { title: t('obstacles.owner'), key: 'owner', render: (_, o) => o.owner.name },
          {
            title: t('obstacles.dueOn'),
            key: 'due',
            render: (_, o) => (
              <span>
                {o.dueOn ? formatDate(o.dueOn, lang) : '—'}{' '}
                {o.overdue && <Tag color="red">{t('obstacles.overdueTag')}</Tag>}
              </span>
            ),
          },
          {
            title: t('obstacles.statusCol'),
            key: 'status',
            render: (_, o) => (
              <Tag color={STATUS_COLOR[o.status]} data-testid="obstacle-status">
                {t(`obstacles.status.${o.status}`)}
              </Tag>
            ),
          },
          {
            key: 'act',
            render: (_, o) =>
              o.can.setStatus && (
                <Button size="small" onClick={() => setMoving(o)} data-testid="obstacle-move">
                  {t('obstacles.setStatus')}
                </Button>
              ),
          },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <SheetImport
          base="/obstacles"
          programmeId={programme.id}
          title={t('registerScreens.importObstacles')}
          testId="obstacles-import"
          onImported={() => {
            void qc.invalidateQueries({ queryKey: ['obstacles'] });
            void qc.invalidateQueries({ queryKey: ['obstacles-summary'] });
          }}
        />
      </div>
      {creating && <CreateObstacle programmeId={programme.id} onClose={() => setCreating(false)} />}
      {moving && <MoveObstacle obstacle={moving} onClose={() => setMoving(null)} />}
    </div>
  );
}

type CreateForm = {
  title: string;
  description?: string;
  category: string;
  severity: string;
  ownerUnitId?: number;
  raisedByUnitId?: number;
  dueOn?: Dayjs;
};

/** Raises an obstacle; from a report entry it is linked to the entry's task and unit. */
export function CreateObstacle(props: {
  programmeId: number;
  onClose: () => void;
  onCreated?: (id: number) => void;
  fromReport?: { reportId: number; taskId: number; title: string; description: string };
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useRegisterWrite();
  const [form] = Form.useForm<CreateForm>();
  const [owner, setOwner] = useState<number | undefined>();
  const [raisedBy, setRaisedBy] = useState<number | undefined>();
  const submit = async (v: CreateForm) => {
    try {
      const created = (await write.mutateAsync({
        path: '/obstacles',
        body: {
          programmeId: props.programmeId,
          title: v.title,
          description: v.description ?? '',
          category: v.category,
          severity: v.severity,
          ownerUnitId: owner,
          ...(props.fromReport
            ? { fromReport: { reportId: props.fromReport.reportId, taskId: props.fromReport.taskId } }
            : raisedBy
              ? { raisedByUnitId: raisedBy }
              : {}),
          dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
        },
      })) as Obstacle;
      props.onCreated?.(created.id);
      void message.success(t('obstacles.raised'));
      props.onClose();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={t('obstacles.new')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: write.isPending, 'data-testid': 'obstacle-save' } as never}
      okText={t('obstacles.raise')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          severity: 'medium',
          category: 'other',
          title: props.fromReport?.title,
          description: props.fromReport?.description,
        }}
      >
        <ObstacleFields />
        <Form.Item label={t('obstacles.owner')} required>
          <UnitSelect value={owner} onChange={setOwner} />
        </Form.Item>
        {!props.fromReport && (
          <Form.Item label={t('obstacles.raisedBy')} extra={t('obstacles.raisedByHint')}>
            <UnitSelect value={raisedBy} onChange={setRaisedBy} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function MoveObstacle({ obstacle, onClose }: { obstacle: Obstacle; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useRegisterWrite();
  const [status, setStatus] = useState<string>(obstacle.status === 'open' ? 'in_progress' : 'resolved');
  const [resolution, setResolution] = useState('');
  const send = async () => {
    try {
      await write.mutateAsync({
        path: `/obstacles/${obstacle.id}/status`,
        body: { version: obstacle.version, status, resolution: resolution || null },
      });
      onClose();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={obstacle.title}
      onCancel={onClose}
      onOk={() => void send()}
      okButtonProps={{ loading: write.isPending, 'data-testid': 'obstacle-status-save' } as never}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          value={status}
          onChange={setStatus}
          style={{ minWidth: 200 }}
          data-testid="obstacle-status-select"
          options={OBSTACLE_STATUSES.filter((x) => x !== obstacle.status).map((x) => ({
            value: x,
            label: t(`obstacles.status.${x}`),
          }))}
        />
        {status === 'resolved' && (
          <Input.TextArea
            rows={3}
            placeholder={t('obstacles.resolution')}
            value={resolution}
            onChange={(e) => setResolution(e.target.value)}
            data-testid="obstacle-resolution"
          />
        )}
      </Space>
    </Modal>
  );
}
