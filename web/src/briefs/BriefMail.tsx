import { DeleteOutlined, MailOutlined, PlusOutlined } from '@ant-design/icons';
import type { Brief, BriefRecipients, BriefSending } from '@shared/schemas/briefs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { LANG_LABEL, LANGS, type Lang } from '../i18n';
import { formatDateTime, ltr } from '../i18n/format';
import { WhyDisabled } from '../ui/WhyDisabled';
import { useProgrammeContext } from '../layout/useProgrammeContext';

export const useRecipients = (programmeId: number) =>
  useQuery({
    queryKey: ['brief-recipients', programmeId],
    queryFn: () => api<BriefRecipients>(`/programmes/${programmeId}/brief-recipients`),
  });

/** The "send" button of an archived brief: to every recipient, each in their language. */
export function SendBriefButton({ brief, count }: { brief: Brief; count: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const send = useMutation({
    mutationFn: () => api<BriefSending[]>(`/briefs/${brief.id}/send`, { method: 'POST' }),
    onSuccess: (rows) => {
      void qc.invalidateQueries({ queryKey: ['brief-sendings', brief.programmeId] });
      void qc.invalidateQueries({ queryKey: ['briefs', brief.programmeId] });
      const ok = rows.filter((r) => r.status === 'sent').length;
      void (ok === rows.length ? message.success : message.warning)(
        t('briefMail.sent', { ok, total: rows.length }),
      );
    },
    onError: (e) => void message.error((e as Error).message),
  });
  return (
    <WhyDisabled
      reason={
        count === 0 && (
          <>
            {t('unitScreens.addRecipientsFirst')}{' '}
            <a href="#brief-recipients">{t('unitScreens.addRecipients')}</a>
          </>
        )
      }
    >
      <Button
        size="small"
        icon={<MailOutlined />}
        loading={send.isPending}
        disabled={count === 0}
        data-testid="brief-send"
        onClick={() =>
          Modal.confirm({
            title: t('briefMail.sendConfirm', {
              period: ltr(brief.period),
              format: brief.format.toUpperCase(),
              count,
            }),
            onOk: () => send.mutateAsync(),
          })
        }
      >
        {t('briefMail.send')}
      </Button>
    </WhyDisabled>
  );
}

/** The programme's recipients: listed to those who read the archive, kept by the standing agency. */
export function RecipientsCard({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useRecipients(programmeId);
  const [form] = Form.useForm<{ email: string; name: string; lang: Lang }>();
  const refresh = () => void qc.invalidateQueries({ queryKey: ['brief-recipients', programmeId] });
  const add = useMutation({
    mutationFn: (body: { email: string; name: string; lang: Lang }) =>
      api(`/programmes/${programmeId}/brief-recipients`, { method: 'POST', body }),
    onSuccess: () => {
      form.resetFields();
      refresh();
    },
    onError: (e) => void message.error((e as Error).message),
  });
  const remove = useMutation({
    mutationFn: (id: number) => api(`/brief-recipients/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: (e) => void message.error((e as Error).message),
  });
  const manage = q.data?.can.manage ?? false;
  return (
    <Card
      size="small"
      title={t('briefMail.recipients')}
      style={{ marginBottom: 12 }}
      data-testid="brief-recipients"
      id="brief-recipients"
    >
      <Typography.Paragraph type="secondary">{t('briefMail.recipientsHint')}</Typography.Paragraph>
      {manage && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ lang: 'vi' }}
          onFinish={(v) => add.mutate(v)}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          <Form.Item name="email" rules={[{ required: true, type: 'email' }]}>
            <Input
              placeholder={t('briefMail.email')}
              style={{ width: 240 }}
              dir="ltr"
              data-testid="recipient-email"
            />
          </Form.Item>
          <Form.Item name="name" rules={[{ required: true }]}>
            <Input placeholder={t('briefMail.name')} style={{ width: 200 }} data-testid="recipient-name" />
          </Form.Item>
          <Form.Item name="lang">
            <Select
              aria-label={t('briefMail.lang')}
              style={{ width: 130 }}
              options={LANGS.map((l) => ({ value: l, label: LANG_LABEL[l] }))}
            />
          </Form.Item>
          <Button
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={add.isPending}
            data-testid="recipient-add"
          >
            {t('briefMail.add')}
          </Button>
        </Form>
      )}
      <Table
        size="small"
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data?.recipients}
        pagination={false}
        locale={{ emptyText: t('briefMail.noRecipients') }}
        columns={[
          { title: t('briefMail.name'), dataIndex: 'name' },
          { title: t('briefMail.email'), dataIndex: 'email', render: (e: string) => <bdi>{e}</bdi> },
          { title: t('briefMail.lang'), dataIndex: 'lang', width: 130, render: (l: Lang) => LANG_LABEL[l] },
          ...(manage
            ? [
                {
                  title: '',
                  key: 'rm',
                  width: 60,
                  render: (_v: unknown, r: BriefRecipients['recipients'][number]) => (
                    <Popconfirm
                      title={t('briefMail.removeConfirm', { email: r.email })}
                      onConfirm={() => remove.mutate(r.id)}
                    >
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('briefMail.remove')}
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** Every e-mail of a brief as it went: when, to whom, which file, the SMTP server's answer. */
export function SendingsCard({ programmeId, lang }: { programmeId: number; lang: Lang }) {
  const zone = useProgrammeContext().programme.timeZone;
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['brief-sendings', programmeId],
    queryFn: () => api<BriefSending[]>(`/programmes/${programmeId}/brief-sendings`),
  });
  return (
    <Card size="small" title={t('briefMail.history')} style={{ marginTop: 12 }}>
      <Table
        size="small"
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data}
        locale={{ emptyText: t('briefMail.noHistory') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid="brief-sendings"
        columns={[
          {
            title: t('briefMail.when'),
            dataIndex: 'sentAt',
            width: 160,
            render: (d: string) => formatDateTime(d, lang, zone),
          },
          { title: t('briefs.period'), dataIndex: 'period', width: 100, render: (p: string) => ltr(p) },
          {
            title: t('briefMail.to'),
            key: 'to',
            render: (_v, s) => (
              <>
                {s.name}{' '}
                <Typography.Text type="secondary">
                  <bdi>{`<${s.email}>`}</bdi>
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('briefs.file'),
            key: 'file',
            width: 110,
            render: (_v, s) => `${s.format.toUpperCase()} · ${s.lang}`,
          },
          {
            title: t('briefMail.status'),
            key: 'status',
            render: (_v, s) => (
              <Space direction="vertical" size={0}>
                <Tag color={s.status === 'sent' ? 'green' : 'red'}>{t(`briefMail.statuses.${s.status}`)}</Tag>
                {s.error && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {s.error === 'smtp_not_configured' ? t('briefMail.noSmtp') : s.error}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('briefMail.trigger'),
            key: 'trigger',
            width: 130,
            render: (_v, s) => (
              <>
                {t(`briefMail.triggers.${s.trigger}`)}
                {s.sentBy && (
                  <>
                    <br />
                    <Typography.Text type="secondary">{s.sentBy}</Typography.Text>
                  </>
                )}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
