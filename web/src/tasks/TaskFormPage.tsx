import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TaskDetail } from '@shared/schemas/tasks';
import { ASSIGNED_LEVELS, PRIORITIES, TASK_KINDS } from '@shared/vocabulary';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import { useDirectives, useMe, useTask } from '../api/queries';
import { isLang, type Lang } from '../i18n';
import { pickName } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { showServerErrors } from '../ui/serverErrors';
import { ErrorNote, NotFound, PageSpinner } from '../ui/states';
import { ConflictNote } from './ConflictNote';
import { DateField } from './DateField';
import {
  FORM_FIELDS,
  changedFields,
  conflictOf,
  createBody,
  emptyTask,
  patchBody,
  toFormValues,
  type FormField,
  type TaskFormValues,
} from './task-form';
import { TaskSelect } from './TaskSelect';
import { UnitsField } from './UnitsField';
import './tasks.css';

/** Creating a task (/tasks/new) or editing one (/tasks/:id/edit): the standing agency's form. */
export default function TaskFormPage() {
  const id = Number(useParams().taskId) || undefined;
  const task = useTask(id ?? 0, undefined, id !== undefined);
  if (id === undefined) return <TaskForm />;
  if (task.isPending) return <PageSpinner />;
  if (task.isError) return <ErrorNote error={task.error} onRetry={() => void task.refetch()} />;
  if (!task.data.can.manage) return <NotFound />;
  return <TaskForm task={task.data} />;
}

type Conflict = { theirs: TaskDetail; items: { field: FormField; clash: boolean }[] };

