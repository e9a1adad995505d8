import { ArrowLeftOutlined, ArrowRightOutlined, EditOutlined, ShareAltOutlined } from '@ant-design/icons';
import type { TaskDetail } from '@shared/schemas/tasks';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  InputNumber,
  Progress,
  Row,
  Space,
  Grid,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { TaskRecurrence } from './TaskRecurrence';
import { ApiError } from '../api/client';
import { useTask, useUpdateTask } from '../api/queries';
import { useAsOf, withAsOf } from '../app/useAsOf';
import { isLang, type Lang } from '../i18n';
import { formatDate, formatDateTime, formatNumber } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { StateTag } from '../ui/StateTag';
import { ErrorNote, PageSpinner } from '../ui/states';
import { TaskRequests } from '../adjustments/TaskRequests';
import './tasks.css';
import { BlockedBy } from '../obstacles/BlockedBy';
import { SubtaskTree } from './SubtaskTree';

/** One task: its "5 clears", its state as of the date viewed, its roadmap, deadline changes and history. */
export default function TaskDetailPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme, today } = useProgrammeContext();
  const id = Number(useParams().taskId);
  const [asOf] = useAsOf();
  const task = useTask(id, asOf);
  const screens = Grid.useBreakpoint();
  const Back = lang === 'ar' ? ArrowRightOutlined : ArrowLeftOutlined;
  const back = (
    <Link to={withAsOf(`/p/${programme.id}/tasks`, asOf)}>
      <Back /> {t('task.back')}
    </Link>
  );

  if (task.isPending) return <PageSpinner />;
  if (task.isError)
    return (
      <>
        {back}
        <ErrorNote error={task.error} onRetry={() => void task.refetch()} />
      </>
    );
  const d = task.data;
  const date = (s: string | null) => formatDate(s, lang);
  const target = [
    d.targetText,
    d.targetValue !== null ? `${formatNumber(d.targetValue, lang, 2)} ${d.targetUnit ?? ''}` : null,
  ]
    .filter(Boolean)
    .join(' — ');

  return (
    <div className="task-detail">
      {back}
      <div className="task-detail__head" style={{ marginTop: 8 }}>
        <Typography.Title level={3} className="task-detail__title" data-testid="task-detail-title">
          <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 400 }}>
            {d.code}
          </Typography.Text>{' '}
          {d.title}
        </Typography.Title>
        <Space wrap>
          <StateTag state={d.state} testId="task-state-tag" />
          {d.daysOverdue ? <Tag color="red">{t('task.daysOverdue', { count: d.daysOverdue })}</Tag> : null}
          {d.escalation?.flaggedAt && (
            <Tag color="magenta" data-testid="escalated">
              {t('task.escalated', { count: d.escalation.reminders })}
            </Tag>
          )}
          <Tag>{t(`kind.${d.kind}`)}</Tag>
          <Tag>{t(`priority.${d.priority}`)}</Tag>
        </Space>
        {!asOf && (d.can.manage || d.can.delegate) && (
          <Space wrap>
            {d.can.manage && (
              <Link to={`/p/${programme.id}/tasks/${d.id}/edit`}>
                <Button icon={<EditOutlined />} data-testid="task-edit">
                  {t('taskForm.edit')}
                </Button>
              </Link>
            )}
            {d.can.delegate && (
              <Link to={`/p/${programme.id}/tasks/${d.id}/delegate`}>
                <Button icon={<ShareAltOutlined />} data-testid="task-delegate">
                  {t('taskForm.delegate')}
                </Button>
              </Link>
            )}
          </Space>
        )}
      </div>

      <BlockedBy task={d} programmeId={programme.id} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('task.fivesClear')}>
            <Descriptions
              column={{ xs: 1, sm: 1, md: 2 }}
              size="small"
              bordered
              layout={screens.sm === false ? 'vertical' : 'horizontal'}
            >
              <Descriptions.Item label={t('task.leadUnit')}>{d.leadUnit.name}</Descriptions.Item>
              <Descriptions.Item label={t('task.coordinatingUnits')}>
                {d.coordinatingUnits.length
                  ? d.coordinatingUnits.map((u) => <Tag key={u.id}>{u.name}</Tag>)
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('task.responsiblePerson')}>
                {d.responsiblePerson ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('task.level')}>{t(`level.${d.assignedLevel}`)}</Descriptions.Item>
              <Descriptions.Item label={t('task.directive')}>
                {d.directive ? `${d.directive.number} — ${d.directive.title}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('task.group')}>{d.group?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('task.startDate')}>{date(d.startDate)}</Descriptions.Item>
              <Descriptions.Item label={t('task.deadlineAsOf')}>
                <strong>{date(d.deadlineAsOf)}</strong>
              </Descriptions.Item>
              <Descriptions.Item label={t('task.originalDeadline')}>
                {date(d.originalDeadline)}
              </Descriptions.Item>
              <Descriptions.Item label={t('task.deadline')}>{date(d.deadline)}</Descriptions.Item>
              <Descriptions.Item label={t('task.firstActivityOn')}>
                {date(d.firstActivityOn)}
              </Descriptions.Item>
              <Descriptions.Item label={t('task.completedOn')}>{date(d.completedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('task.deliverable')} span={2}>
                {d.deliverable ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('task.target')} span={2}>
                {target || '—'}
              </Descriptions.Item>
              {d.parent && (
                <Descriptions.Item label={t('task.parent')} span={2}>
                  <Link to={withAsOf(`/p/${programme.id}/tasks/${d.parent.id}`, asOf)}>
                    {d.parent.code} — {d.parent.title}
                  </Link>
                </Descriptions.Item>
              )}
              {d.description && (
                <Descriptions.Item label={t('task.description')} span={2}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                    {d.description}
                  </Typography.Paragraph>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('task.progress')} style={{ marginBottom: 12 }}>
            <Progress
              type="dashboard"
              percent={d.progress}
              size={120}
              style={{ display: 'block', textAlign: 'center' }}
            />
            {d.can.update && !asOf && <ProgressEditor task={d} />}
          </Card>
          <Card size="small" title={t('task.milestones')} style={{ marginBottom: 12 }}>
            {d.milestones.length === 0 ? (
              <Typography.Text type="secondary">{t('task.noMilestones')}</Typography.Text>
            ) : (
              <Timeline
                items={d.milestones.map((m) => ({
                  color: m.doneOn ? 'green' : m.dueOn < (asOf ?? today ?? '') ? 'red' : 'gray',
                  content: (
                    <>
                      <div>{m.title}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {m.doneOn
                          ? t('task.milestoneDone', { date: date(m.doneOn) })
                          : t('task.milestoneDue', { date: date(m.dueOn) })}
                      </Typography.Text>
                    </>
                  ),
                }))}
              />
            )}
          </Card>
          <TaskRecurrence d={d} />
          <Card size="small" title={t('task.deadlineChanges')} data-testid="deadline-changes">
            {d.deadlineChanges.length === 0 ? (
              <Typography.Text type="secondary">{t('task.noDeadlineChanges')}</Typography.Text>
            ) : (
              <Timeline
                items={d.deadlineChanges.map((c) => ({
                  color: 'orange',
                  content: (
                    <>
                      <div>
                        {t('task.deadlineChange', {
                          deadline: date(c.deadline),
                          from: date(c.effectiveFrom),
                        })}
                      </div>
                      {c.reason && <Typography.Text type="secondary">{c.reason}</Typography.Text>}
                    </>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <SubtaskTree task={d} programmeId={programme.id} asOf={asOf} />
        </Col>
        <Col xs={24}>
          <TaskRequests task={d} canAct={d.can.update && !asOf} />
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('task.history')}>
            {d.history.length === 0 ? (
              <Typography.Text type="secondary">{t('task.noHistory')}</Typography.Text>
            ) : (
              <Timeline
                data-testid="task-history"
                items={d.history.map((h) => ({
                  color: 'gray',
                  content: (
                    <>
                      <Typography.Text strong>
                        {t(`task.action.${h.action}`, {
                          defaultValue: labelOr(t, HISTORY_ACTIONS[h.action], h.action),
                        })}
                      </Typography.Text>{' '}
                      <Typography.Text type="secondary">
                        <bdi>{formatDateTime(h.at, lang, programme.timeZone)}</bdi> ·{' '}
                        <bdi>{h.actor ?? t('task.system')}</bdi>
                      </Typography.Text>
                      <ul className="task-history__changes">
                        {Object.entries(h.changes).map(([field, c]) => (
                          <li key={field}>
                            {t(`task.${field}`, {
                              defaultValue: labelOr(t, HISTORY_FIELDS[field], field),
                              count: undefined,
                            })}
                            : <bdi>{show(c.from)}</bdi> → <bdi>{show(c.to)}</bdi>
                          </li>
                        ))}
                      </ul>
                    </>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** History entries and fields added with the task form and delegation (their keys live in `taskForm`). */
const HISTORY_ACTIONS: Record<string, string> = {
  delegated: 'taskForm.actionDelegated',
  reopened: 'taskForm.actionReopened',
};
const HISTORY_FIELDS: Record<string, string> = {
  progressFromSubtasks: 'taskForm.progressFromSubtasks',
  subtaskWeight: 'taskForm.subtaskWeight',
  subtasks: 'taskForm.subtasksField',
  coordinatingUnitIds: 'taskForm.coordinatingUnitIds',
  leadUnitId: 'taskForm.leadUnitId',
  groupId: 'taskForm.groupId',
  directiveId: 'taskForm.directiveId',
  parentId: 'taskForm.parentId',
  assignedLevel: 'taskForm.assignedLevel',
  targetText: 'taskForm.targetText',
  targetValue: 'taskForm.targetValue',
  targetUnit: 'taskForm.targetUnit',
  title: 'taskForm.title',
  product: 'taskForm.deliverable',
};

const labelOr = (t: (k: string) => string, key: string | undefined, raw: string) => (key ? t(key) : raw);

const show = (v: unknown) =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Lets whoever may update the task move its progress; a stale version is refused by the server. */
function ProgressEditor({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [value, setValue] = useState(task.progress);
  const update = useUpdateTask(task.id);
  return (
    <Space.Compact style={{ width: '100%', marginTop: 8 }}>
      <InputNumber
        min={0}
        max={100}
        value={value}
        onChange={(v) => setValue(v ?? 0)}
        suffix="%"
        style={{ width: '100%' }}
        aria-label={t('task.updateProgress')}
        data-testid="progress-input"
      />
      <Button
        type="primary"
        loading={update.isPending}
        disabled={value === task.progress}
        data-testid="progress-save"
        onClick={() =>
          update.mutate(
            { progress: value, version: task.version },
            {
              onSuccess: () => void message.success(t('task.saved')),
              onError: (e) => void message.error(e instanceof ApiError ? e.message : String(e)),
            },
          )
        }
      >
        {t('task.save')}
      </Button>
    </Space.Compact>
  );
}
