import type { TaskDetail } from '@shared/schemas/tasks';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { uploadEvidence, useAdjustments, useCompletions, useEvidence, useRequestWrite } from '../api/cycle';
import { useQueryClient } from '@tanstack/react-query';
import { isLang, type Lang } from '../i18n';
import { formatDate, formatDateTime, formatNumber } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';

/** On a task: its evidence, and the unit's two requests (adjust it, declare it done) with what is pending. */
export function TaskRequests({ task, canAct }: { task: TaskDetail; canAct: boolean }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme, today } = useProgrammeContext();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const evidence = useEvidence(task.id);
  const pendingAdj = useAdjustments({ programmeId: programme.id, taskId: task.id, status: 'pending' });
  const pendingDone = useCompletions({ programmeId: programme.id, taskId: task.id, status: 'pending' });
  const write = useRequestWrite();
  const [dialog, setDialog] = useState<'adjust' | 'done' | null>(null);
  const [form] = Form.useForm();
  const closed = Boolean(task.completedOn || task.cancelledOn);

  async function submit() {
    const v = await form.validateFields();
    const iso = (d: dayjs.Dayjs | undefined) => d?.format('YYYY-MM-DD');
    const body =
      dialog === 'done'
        ? { taskId: task.id, completedOn: iso(v.completedOn), product: v.product }
        : v.kind === 'extend'
          ? { kind: 'extend', taskId: task.id, reason: v.reason, deadline: iso(v.deadline) }
          : v.kind === 'change'
            ? {
                kind: 'change',
                taskId: task.id,
                reason: v.reason,
                deliverable: v.deliverable ?? null,
                targetText: v.targetText ?? null,
              }
            : v.kind === 'replace'
              ? {
                  kind: 'replace',
                  taskId: task.id,
                  reason: v.reason,
                  replacement: { title: v.title, deadline: iso(v.deadline) },
                }
              : { kind: 'cancel', taskId: task.id, reason: v.reason };
    try {
      await write.mutateAsync({ path: dialog === 'done' ? '/completions' : '/adjustments', body });
      void message.success(t('requests.sent'));
      setDialog(null);
      form.resetFields();
    } catch (e) {
      void message.error((e as Error).message);
    }
  }

  async function upload(file: File | undefined) {
    if (!file) return;
    try {
      await uploadEvidence(task.id, file);
      void qc.invalidateQueries({ queryKey: ['evidence', task.id] });
      void message.success(t('requests.uploaded', { name: file.name }));
    } catch (e) {
      void message.error((e as Error).message);
    }
  }

  const kind = Form.useWatch('kind', form) as string | undefined;
  return (
    <Card size="small" title={t('requests.evidence')} data-testid="task-requests">
      {task.cancelledOn && (
        <Alert
          type="warning"
          style={{ marginBottom: 8 }}
          title={t('requests.cancelled', { date: formatDate(task.cancelledOn, lang) })}
          action={
            task.replacedById ? (
              <Link to={`/p/${programme.id}/tasks/${task.replacedById}`}>{t('requests.replacedBy')}</Link>
            ) : undefined
          }
        />
      )}
      {pendingAdj.data?.length ? (
        <Alert type="info" style={{ marginBottom: 8 }} title={t('requests.pendingAdjustment')} />
      ) : null}
      {pendingDone.data?.length ? (
        <Alert type="info" style={{ marginBottom: 8 }} title={t('requests.pendingCompletion')} />
      ) : null}
      <List
        size="small"
        locale={{ emptyText: t('requests.noEvidence') }}
        dataSource={evidence.data ?? []}
        renderItem={(f) => (
          <List.Item>
            <a href={f.url} download>
              {f.fileName}
            </a>
            <Typography.Text type="secondary">
              {f.unitCode} · {formatNumber(Math.ceil(f.size / 1024), lang)} KB · {f.uploadedBy} ·{' '}
              {formatDateTime(f.uploadedAt, lang, programme.timeZone)}
            </Typography.Text>
          </List.Item>
        )}
      />
      {canAct && (
        <Space wrap style={{ marginTop: 8 }}>
          <label>
            <input
              type="file"
              hidden
              data-testid="evidence-input"
              onChange={(e) => void upload(e.target.files?.[0])}
            />
            <Button
              onClick={(e) => (e.currentTarget.previousElementSibling as HTMLInputElement | null)?.click()}
            >
              {t('requests.upload')}
            </Button>
          </label>
          <Typography.Text type="secondary">{t('requests.uploadHint')}</Typography.Text>
          {!closed && (
            <>
              <Button onClick={() => setDialog('adjust')} data-testid="request-adjustment">
                {t('requests.requestAdjustment')}
              </Button>
              <Button onClick={() => setDialog('done')} data-testid="declare-done">
                {t('requests.declareDone')}
              </Button>
            </>
          )}
        </Space>
      )}
      <Modal
        open={dialog !== null}
        title={dialog === 'done' ? t('requests.declareDone') : t('requests.requestAdjustment')}
        onCancel={() => setDialog(null)}
        onOk={() => void submit()}
        okText={t('requests.send')}
        okButtonProps={{ loading: write.isPending, 'data-testid': 'send-request' } as never}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'extend', completedOn: today ? dayjs(today) : undefined }}
        >
          {dialog === 'done' ? (
            <>
              <Form.Item name="completedOn" label={t('requests.completedOn')} rules={[{ required: true }]}>
                <DatePicker
                  format="DD/MM/YYYY"
                  disabledDate={(d) => Boolean(today && d.format('YYYY-MM-DD') > today)}
                />
              </Form.Item>
              <Form.Item
                name="product"
                label={t('requests.product')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input.TextArea rows={3} data-testid="product-input" />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="kind" label={t('requests.what')}>
                <Select
                  options={(['extend', 'change', 'replace', 'cancel'] as const).map((k) => ({
                    value: k,
                    label: t(`requests.kind.${k}`),
                  }))}
                />
              </Form.Item>
              {(kind === 'extend' || kind === 'replace') && (
                <Form.Item
                  name="deadline"
                  label={kind === 'extend' ? t('requests.newDeadline') : t('requests.replacementDeadline')}
                  rules={[{ required: true }]}
                >
                  <DatePicker format="DD/MM/YYYY" data-testid="deadline-input" />
                </Form.Item>
              )}
              {kind === 'replace' && (
                <Form.Item
                  name="title"
                  label={t('requests.replacementTitle')}
                  rules={[{ required: true, whitespace: true }]}
                >
                  <Input />
                </Form.Item>
              )}
              {kind === 'change' && (
                <>
                  <Form.Item name="deliverable" label={t('requests.deliverable')}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  <Form.Item name="targetText" label={t('requests.targetText')}>
                    <Input />
                  </Form.Item>
                </>
              )}
              <Form.Item
                name="reason"
                label={t('requests.reason')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input.TextArea rows={3} data-testid="reason-input" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
