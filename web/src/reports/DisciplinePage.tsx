import type { Discipline } from '@shared/schemas/reports';
import { Card, Col, Input, List, Row, Select, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodOf, previousPeriod } from '@shared/periods';
import { useDiscipline } from '../api/cycle';
import { useAsOf } from '../app/useAsOf';
import { isLang, type Lang } from '../i18n';
import { formatNumber, ltr } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { ErrorNote, PageSpinner } from '../ui/states';
import { UnitSelect } from '../tasks/UnitSelect';
import { DisciplineCell } from './labels';
import './reports.css';

type UnitRow = Discipline['units'][number];

/** Who reported on time, late or not at all, period by period, with DHIS2's two rates. */
export default function DisciplinePage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme, today } = useProgrammeContext();
  const [weeks, setWeeks] = useState(8);
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState<number | undefined>();
  // The "as of" day in the URL replays a past week: reports sent after it are not seen.
  const [asOf] = useAsOf();
  const range = useMemo(() => {
    const to = periodOf(asOf ?? today ?? new Date().toISOString().slice(0, 10), programme.cadence);
    let from = to;
    for (let i = 1; i < weeks; i++) from = previousPeriod(from);
    return { from: from.key, to: to.key };
  }, [asOf, today, programme.cadence, weeks]);
  const d = useDiscipline({ programmeId: programme.id, ...range, unitId, asOf });

  if (d.isPending) return <PageSpinner />;
  if (d.isError) return <ErrorNote error={d.error} onRetry={() => void d.refetch()} />;
  const data = d.data;
  const rate = (n: number | null) => (n === null ? '—' : `${formatNumber(n, lang, 2)}%`);
  const needle = q.trim().toLowerCase();
  const rows = needle
    ? data.units.filter((u) => `${u.code} ${u.name}`.toLowerCase().includes(needle))
    : data.units;

  return (
    <div data-testid="discipline">
      <Typography.Title level={3}>{t('discipline.title')}</Typography.Title>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('discipline.reportingRate')} value={rate(data.totals.reportingRate)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('discipline.onTimeRate')} value={rate(data.totals.onTimeRate)} />
          </Card>
        </Col>
        <Col xs={8} md={4}>
          <Card size="small">
            <Statistic title={t('discipline.expected')} value={data.totals.expected} />
          </Card>
        </Col>
        <Col xs={8} md={4}>
          <Card size="small">
            <Statistic title={t('discipline.received')} value={data.totals.received} />
          </Card>
        </Col>
        <Col xs={8} md={4}>
          <Card size="small">
            <Statistic title={t('discipline.onTime')} value={data.totals.onTime} />
          </Card>
        </Col>
      </Row>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 8 }}>
        <Typography.Text style={{ alignSelf: 'center' }}>{t('discipline.range')}</Typography.Text>
        <Select
          value={weeks}
          onChange={setWeeks}
          aria-label={t('discipline.range')}
          options={[4, 8, 12, 26].map((n) => ({ value: n, label: String(n) }))}
          style={{ width: 80 }}
        />
        <div style={{ width: 280 }} title={t('discipline.subtree')}>
          <UnitSelect value={unitId} onChange={setUnitId} />
        </div>
        <Input.Search
          allowClear
          placeholder={t('discipline.search')}
          onChange={(e) => setQ(e.target.value)}
          style={{ maxWidth: 280 }}
        />
        <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
          {ltr(range.from)} → {ltr(range.to)}
        </Typography.Text>
      </div>
      <Table<UnitRow>
        className="discipline-table"
        size="small"
        rowKey="unitId"
        virtual
        scroll={{ x: 400 + data.periods.length * 110, y: 560 }}
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('discipline.unit'),
            key: 'unit',
            fixed: 'start',
            width: 260,
            ellipsis: true,
            render: (_, u) => <span title={u.code}>{u.name}</span>,
            sorter: (a, b) => a.name.localeCompare(b.name),
          },
          ...data.periods.map((p, i) => ({
            title: ltr(p.key),
            key: p.key,
            width: 110,
            render: (_: unknown, u: UnitRow) => <DisciplineCell cell={u.cells[i]!} />,
          })),
          { title: t('discipline.expected'), dataIndex: 'expected', width: 90 },
          { title: t('discipline.received'), dataIndex: 'received', width: 90 },
          { title: t('discipline.onTime'), dataIndex: 'onTime', width: 90 },
          {
            title: t('discipline.onTimeRate'),
            key: 'rate',
            width: 120,
            sorter: (a, b) => a.onTime / (a.expected || 1) - b.onTime / (b.expected || 1),
            render: (_, u) => (u.expected ? rate(Math.round((u.onTime / u.expected) * 10_000) / 100) : '—'),
          },
        ]}
      />
      <Card size="small" title={t('discipline.never')} style={{ marginTop: 16 }}>
        <List
          size="small"
          data-testid="never-reported"
          locale={{ emptyText: t('discipline.neverNone') }}
          dataSource={data.neverReported}
          renderItem={(u) => <List.Item>{u.name}</List.Item>}
        />
      </Card>
    </div>
  );
}
