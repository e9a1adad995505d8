import { DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import type { Brief, BriefFormat } from '@shared/schemas/briefs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useWarningSummaries } from '../api/cycle';
import { download } from '../cockpit/download';
import { isLang, LANG_LABEL, LANGS, type Lang } from '../i18n';
import { formatDate, formatDateTime, formatNumber, ltr } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { ErrorNote, PageSpinner } from '../ui/states';
import { WhyDisabled } from '../ui/WhyDisabled';
import { RecipientsCard, SendBriefButton, SendingsCard, useRecipients } from './BriefMail';

/** The weekly briefs: written by themselves after publication, or here on demand; the archive. */
export default function BriefsPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const qc = useQueryClient();
  const lists = useWarningSummaries(programme.id);
  const recipients = useRecipients(programme.id);
  const briefs = useQuery({
    queryKey: ['briefs', programme.id],
    queryFn: () => api<Brief[]>('/briefs', { query: { programmeId: programme.id } }),
  });
  const [period, setPeriod] = useState<string | undefined>();
  const [format, setFormat] = useState<BriefFormat>('docx');
  // The document's language follows the screen's until the user picks another.
  const [docLangChoice, setDocLang] = useState<Lang | undefined>();
  const docLang = docLangChoice ?? lang;
  const write = useMutation({
    mutationFn: (body: { period: string; format: BriefFormat; lang: Lang }) =>
      api<Brief>(`/programmes/${programme.id}/briefs`, { method: 'POST', body }),
    onSuccess: (b) => {
      void qc.invalidateQueries({ queryKey: ['briefs', programme.id] });
      // The file at once (it is archived as well); the link below stays if the browser held it back.
      setReady(b);
      void download(`/briefs/${b.id}/file`, {}).catch(() => undefined);
    },
  });
  const [ready, setReady] = useState<Brief | null>(null);

  if (briefs.isPending || lists.isPending) return <PageSpinner />;
  if (briefs.isError) return <ErrorNote error={briefs.error} onRetry={() => void briefs.refetch()} />;
  const periods = [...new Set((lists.data ?? []).map((l) => l.period))];
  // The latest published period by default: its list is what the brief reports.
  const chosen = period ?? (lists.data ?? []).find((l) => l.status === 'published')?.period ?? periods[0];

  return (
    <div>
      <Typography.Title level={3}>{t('briefs.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('briefs.hint')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select
            aria-label={t('briefs.period')}
            style={{ width: 150 }}
            value={chosen}
            onChange={setPeriod}
            options={periods.map((p) => ({ value: p, label: ltr(p) }))}
            data-testid="brief-period"
          />
          <Select
            aria-label={t('briefs.format')}
            style={{ width: 110 }}
            value={format}
            onChange={setFormat}
            options={(['docx', 'xlsx', 'pdf'] as const).map((f) => ({ value: f, label: f.toUpperCase() }))}
            data-testid="brief-format"
          />
          <Select
            aria-label={t('briefs.lang')}
            style={{ width: 130 }}
            value={docLang}
            onChange={setDocLang}
            options={LANGS.map((l) => ({ value: l, label: LANG_LABEL[l] }))}
            data-testid="brief-lang"
          />
          <WhyDisabled
            reason={
              !chosen && (
                <>
                  {t('unitScreens.noListForBrief')}{' '}
                  <Link to={`/p/${programme.id}/warnings`}>{t('unitScreens.openWarnings')}</Link>
                </>
              )
            }
          >
            <Button
              type="primary"
              icon={<FileTextOutlined />}
              disabled={!chosen}
              loading={write.isPending}
              onClick={() => chosen && write.mutate({ period: chosen, format, lang: docLang })}
              data-testid="brief-generate"
            >
              {t('briefs.generate')}
            </Button>
          </WhyDisabled>
        </Space>
        {!chosen && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('unitScreens.noListForBrief')}{' '}
            <Link to={`/p/${programme.id}/warnings`}>{t('unitScreens.openWarnings')}</Link>
          </Typography.Paragraph>
        )}
        {ready && !write.isPending && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="brief-ready"
            title={t('unitScreens.briefReady', { file: ready.fileName })}
            description={t('briefs.generated', { file: ready.fileName, ms: ready.tookMs })}
            action={
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => void download(`/briefs/${ready.id}/file`, {})}
                data-testid="brief-ready-download"
              >
                {t('unitScreens.briefAgain')}
              </Button>
            }
          />
        )}
        {write.isPending && (
          <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('briefs.generating')} />
        )}
        {write.isError && (
          <Alert type="error" showIcon style={{ marginTop: 12 }} title={(write.error as Error).message} />
        )}
      </Card>
      <RecipientsCard programmeId={programme.id} />
      <Card
        size="small"
        title={t('briefs.archive')}
        extra={
          recipients.data?.can.send &&
          recipients.data.recipients.length === 0 && (
            <Typography.Text type="secondary" data-testid="brief-no-recipients">
              {t('unitScreens.addRecipientsFirst')}{' '}
              <a href="#brief-recipients">{t('unitScreens.addRecipients')}</a>
            </Typography.Text>
          )
        }
      >
        <Table
          size="small"
          rowKey="id"
          dataSource={briefs.data}
          locale={{ emptyText: t('briefs.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="brief-archive"
          columns={[
            { title: t('briefs.period'), dataIndex: 'period', width: 110, render: (p: string) => ltr(p) },
            { title: t('briefs.file'), dataIndex: 'fileName', render: (f: string) => <bdi>{f}</bdi> },
            {
              title: t('briefs.asOf'),
              dataIndex: 'asOf',
              width: 120,
              render: (d: string) => formatDate(d, lang),
            },
            {
              title: t('briefs.by'),
              key: 'by',
              render: (_v, b) => (
                <>
                  {b.generatedBy ?? t('briefs.system')}
                  <br />
                  <Typography.Text type="secondary">
                    {formatDateTime(b.generatedAt, lang, programme.timeZone)}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t('briefs.size'),
              dataIndex: 'bytes',
              align: 'end',
              width: 100,
              render: (n: number) => `${formatNumber(Math.ceil(n / 1024), lang)} KB`,
            },
            {
              title: '',
              key: 'dl',
              width: 200,
              render: (_v, b) => (
                <Space size={4}>
                  <Button
                    size="small"
                    onClick={() => void download(`/briefs/${b.id}/file`, {})}
                    data-testid="brief-download"
                  >
                    {t('briefs.download')}
                  </Button>
                  {recipients.data?.can.send && (
                    <SendBriefButton brief={b} count={recipients.data.recipients.length} />
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <SendingsCard programmeId={programme.id} lang={lang} />
    </div>
  );
}
