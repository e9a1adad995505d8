import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportResult, IndicatorsResponse } from '@shared/schemas/records';
import { Alert, Button, Card, DatePicker, Progress, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { isLang, type Lang } from '../i18n';
import { formatNumber, ltr } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { useUnitReader } from '../app/useUnitReader';
import { ErrorNote } from '../ui/states';
import { uploadRecords } from './upload';

type Indicator = IndicatorsResponse['indicators'][number];

/** Service records: upload a file with a progress bar and the row errors; the indicators computed from them. */
export default function ServiceRecordsPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const qc = useQueryClient();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs('2025-07-01'), dayjs('2025-11-12')]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  // A unit's readers read the indicators of their own unit (and below), not the programme's.
  const unitReader = useUnitReader(programme.id);
  const scope = unitReader ? { unitId: unitReader.unitId } : { programmeId: programme.id };
  const fetchGroups = (groupBy: 'month' | 'unit') =>
    api<IndicatorsResponse>('/service-indicators', { query: { ...scope, from, to, groupBy } });
  const months = useQuery({
    queryKey: ['service-indicators', scope, from, to, 'month'],
    queryFn: () => fetchGroups('month'),
  });
  const units = useQuery({
    queryKey: ['service-indicators', scope, from, to, 'unit'],
    queryFn: () => fetchGroups('unit'),
  });

  const fileRef = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState('all');
  const [encoding, setEncoding] = useState('utf-8');
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const send = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setResult(null);
    setFailure(null);
    setProgress(0);
    try {
      setResult(await uploadRecords(file, { mode, encoding }, setProgress));
      await qc.invalidateQueries({ queryKey: ['service-indicators'] });
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  };

  const pct = (i: Indicator | undefined) =>
    !i
      ? ''
      : i.value === null
        ? t('records.notApplicable')
        : `${formatNumber(i.value, lang, 2)}${i.unit === '%' ? ' %' : ''}`;
  const pick = (list: Indicator[], code: string) => list.find((i) => i.code === code);
  const codes = months.data?.indicators.map((i) => i.code) ?? [];

  return (
    <div data-testid="service-records">
      <Typography.Title level={3}>{t('records.title')}</Typography.Title>
      <Card title={t('records.upload')} size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <input ref={fileRef} type="file" accept=".csv,.xlsx,.ndjson,.jsonl" data-testid="records-file" />
          <Select
            value={mode}
            onChange={setMode}
            style={{ width: 240 }}
            options={[
              { value: 'all', label: t('records.modeAll') },
              { value: 'good', label: t('records.modeGood') },
            ]}
          />
          <Select
            value={encoding}
            onChange={setEncoding}
            style={{ width: 160 }}
            options={[
              { value: 'utf-8', label: 'UTF-8' },
              { value: 'windows-1258', label: 'Windows-1258' },
            ]}
          />
          <Button type="primary" onClick={() => void send()} loading={progress !== null}>
            {t('records.send')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('records.columnsHint')}
        </Typography.Paragraph>
        {progress !== null && <Progress percent={Math.round(progress * 100)} status="active" />}
        {failure && <Alert type="error" title={failure} style={{ marginTop: 8 }} />}
        {result && (
          <>
            <Alert
              style={{ marginTop: 8 }}
              type={result.status === 'done' ? (result.failed ? 'warning' : 'success') : 'error'}
              title={t(result.status === 'done' ? 'records.done' : 'records.refused', {
                imported: formatNumber(result.imported, lang),
                rows: formatNumber(result.rows, lang),
                failed: formatNumber(result.failed, lang),
              })}
            />
            {result.errors.length > 0 && (
              <Table
                size="small"
                style={{ marginTop: 8 }}
                rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.code}`}
                dataSource={result.errors}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: t('records.row'), dataIndex: 'row', width: 90 },
                  {
                    title: t('records.column'),
                    dataIndex: 'column',
                    width: 200,
                    render: (c: string | null) => (c ? ltr(c) : ''),
                  },
                  { title: t('records.reason'), dataIndex: 'message' },
                ]}
              />
            )}
          </>
        )}
      </Card>

      <Card
        size="small"
        title={
          unitReader && months.data
            ? t('unitScreens.recordsOf', { unit: months.data.unit.name })
            : t('records.indicators')
        }
        extra={
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
        }
      >
        {months.isError ? (
          <ErrorNote error={months.error} />
        ) : (
          <>
            <Table<Indicator>
              size="small"
              rowKey="code"
              loading={months.isPending}
              dataSource={months.data?.indicators ?? []}
              pagination={false}
              columns={[
                {
                  title: t('records.indicator'),
                  key: 'name',
                  render: (_, i) => t(`records.codes.${i.code.slice(8)}` as 'records.title'),
                },
                {
                  title: t('records.numerator'),
                  key: 'n',
                  align: 'end',
                  render: (_, i) => formatNumber(i.numerator, lang, i.unit === 'days' ? 2 : 0),
                },
                {
                  title: t('records.denominator'),
                  key: 'd',
                  align: 'end',
                  render: (_, i) => formatNumber(i.denominator, lang),
                },
                { title: t('records.value'), key: 'v', align: 'end', render: (_, i) => pct(i) },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('records.trend')}
            </Typography.Title>
            <Table
              size="small"
              rowKey="key"
              loading={months.isPending}
              dataSource={months.data?.groups ?? []}
              pagination={false}
              columns={[
                { title: t('records.month'), dataIndex: 'key' },
                {
                  title: t('records.records'),
                  key: 'r',
                  align: 'end',
                  render: (_, g) => formatNumber(g.records, lang),
                },
                ...codes.map((c) => ({
                  title: t(`records.short.${c.slice(8)}` as 'records.title'),
                  key: c,
                  align: 'end' as const,
                  render: (_: unknown, g: { indicators: Indicator[] }) => pct(pick(g.indicators, c)),
                })),
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('records.byUnit')}
            </Typography.Title>
            <Table
              size="small"
              rowKey="key"
              loading={units.isPending}
              dataSource={units.data?.groups ?? []}
              pagination={{ pageSize: 20 }}
              columns={[
                { title: t('records.unit'), dataIndex: 'label' },
                {
                  title: t('records.records'),
                  key: 'r',
                  align: 'end',
                  render: (_, g) => formatNumber(g.records, lang),
                },
                ...codes.map((c) => ({
                  title: t(`records.short.${c.slice(8)}` as 'records.title'),
                  key: c,
                  align: 'end' as const,
                  render: (_: unknown, g: { indicators: Indicator[] }) => pct(pick(g.indicators, c)),
                })),
              ]}
            />
          </>
        )}
      </Card>
    </div>
  );
}
