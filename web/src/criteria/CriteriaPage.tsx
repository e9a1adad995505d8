import { DownloadOutlined } from '@ant-design/icons';
import type { CriteriaSet, Matrix } from '@shared/schemas/criteria';
import { Button, Card, Input, Select, Space, Statistic, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { toQueryString } from '../api/client';
import { useMe } from '../api/queries';
import { isLang } from '../i18n';
import { formatNumber } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { UnitSelect } from '../tasks/UnitSelect';
import { Empty, ErrorNote, PageSpinner } from '../ui/states';
import { useCriteriaSets, useMatrix } from './api';
import { ImportCard } from './ImportCard';
import { SetForm, SetView } from './SetForm';
import { TrendView } from './TrendView';
import { UnitValues } from './UnitValues';

type Row = Matrix['rows'][number];

/**
 * Criteria sets and assessments: the matrix of units × criteria (✓ / ✗ / score) with its filters
 * in the URL, the trend between two periods, the set's criteria, the XLSX template and import.
 */
export default function CriteriaPage() {
  const { t } = useTranslation();
  const { programme } = useProgrammeContext();
  const sets = useCriteriaSets(programme.id);
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const set = (k: string, v: string | undefined, reset: string[] = []) => {
    const next = new URLSearchParams(params);
    for (const r of reset) next.delete(r);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };
  if (sets.isPending) return <PageSpinner />;
  if (sets.error) return <ErrorNote error={sets.error} />;
  const list = sets.data;
  const current = list.find((s) => String(s.id) === params.get('set')) ?? list[0];
  const canManage =
    list.some((s) => s.can.manage) ||
    (me.data?.roles.some(
      (r) =>
        r.role === 'admin' ||
        (r.role === 'standing' && (r.programmeId === null || r.programmeId === programme.id)),
    ) ??
      false);
  const tab = params.get('tab') ?? 'matrix';
  return (
    <div data-testid="criteria">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3}>{t('criteria.title')}</Typography.Title>
        <Space wrap>
          {list.length > 0 && (
            <Select
              data-testid="criteria-set"
              style={{ minWidth: 320, maxWidth: '80vw' }}
              value={current?.id}
              onChange={(v) => set('set', String(v), ['period', 'missing', 'allMet', 'from', 'to'])}
              options={list.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
            />
          )}
          {canManage && (
            <Button onClick={() => setCreating(true)} data-testid="criteria-new-set">
              {t('criteria.newSet')}
            </Button>
          )}
        </Space>
      </Space>
      {!current ? (
        <Empty text={t('criteria.noSets')} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => set('tab', k === 'matrix' ? undefined : k)}
          items={[
            { key: 'matrix', label: t('criteria.matrix'), children: <MatrixView set={current} /> },
            { key: 'trend', label: t('criteria.trend'), children: <TrendView set={current} /> },
            { key: 'criteria', label: t('criteria.criteriaTab'), children: <SetView set={current} /> },
            { key: 'import', label: t('criteria.import'), children: <ImportCard set={current} /> },
          ]}
        />
      )}
      {creating && <SetForm programmeId={programme.id} onClose={() => setCreating(false)} />}
    </div>
  );
}

