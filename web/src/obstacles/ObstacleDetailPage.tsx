import type { Obstacle } from '@shared/schemas/obstacles';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Modal, Space, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useAsOf, withAsOf } from '../app/useAsOf';
import { isLang, type Lang } from '../i18n';
import { formatDate, formatDateTime, ltr } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { TaskSelect } from '../tasks/TaskSelect';
import { UnitSelect } from '../tasks/UnitSelect';
import { showServerErrors } from '../ui/serverErrors';
import { ErrorNote, PageSpinner } from '../ui/states';
import { useRegisterWrite } from './api';
import { ObstacleFields } from './ObstacleFields';
import { MoveObstacle, STATUS_COLOR } from './ObstaclesPage';

/** One obstacle: what it is, who raised it and who owns it, its tasks, its history of status, edit and move on. */
export default function ObstacleDetailPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const { obstacleId } = useParams();
  const [asOf] = useAsOf();
  const [dialog, setDialog] = useState<'edit' | 'status' | null>(null);
  const q = useQuery({
    queryKey: ['obstacles', 'one', obstacleId, asOf],
    queryFn: ({ signal }) => api<Obstacle>(`/obstacles/${obstacleId}`, { query: { asOf }, signal }),
  });
  if (q.isPending) return <PageSpinner />;
  if (q.error) return <ErrorNote error={q.error} />;
  const o = q.data;
  return (
    <div data-testid="obstacle-detail">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3}>
          <Link to={withAsOf(`/p/${programme.id}/obstacles`, asOf)}>{t('obstacles.title')}</Link> / {o.title}
        </Typography.Title>
        <Space>
          {o.can.edit && (
            <Button onClick={() => setDialog('edit')} data-testid="obstacle-edit">
              {t('registerScreens.edit')}
            </Button>
          )}
          {o.can.setStatus && (
            <Button type="primary" onClick={() => setDialog('status')} data-testid="obstacle-move">
              {t('obstacles.setStatus')}
            </Button>
          )}
        </Space>
      </Space>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('obstacles.statusCol')}>
            <Tag color={STATUS_COLOR[o.status]} data-testid="obstacle-status">
              {t(`obstacles.status.${o.status}`)}
            </Tag>
            {o.overdue && <Tag color="red">{t('obstacles.overdueTag')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('obstacles.categoryCol')}>
            {t(`obstacles.category.${o.category}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('obstacles.severityCol')}>
            {t(`obstacles.severity.${o.severity}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('obstacles.raisedBy')}>
            <Link to={withAsOf(`/p/${programme.id}/units/${o.raisedBy.id}`, asOf)}>{o.raisedBy.name}</Link>
            {o.fromReport && (
              <Typography.Text type="secondary">
                {' '}
                · {t('registerScreens.obstacle.fromReport', { period: o.fromReport.period })}
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('obstacles.owner')}>
            <Link to={withAsOf(`/p/${programme.id}/units/${o.owner.id}`, asOf)}>{o.owner.name}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('registerScreens.obstacle.raisedOn')}>
            {formatDate(o.raisedOn, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('obstacles.dueOn')}>{formatDate(o.dueOn, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('registerScreens.obstacle.tasks')}>
            {o.tasks.length
              ? o.tasks.map((x) => (
                  <Link
                    key={x.id}
                    to={withAsOf(`/p/${programme.id}/tasks/${x.id}`, asOf)}
                    style={{ marginInlineEnd: 8 }}
                  >
                    {ltr(x.code)}
                  </Link>
                ))
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('registerScreens.obstacle.units')}>
            {o.units.map((u) => u.name).join(', ') || '—'}
          </Descriptions.Item>
        </Descriptions>
        {o.description && (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{o.description}</Typography.Paragraph>
        )}
        {o.resolution && (
          <Alert
            type="success"
            showIcon
            title={t('obstacles.resolution')}
            description={o.resolution}
            data-testid="obstacle-resolution-view"
          />
        )}
      </Card>
      <Card size="small" title={t('registerScreens.obstacle.history')} style={{ marginTop: 12 }}>
        <Timeline
          items={o.history.map((h) => ({
            color: STATUS_COLOR[h.status],
            content: (
              <span>
                <b>{t(`obstacles.status.${h.status}`)}</b> · {formatDate(h.effectiveOn, lang)}
                {h.actor ? ` · ${h.actor}` : ''}
                <Typography.Text type="secondary">
                  {' '}
                  ({formatDateTime(h.at, lang, programme.timeZone)})
                </Typography.Text>
                {h.note ? <div>{h.note}</div> : null}
              </span>
            ),
          }))}
        />
      </Card>
      {dialog === 'edit' && <EditObstacle obstacle={o} onClose={() => setDialog(null)} />}
      {dialog === 'status' && <MoveObstacle obstacle={o} onClose={() => setDialog(null)} />}
    </div>
  );
}

type EditForm = {
  title: string;
  description: string;
  category: string;
  severity: string;
  dueOn: Dayjs | null;
};

/** Changes what an obstacle says, its owner, due day and tasks; the status moves on through its own dialog. */
function EditObstacle({ obstacle: o, onClose }: { obstacle: Obstacle; onClose: () => void }) {
  const { t } = useTranslation();
  const write = useRegisterWrite();
  const [form] = Form.useForm<EditForm>();
  const [owner, setOwner] = useState<number | undefined>(o.owner.id);
  const [taskIds, setTaskIds] = useState<number[]>(o.tasks.map((x) => x.id));
  const [error, setError] = useState<string | null>(null);
  const fields = ['title', 'description', 'category', 'severity', 'dueOn'];
  const submit = async (v: EditForm) => {
    setError(null);
    try {
      await write.mutateAsync({
        path: `/obstacles/${o.id}`,
        method: 'PATCH',
        body: {
          version: o.version,
          title: v.title,
          description: v.description ?? '',
          category: v.category,
          severity: v.severity,
          ownerUnitId: owner,
          dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
          taskIds,
        },
      });
      onClose();
    } catch (e) {
      setError(showServerErrors(form, e, fields));
    }
  };
  return (
    <Modal
      open
      title={t('registerScreens.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: write.isPending, 'data-testid': 'obstacle-edit-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          title: o.title,
          description: o.description,
          category: o.category,
          severity: o.severity,
          dueOn: o.dueOn ? dayjs(o.dueOn) : null,
        }}
      >
        {error && <Alert type="error" showIcon description={error} style={{ marginBottom: 12 }} />}
        <ObstacleFields />
        <Form.Item label={t('obstacles.owner')} required>
          <UnitSelect value={owner} onChange={setOwner} />
        </Form.Item>
        <Form.Item label={t('registerScreens.obstacle.tasks')}>
          <TaskSelect
            programmeId={o.programmeId}
            value={taskIds}
            onChange={setTaskIds}
            multiple
            known={o.tasks}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
