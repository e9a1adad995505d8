import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { DelegateInput } from '@shared/schemas/subtasks';
import type { TaskDetail } from '@shared/schemas/tasks';
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { useTask } from '../api/queries';
import { isLang, type Lang } from '../i18n';
import { formatDate } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { showServerErrors } from '../ui/serverErrors';
import { ErrorNote, NotFound, PageSpinner } from '../ui/states';
import { DateField } from './DateField';
import { useSubtasks } from './SubtaskTree';
import './tasks.css';

type Row = {
  leadUnitId?: number;
  title: string;
  startDate: string | null;
  deadline: string | null;
  weight: number;
  deliverable: string;
};
type Values = { subtasks: Row[]; progressFromSubtasks: boolean };

/** A unit leader splits its task into sub-tasks for the units below it (or its coordinators). */
export default function DelegatePage() {
  const id = Number(useParams().taskId);
  const task = useTask(id, undefined);
  const tree = useSubtasks(id, undefined);
  if (task.isPending || tree.isPending) return <PageSpinner />;
  if (task.isError) return <ErrorNote error={task.error} onRetry={() => void task.refetch()} />;
  if (tree.isError) return <ErrorNote error={tree.error} onRetry={() => void tree.refetch()} />;
  if (!task.data.can.delegate) return <NotFound />;
  return <DelegateForm task={task.data} targets={tree.data.targets} />;
}

function DelegateForm({
  task,
  targets,
}: {
  task: TaskDetail;
  targets: { id: number; name: string; code: string }[];
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const Back = lang === 'ar' ? ArrowRightOutlined : ArrowLeftOutlined;
  const back = `/p/${programme.id}/tasks/${task.id}`;
  const blank = (): Row => ({
    title: '',
    startDate: null,
    deadline: task.deadline,
    weight: 1,
    deliverable: '',
  });
  const required = [{ required: true, message: t('taskForm.required') }];

  async function send(v: Values) {
    setBusy(true);
    setError(null);
    const body: DelegateInput = {
      progressFromSubtasks: v.progressFromSubtasks,
      subtasks: v.subtasks.map((r) => ({
        leadUnitId: r.leadUnitId!,
        title: r.title,
        startDate: r.startDate,
        deadline: r.deadline!,
        weight: r.weight ?? 1,
        deliverable: r.deliverable?.trim() ? r.deliverable.trim() : null,
        responsiblePerson: null,
      })),
    };
    try {
      await api(`/tasks/${task.id}/subtasks`, { method: 'POST', body });
      void qc.invalidateQueries({ queryKey: ['subtasks', task.id] });
      void qc.invalidateQueries({ queryKey: ['task', task.id] });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      void message.success(t('taskForm.delegated', { count: body.subtasks.length }));
      navigate(back);
    } catch (e) {
      setError(showServerErrors(form, e, ['subtasks'], { nested: true }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="task-form">
      <Link to={back}>
        <Back /> {t('taskForm.cancel')}
      </Link>
      <Typography.Title level={3} style={{ marginTop: 8 }} data-testid="delegate-title">
        {t('taskForm.delegateTitle', { code: task.code })}
      </Typography.Title>
      <Typography.Paragraph>
        <bdi>{task.title}</bdi>
        <br />
        <Typography.Text type="secondary">
          {t('taskForm.delegateIntro', { deadline: formatDate(task.deadline, lang) })}
        </Typography.Text>
      </Typography.Paragraph>
      {targets.length === 0 && <Alert type="info" showIcon title={t('taskForm.noTargets')} />}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          data-testid="delegate-error"
        />
      )}
      {targets.length > 0 && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ subtasks: [blank()], progressFromSubtasks: task.progressFromSubtasks }}
          onFinish={(v) => void send(v)}
          onValuesChange={() => setError(null)}
          data-testid="delegate-form"
        >
          <Form.List name="subtasks">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row, i) => (
                  <Card
                    key={row.key}
                    size="small"
                    style={{ marginBottom: 12 }}
                    title={t('taskForm.subtask', { n: i + 1 })}
                    data-testid={`delegate-row-${i}`}
                    extra={
                      rows.length > 1 && (
                        <Button
                          size="small"
                          icon={<DeleteOutlined />}
                          aria-label={t('taskForm.remove')}
                          onClick={() => remove(row.name)}
                        />
                      )
                    }
                  >
                    <Row gutter={12}>
                      <Col xs={24} md={12}>
                        <Form.Item
                          name={[row.name, 'leadUnitId']}
                          label={t('taskForm.subtaskUnit')}
                          rules={required}
                        >
                          <Select
                            showSearch={{ optionFilterProp: 'label' }}
                            placeholder={t('taskForm.pick')}
                            data-testid={`delegate-unit-${i}`}
                            options={targets.map((u) => ({ value: u.id, label: u.name }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={12}>
                        <Form.Item name={[row.name, 'title']} label={t('taskForm.title')} rules={required}>
                          <Input maxLength={500} data-testid={`delegate-title-${i}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={8}>
                        <Form.Item name={[row.name, 'startDate']} label={t('taskForm.startDate')}>
                          <DateField
                            testId={`delegate-start-${i}`}
                            placeholder={t('taskForm.startDefault')}
                            disabledDate={(d) =>
                              (!!task.startDate && d.format('YYYY-MM-DD') < task.startDate) ||
                              d.format('YYYY-MM-DD') > task.deadline
                            }
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={8}>
                        <Form.Item
                          name={[row.name, 'deadline']}
                          label={t('taskForm.deadline')}
                          rules={required}
                        >
                          <DateField
                            testId={`delegate-deadline-${i}`}
                            disabledDate={(d) => d.format('YYYY-MM-DD') > task.deadline}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={8}>
                        <Form.Item
                          name={[row.name, 'weight']}
                          label={t('taskForm.weight')}
                          tooltip={t('taskForm.weightHelp')}
                        >
                          <InputNumber
                            min={1}
                            max={100}
                            style={{ width: '100%' }}
                            data-testid={`delegate-weight-${i}`}
                          />
                        </Form.Item>
                      </Col>
                      <Col span={24}>
                        <Form.Item name={[row.name, 'deliverable']} label={t('taskForm.deliverable')}>
                          <Input.TextArea
                            autoSize={{ minRows: 1, maxRows: 4 }}
                            data-testid={`delegate-deliverable-${i}`}
                          />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add(blank())}
                  style={{ marginBottom: 12 }}
                  data-testid="delegate-add"
                >
                  {t('taskForm.addSubtask')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item
            name="progressFromSubtasks"
            valuePropName="checked"
            label={t('taskForm.progressFromSubtasks')}
            extra={t('taskForm.progressFromSubtasksHelp')}
          >
            <Switch data-testid="delegate-derived" />
          </Form.Item>
          <Space wrap className="task-form__actions">
            <Button type="primary" htmlType="submit" loading={busy} data-testid="delegate-submit">
              {t('taskForm.delegateSubmit')}
            </Button>
            <Link to={back}>
              <Button>{t('taskForm.cancel')}</Button>
            </Link>
          </Space>
        </Form>
      )}
    </div>
  );
}