function MatrixView({ set }: { set: CriteriaSet }) {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'vi';
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<Row['unit'] | null>(null);
  const period = params.get('period') ?? set.periods.at(-1) ?? String(new Date().getFullYear());
  const missing = params.get('missing') ?? undefined;
  const allMet = params.get('allMet') ?? undefined;
  const parentUnitId = params.get('parent') ?? undefined;
  const q = params.get('q') ?? undefined;
  const query = { period, missing, allMet, parentUnitId, q };
  const m = useMatrix(set.id, query);
  const put = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };
  const data = m.data;
  const counts = new Map((data?.counts ?? []).map((c) => [c.criterionId, c]));
  const columns: ColumnsType<Row> = [
    {
      title: t('criteria.unit'),
      key: 'unit',
      fixed: 'start',
      width: 220,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setOpen(r.unit)} style={{ padding: 0 }}>
          {r.unit.name}
        </Button>
      ),
    },
    ...set.criteria.map((c, i) => ({
      title: (
        <Tooltip title={c.name}>
          <div style={{ textAlign: 'center' }}>
            <div>{c.code}</div>
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {formatNumber(counts.get(c.id)?.met ?? 0, lang)}/{formatNumber(data?.total ?? 0, lang)}
            </Typography.Text>
          </div>
        </Tooltip>
      ),
      key: c.code,
      width: 76,
      align: 'center' as const,
      render: (_: unknown, r: Row) => <Cell met={r.met[i] ?? null} score={r.scores[i] ?? null} lang={lang} />,
    })),
    {
      title: t('criteria.metCount'),
      key: 'n',
      width: 90,
      align: 'center',
      render: (_, r) => `${formatNumber(r.metCount, lang)}/${formatNumber(set.criteria.length, lang)}`,
    },
  ];
  return (
    <div data-testid="criteria-matrix">
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          data-testid="criteria-period"
          style={{ minWidth: 120 }}
          value={period}
          onChange={(v) => put('period', v)}
          options={[...new Set([...set.periods, period])].map((p) => ({ value: p, label: p }))}
        />
        <Select
          allowClear
          data-testid="criteria-missing"
          placeholder={t('criteria.missing')}
          style={{ minWidth: 260 }}
          value={missing ? Number(missing) : undefined}
          onChange={(v) => put('missing', v ? String(v) : undefined)}
          options={set.criteria.map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }))}
          popupMatchSelectWidth={false}
        />
        <Select
          allowClear
          data-testid="criteria-allmet"
          placeholder={t('criteria.allMetFilter')}
          style={{ minWidth: 200 }}
          value={allMet}
          onChange={(v) => put('allMet', v)}
          options={[
            { value: 'true', label: t('criteria.meetsAll') },
            { value: 'false', label: t('criteria.missesSome') },
          ]}
        />
        <span>{t('criteria.parent')}</span>
        <div style={{ minWidth: 240 }}>
          <UnitSelect
            value={parentUnitId ? Number(parentUnitId) : undefined}
            onChange={(v) => put('parent', v ? String(v) : undefined)}
          />
        </div>
        <Input.Search
          allowClear
          placeholder={t('criteria.search')}
          defaultValue={q}
          onSearch={(v) => put('q', v || undefined)}
          style={{ width: 200 }}
        />
        <Button
          icon={<DownloadOutlined />}
          href={`/api/v1/criteria/sets/${set.id}/matrix.xlsx${toQueryString(query)}`}
          download
          data-testid="criteria-export"
        >
          {t('criteria.export')}
        </Button>
      </Space>
      {m.error && <ErrorNote error={m.error} />}
      {data && (
        <Space wrap style={{ marginBottom: 8 }}>
          <Card size="small" data-testid="criteria-total">
            <Statistic title={t('criteria.units')} value={data.total} />
          </Card>
          <Card size="small">
            <Statistic title={t('criteria.allMet')} value={data.allMet} suffix={`/ ${data.total}`} />
          </Card>
          <Card size="small" data-testid="criteria-shown">
            <Statistic title={t('criteria.shown')} value={data.rows.length} />
          </Card>
        </Space>
      )}
      <Table<Row>
        size="small"
        virtual
        rowKey={(r) => r.unit.id}
        loading={m.isFetching}
        dataSource={data?.rows ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 220 + 90 + set.criteria.length * 76, y: 560 }}
        data-testid="criteria-table"
        locale={{ emptyText: t('criteria.noRows') }}
      />
      {open && <UnitValues set={set} unit={open} period={period} onClose={() => setOpen(null)} />}
    </div>
  );
}

/** ✓ met, ✗ not met, the score (green when it reaches the threshold), · not assessed. */
function Cell({ met, score, lang }: { met: boolean | null; score: number | null; lang: 'vi' | 'en' | 'ar' }) {
  if (met === null) return <Typography.Text type="secondary">·</Typography.Text>;
  if (score !== null)
    return (
      <Tag color={met ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
        {formatNumber(score, lang, score % 1 ? 1 : 0)}
      </Tag>
    );
  return met ? (
    <span style={{ color: '#389e0d' }} aria-label="met">
      ✓
    </span>
  ) : (
    <span style={{ color: '#cf1322' }} aria-label="not met">
      ✗
    </span>
  );
}
