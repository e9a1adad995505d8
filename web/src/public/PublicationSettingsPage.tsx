import type { Publication, PublicationInput } from '@shared/schemas/publication';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Switch, Typography, message } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../api/client';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { ErrorNote, PageSpinner } from '../ui/states';

/** What the programme shows the public: chosen here by its steering body or standing agency. */
export default function PublicationSettingsPage() {
  const { t } = useTranslation();
  const { programme } = useProgrammeContext();
  const qc = useQueryClient();
  const [form] = Form.useForm<PublicationInput>();
  const url = `/programmes/${programme.id}/publication`;
  const q = useQuery({ queryKey: ['publication', programme.id], queryFn: () => api<Publication>(url) });
  const save = useMutation({
    mutationFn: (body: PublicationInput) => api<Publication>(url, { method: 'PUT', body }),
    onSuccess: (p) => {
      qc.setQueryData(['publication', programme.id], p);
      void message.success(t('publicPage.saved'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.details.length)
        form.setFields(
          e.details.map((d) => ({
            name: d.path.replace(/^body\./, '').split('.')[0] as keyof PublicationInput,
            errors: [d.message],
          })),
        );
    },
  });
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);

  if (q.isPending) return <PageSpinner />;
  if (q.isError) return <ErrorNote error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  return (
    <Card title={t('publicPage.settings')} style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary">{t('publicPage.settingsHint')}</Typography.Paragraph>
      {save.isError && !(save.error instanceof ApiError && save.error.details.length) && (
        <Alert type="error" title={(save.error as Error).message} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={p}
        onFinish={(v) => save.mutate(v)}
        data-testid="publication-form"
      >
        <Form.Item name="enabled" label={t('publicPage.enabled')} valuePropName="checked">
          <Switch data-testid="publication-enabled" />
        </Form.Item>
        <Form.Item name="slug" label={t('publicPage.slug')} rules={[{ required: true }]}>
          <Input addonBefore="/public/" dir="ltr" />
        </Form.Item>
        <Form.Item name="taskCounts" valuePropName="checked" noStyle>
          <Checkbox>{t('publicPage.taskCounts')}</Checkbox>
        </Form.Item>
        <br />
        <Form.Item name="warningLists" valuePropName="checked" noStyle>
          <Checkbox>{t('publicPage.warningLists')}</Checkbox>
        </Form.Item>
        <br />
        <Form.Item name="serviceIndicators" valuePropName="checked" noStyle>
          <Checkbox>{t('publicPage.serviceIndicators')}</Checkbox>
        </Form.Item>
        <Form.Item name="indicatorCodes" label={t('publicPage.indicatorCodes')} style={{ marginTop: 16 }}>
          <Select mode="tags" tokenSeparators={[',', ' ']} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="publication-save">
            {t('publicPage.save')}
          </Button>
          {p.enabled && <Link to={`/public/${p.slug}`}>{t('publicPage.open')}</Link>}
        </Space>
      </Form>
    </Card>
  );
}
