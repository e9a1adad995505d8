import { UploadOutlined } from '@ant-design/icons';
import type { EntrySheet, ImportResult, ValueEntry } from '@shared/schemas/indicators';
import { lastPeriods, VALUE_CADENCES, type ValueCadence } from '@shared/indicators';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/queries';
import { isLang, type Lang } from '../i18n';
import { formatDateTime, ltr, measureText } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { UnitSelect } from '../tasks/UnitSelect';
import { Empty, ErrorNote, PageSpinner } from '../ui/states';
import { importValues, saveValues, useEntrySheet } from './api';
import './indicators.css';
import { WhyDisabled } from '../ui/WhyDisabled';

type Row = EntrySheet['rows'][number];
/** A run of either direction kept whole inside the other (first-strong isolate). */
const isolate = (s: string) => `\u2068${s}\u2069`;
type Draft = { value: number | null; numerator: number | null; denominator: number | null };

/** A unit's KPI values for one period: enter them by hand, or import a CSV/XLSX sheet. */
export default function ValuesEntryPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme, today } = useProgrammeContext();
  const me = useMe();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const wide = (me.data?.roles ?? []).some((r) =>
    ['admin', 'standing', 'steering', 'inspector'].includes(r.role),
  );
  const myUnits = (me.data?.roles ?? []).filter((r) => r.unitId !== null).map((r) => r.unitId!);
  const [unitId, setUnitId] = useState<number | undefined>(
    wide ? (programme.rootUnitId ?? undefined) : myUnits[0],
  );
  const [cadence, setCadence] = useState<ValueCadence>('quarterly');
  const periods = useMemo(
    () => lastPeriods(today ?? new Date().toISOString().slice(0, 10), cadence, 12).reverse(),
    [today, cadence],
  );
  const [period, setPeriod] = useState(periods[0]!.key);
  useEffect(() => setPeriod(periods[0]!.key), [periods]);
  const sheet = useEntrySheet(programme.id, unitId, period);
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  useEffect(() => setDrafts({}), [unitId, period]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [mode, setMode] = useState<'all' | 'valid'>('all');
  const [result, setResult] = useState<ImportResult | null>(null);

  const draftOf = (r: Row): Draft => drafts[r.indicator.id] ?? r;
  const set = (r: Row, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [r.indicator.id]: { ...draftOf(r), ...patch } }));

  async function save() {
    if (!unitId || !sheet.data) return;
    const entries: ValueEntry[] = sheet.data.rows
      .filter((r) => drafts[r.indicator.id])
      .map((r) => {
        const d = drafts[r.indicator.id]!;
        return r.indicator.aggregation === 'ratio'
          ? { indicatorId: r.indicator.id, period, numerator: d.numerator, denominator: d.denominator }
          : { indicatorId: r.indicator.id, period, value: d.value };
      });
    if (!entries.length) return;
    setSaving(true);
    setError(null);
    try {
      const out = await saveValues(programme.id, unitId, entries);
      void message.success(t('indicators.saved', { n: out.saved }));
      setDrafts({});
      await qc.invalidateQueries({ queryKey: ['indicator-values'] });
      await qc.invalidateQueries({ queryKey: ['okrs'] });
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  async function upload(file: File) {
    const xlsx = /\.xlsx$/i.test(file.name);
    const content = xlsx
      ? btoa(Array.from(new Uint8Array(await file.arrayBuffer()), (b) => String.fromCharCode(b)).join(''))
      : await file.text();
    setError(null);
    try {
      const out = await importValues(programme.id, { format: xlsx ? 'xlsx' : 'csv', content, mode });
      setResult(out);
      if (out.committed) {
        await qc.invalidateQueries({ queryKey: ['indicator-values'] });
        await qc.invalidateQueries({ queryKey: ['okrs'] });
      }
    } catch (e) {
      setError(e);
    }
    return false;
  }

  const canEdit = sheet.data?.canEdit ?? false;
  const input = (r: Row, field: keyof Draft) => (
    <InputNumber
      value={draftOf(r)[field]}
      min={field === 'denominator' ? 0 : r.indicator.allowNegative ? undefined : 0}
      disabled={!canEdit}
      onChange={(v) => set(r, { [field]: v ?? null })}
      aria-label={`${r.indicator.code} ${t(`indicators.${field}`)}`}
      data-testid={`value-${r.indicator.code}-${field}`}
      style={{ width: 130 }}
    />
  );

  return (
    <div data-testid="kpi-entry">
      <Typography.Title level={3}>{t('indicators.entryTitle')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        {wide ? (
          <UnitSelect value={unitId} onChange={setUnitId} />
        ) : (
          <Select
            value={unitId}
            onChange={setUnitId}
            aria-label={t('indicators.unit')}
            options={myUnits.map((id) => ({ value: id, label: String(id) }))}
            style={{ minWidth: 160, display: myUnits.length > 1 ? undefined : 'none' }}
          />
        )}
        <Select
          value={cadence}
          onChange={setCadence}
          aria-label={t('indicators.cadence')}
          options={VALUE_CADENCES.map((c) => ({ value: c, label: t(`indicators.cadenceLabel.${c}`) }))}
          style={{ width: 110 }}
        />
        <Select
          value={period}
          onChange={setPeriod}
          aria-label={t('indicators.period')}
          data-testid="period-select"
          options={periods.map((p) => ({ value: p.key, label: ltr(p.key) }))}
          style={{ width: 130 }}
        />
      </Space>
      {error !== null && <ErrorNote error={error} />}
      {sheet.isPending && unitId !== undefined ? (
        <PageSpinner />
      ) : sheet.isError ? (
        <ErrorNote error={sheet.error} onRetry={() => void sheet.refetch()} />
      ) : !sheet.data ? (
        <Empty text={t('indicators.chooseUnit')} />
      ) : (
        <Card size="small" title={`${sheet.data.unit.name} · ${ltr(sheet.data.period)}`}>
          {!canEdit && <Alert type="info" title={t('indicators.readOnly')} style={{ marginBottom: 8 }} />}
          {sheet.data.rows.length === 0 ? (
            <Empty text={t('indicators.noRows')} />
          ) : (
            <Table
              size="small"
              rowKey={(r) => r.indicator.id}
              pagination={false}
              dataSource={sheet.data.rows}
              scroll={{ x: 800 }}
              columns={[
                {
                  title: t('indicators.indicator'),
                  key: 'name',
                  render: (_, r) => (
                    <div>
                      <Typography.Text strong>{r.indicator.name}</Typography.Text>
                      <div className="okr__sub">
                        {ltr(r.indicator.code)} · {measureText(r.indicator.measure, lang)}
                      </div>
                    </div>
                  ),
                },
                {
                  title: t('indicators.value'),
                  key: 'value',
                  render: (_, r) =>
                    r.indicator.aggregation === 'ratio' ? (
                      <Space wrap>
                        {input(r, 'numerator')}
                        <span>/</span>
                        {input(r, 'denominator')}
                      </Space>
                    ) : (
                      input(r, 'value')
                    ),
                },
                {
                  title: t('indicators.enteredBy'),
                  key: 'by',
                  render: (_, r) =>
                    r.enteredAt ? (
                      <div className="okr__sub">
                        {isolate(r.enteredBy ?? '—')} ·{' '}
                        {isolate(formatDateTime(r.enteredAt, lang, programme.timeZone))}
                        {r.revisions > 1 && ` · ${t('indicators.revisions', { n: r.revisions })}`}
                      </div>
                    ) : (
                      <span className="okr__sub">{t('indicators.notReported')}</span>
                    ),
                },
              ]}
            />
          )}
          {canEdit && sheet.data.rows.length > 0 && (
            <WhyDisabled reason={!Object.keys(drafts).length && t('unitScreens.noChanges')}>
              <Button
                type="primary"
                onClick={() => void save()}
                loading={saving}
                disabled={!Object.keys(drafts).length}
                style={{ marginTop: 12 }}
                data-testid="save-values"
              >
                {t('indicators.save')}
              </Button>
            </WhyDisabled>
          )}
        </Card>
      )}
      <Card size="small" title={t('indicators.import')} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t('indicators.importHint')}</Typography.Paragraph>
        <Space wrap>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value as 'all' | 'valid')}
            options={[
              { value: 'all', label: t('indicators.importAll') },
              { value: 'valid', label: t('indicators.importValid') },
            ]}
          />
          <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => upload(f)}>
            <Button icon={<UploadOutlined />} data-testid="import-values">
              {t('indicators.chooseFile')}
            </Button>
          </Upload>
        </Space>
        {result && (
          <div style={{ marginTop: 12 }} data-testid="import-result">
            <Alert
              type={result.committed ? (result.errors.length ? 'warning' : 'success') : 'error'}
              title={
                result.committed
                  ? t('indicators.importDone', { imported: result.imported, rows: result.rows })
                  : t('indicators.importRejected', { n: result.errors.length })
              }
            />
            {result.errors.length > 0 && (
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={result.errors}
                columns={[
                  { title: t('indicators.row'), dataIndex: 'row', width: 80 },
                  {
                    title: t('indicators.column'),
                    dataIndex: 'column',
                    width: 120,
                    render: (c: string | null) => c ?? '—',
                  },
                  { title: t('indicators.error'), dataIndex: 'message' },
                ]}
                style={{ marginTop: 8 }}
              />
            )}
          </div>
        )}
      </Card>
    </div>
  );
}
