import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { isLang, type Lang } from '../i18n';
import { DEFAULT_ZONE, formatDateTime } from '../i18n/format';
import { ErrorNote } from '../ui/states';

type Mail = {
  id: number;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
};

/** Every e-mail the product wrote: sent, or waiting when no SMTP server is configured (admins only). */
export default function OutboxPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const mails = useQuery({ queryKey: ['outbox'], queryFn: () => api<Mail[]>('/admin/outbox') });
  if (mails.isError) return <ErrorNote error={mails.error} />;
  return (
    <div data-testid="outbox">
      <Typography.Title level={3}>{t('bell.outbox')}</Typography.Title>
      <Alert type="info" title={t('bell.outboxHint')} style={{ marginBottom: 12 }} />
      <Table<Mail>
        size="small"
        rowKey="id"
        loading={mails.isPending}
        dataSource={mails.data ?? []}
        expandable={{
          expandedRowRender: (m) => <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.body}</pre>,
        }}
        columns={[
          { title: t('bell.to'), dataIndex: 'to' },
          { title: t('bell.subject'), dataIndex: 'subject' },
          {
            title: '',
            key: 'at',
            render: (_, m) => formatDateTime(m.createdAt, lang, DEFAULT_ZONE, { zone: 'always' }),
          },
          {
            title: '',
            key: 'state',
            render: (_, m) =>
              m.sentAt ? (
                <Tag color="green">{t('bell.sent')}</Tag>
              ) : (
                <Tag color={m.lastError ? 'red' : 'default'} title={m.lastError ?? undefined}>
                  {t('bell.waiting')}
                </Tag>
              ),
          },
        ]}
      />
    </div>
  );
}