function TaskForm({ task }: { task?: TaskDetail }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const directives = useDirectives(programme.id);
  const [form] = Form.useForm<TaskFormValues>();
  const initial = useMemo(() => (task ? toFormValues(task) : emptyTask()), [task]);
  const [base, setBase] = useState({ values: initial, version: task?.version ?? 0, detail: task });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const derived = Form.useWatch('progressFromSubtasks', form);
  const completedOn = Form.useWatch('completedOn', form);
  const start = Form.useWatch('startDate', form);
  const Back = lang === 'ar' ? ArrowRightOutlined : ArrowLeftOutlined;
  const backTo = task ? `/p/${programme.id}/tasks/${task.id}` : `/p/${programme.id}/tasks`;
  const mayCreate = me.data?.roles.some(
    (r) =>
      r.role === 'admin' ||
      (r.role === 'standing' && (r.programmeId === null || r.programmeId === programme.id)),
  );
  useEffect(() => form.setFieldsValue(initial), [form, initial]);
  if (!task && me.data && !mayCreate) return <NotFound />;

  const known = [
    ...(base.detail ? [base.detail.leadUnit, ...base.detail.coordinatingUnits] : []),
    ...(conflict ? [conflict.theirs.leadUnit, ...conflict.theirs.coordinatingUnits] : []),
  ];
  const done = (d: TaskDetail) => {
    void qc.invalidateQueries({ queryKey: ['task', d.id] });
    void qc.invalidateQueries({ queryKey: ['tasks'] });
    void qc.invalidateQueries({ queryKey: ['summary'] });
    void message.success(task ? t('taskForm.saved') : t('taskForm.created', { code: d.code }));
    navigate(`/p/${programme.id}/tasks/${d.id}`);
  };

  async function send(values: TaskFormValues, at = base) {
    setBusy(true);
    setError(null);
    try {
      if (!task)
        return done(
          await api<TaskDetail>('/tasks', { method: 'POST', body: createBody(programme.id, values) }),
        );
      const body = patchBody(at.values, values, at.version);
      done(await api<TaskDetail>(`/tasks/${task.id}`, { method: 'PATCH', body }));
    } catch (e) {
      if (task && e instanceof ApiError && e.code === 'stale_version') {
        const theirs = await api<TaskDetail>(`/tasks/${task.id}`);
        setConflict({ theirs, items: conflictOf(at.values, toFormValues(theirs), values) });
      } else setError(showServerErrors(form, e, FORM_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  /** The user's own changes laid over the other editor's version, then saved at its version. */
  function saveMine() {
    if (!conflict) return;
    const mine = form.getFieldsValue(true) as TaskFormValues;
    const theirs = toFormValues(conflict.theirs);
    const merged = { ...theirs };
    for (const f of changedFields(base.values, mine)) (merged as Record<string, unknown>)[f] = mine[f];
    const next = { values: theirs, version: conflict.theirs.version, detail: conflict.theirs };
    setBase(next);
    setConflict(null);
    form.setFieldsValue(merged);
    void send(merged, next);
  }
  function takeTheirs() {
    if (!conflict) return;
    const theirs = toFormValues(conflict.theirs);
    setBase({ values: theirs, version: conflict.theirs.version, detail: conflict.theirs });
    setConflict(null);
    form.setFieldsValue(theirs);
  }

  const required = [{ required: true, message: t('taskForm.required') }];
  const half = { xs: 24, md: 12 };
  const third = { xs: 24, sm: 12, md: 8 };
  return (
    <div className="task-form">
      <Link to={backTo}>
        <Back /> {t('taskForm.cancel')}
      </Link>
      <Typography.Title level={3} style={{ marginTop: 8 }} data-testid="task-form-title">
        {task ? t('taskForm.editTitle', { code: task.code }) : t('taskForm.newTitle')}
      </Typography.Title>
      {conflict && (
        <ConflictNote
          theirs={conflict.theirs}
          items={conflict.items}
          timeZone={programme.timeZone}
          onSaveMine={saveMine}
          onTakeTheirs={takeTheirs}
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          data-testid="task-form-error"
        />
      )}
      <Form<TaskFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void send({ ...(form.getFieldsValue(true) as TaskFormValues), ...v })}
        onValuesChange={() => setError(null)}
        scrollToFirstError
        data-testid="task-form"
      >
        <Card size="small" title={t('taskForm.sectionWhat')} style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col xs={24} md={6}>
              <Form.Item name="code" label={t('taskForm.code')} rules={required}>
                <Input disabled={!!task} data-testid="tf-code" maxLength={50} dir="ltr" />
              </Form.Item>
            </Col>
            <Col xs={24} md={18}>
              <Form.Item name="title" label={t('taskForm.title')} rules={required}>
                <Input data-testid="tf-title" maxLength={500} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="description" label={t('taskForm.description')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="tf-description" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="groupId" label={t('taskForm.groupId')}>
                <Select
                  allowClear
                  data-testid="tf-group"
                  placeholder={t('taskForm.pick')}
                  options={programme.groups.map((g) => ({ value: g.id, label: pickName(g.name, lang) }))}
                  onClear={() => form.setFieldValue('groupId', null)}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="directiveId" label={t('taskForm.directiveId')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="tf-directive"
                  placeholder={t('taskForm.pick')}
                  loading={directives.isPending}
                  options={(directives.data ?? []).map((d) => ({
                    value: d.id,
                    label: `${d.number} — ${d.title}`,
                  }))}
                  onClear={() => form.setFieldValue('directiveId', null)}
                />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item name="assignedLevel" label={t('taskForm.assignedLevel')} rules={required}>
                <Select
                  data-testid="tf-level"
                  options={ASSIGNED_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
                />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item name="priority" label={t('taskForm.priority')}>
                <Select
                  data-testid="tf-priority"
                  options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
                />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item name="kind" label={t('taskForm.kind')}>
                <Select
                  data-testid="tf-kind"
                  options={TASK_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="parentId"
                label={t('taskForm.parentId')}
                getValueProps={(v: number | null) => ({ value: v ? [v] : [] })}
              >
                <ParentField programmeId={programme.id} known={base.detail?.parent ?? undefined} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={t('taskForm.sectionWho')} style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col {...half}>
              <Form.Item name="leadUnitId" label={t('taskForm.leadUnitId')} rules={required}>
                <UnitsField key={`lead-${base.version}`} known={known} testId="tf-lead-unit" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="responsiblePerson" label={t('taskForm.responsiblePerson')}>
                <Input data-testid="tf-responsible" maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="coordinatingUnitIds" label={t('taskForm.coordinatingUnitIds')}>
                <UnitsField key={`coord-${base.version}`} multiple known={known} testId="tf-coordinators" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={t('taskForm.sectionWhen')} style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col {...half}>
              <Form.Item name="startDate" label={t('taskForm.startDate')}>
                <DateField testId="tf-start" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="deadline"
                label={t('taskForm.deadline')}
                extra={task ? t('taskForm.deadlineHelp') : undefined}
                dependencies={['startDate']}
                rules={[
                  ...required,
                  {
                    validator: (_, v: string | null) =>
                      v && start && v < start
                        ? Promise.reject(new Error(t('taskForm.deadlineBeforeStart')))
                        : Promise.resolve(),
                  },
                ]}
              >
                <DateField testId="tf-deadline" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={t('taskForm.sectionTarget')} style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col span={24}>
              <Form.Item name="deliverable" label={t('taskForm.deliverable')}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} data-testid="tf-deliverable" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="targetText" label={t('taskForm.targetText')}>
                <Input data-testid="tf-target-text" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="targetValue" label={t('taskForm.targetValue')}>
                <InputNumber style={{ width: '100%' }} data-testid="tf-target-value" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="targetUnit" label={t('taskForm.targetUnit')}>
                <Input maxLength={50} data-testid="tf-target-unit" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={t('taskForm.sectionRoadmap')} style={{ marginBottom: 12 }}>
          <Form.List name="milestones">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row, i) => (
                  <Row gutter={8} key={row.key} align="top" data-testid={`tf-milestone-${i}`}>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[row.name, 'title']}
                        label={t('taskForm.milestoneTitle')}
                        rules={required}
                      >
                        <Input data-testid={`tf-milestone-title-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={10} md={5}>
                      <Form.Item
                        name={[row.name, 'dueOn']}
                        label={t('taskForm.milestoneDue')}
                        rules={required}
                      >
                        <DateField testId={`tf-milestone-due-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={10} md={5}>
                      <Form.Item name={[row.name, 'doneOn']} label={t('taskForm.milestoneDone')}>
                        <DateField testId={`tf-milestone-done-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={2}>
                      <Form.Item label=" ">
                        <Button
                          icon={<DeleteOutlined />}
                          aria-label={t('taskForm.remove')}
                          onClick={() => remove(row.name)}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ title: '', dueOn: null, doneOn: null })}
                  data-testid="tf-add-milestone"
                >
                  {t('taskForm.addMilestone')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        {task && (
          <Card size="small" title={t('taskForm.sectionState')} style={{ marginBottom: 12 }}>
            <Row gutter={12}>
              <Col {...third}>
                <Form.Item
                  name="progressFromSubtasks"
                  label={t('taskForm.progressFromSubtasks')}
                  valuePropName="checked"
                  extra={t('taskForm.progressFromSubtasksHelp')}
                >
                  <Switch data-testid="tf-derived" />
                </Form.Item>
              </Col>
              <Col {...third}>
                <Form.Item name="progress" label={t('taskForm.progress')}>
                  <InputNumber
                    min={0}
                    max={completedOn ? 100 : 99}
                    suffix="%"
                    disabled={!!derived || !!completedOn}
                    style={{ width: '100%' }}
                    data-testid="tf-progress"
                  />
                </Form.Item>
              </Col>
              <Col {...third}>
                <Form.Item
                  name="completedOn"
                  label={t('taskForm.completedOn')}
                  extra={task.completedOn ? t('taskForm.completedOnHelp') : undefined}
                >
                  <DateField testId="tf-completed-on" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        )}

        <Space wrap className="task-form__actions">
          <Button type="primary" htmlType="submit" loading={busy} data-testid="tf-submit">
            {task ? t('taskForm.save') : t('taskForm.create')}
          </Button>
          <Link to={backTo}>
            <Button>{t('taskForm.cancel')}</Button>
          </Link>
        </Space>
      </Form>
    </div>
  );
}

/** The parent task: one task of the programme, searched by code or title. */
function ParentField(props: {
  value?: number[];
  onChange?: (v: number | null) => void;
  programmeId: number;
  known?: { id: number; code: string; title: string };
}) {
  return (
    <TaskSelect
      programmeId={props.programmeId}
      value={props.value ?? []}
      onChange={(ids) => props.onChange?.(ids[0] ?? null)}
      known={props.known ? [props.known] : []}
      testId="tf-parent"
    />
  );
}
