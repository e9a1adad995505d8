import type { CriteriaSet } from '@shared/schemas/criteria';
import { Card, Select, Space, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ltr } from '../i18n/format';
import { ErrorNote, PageSpinner } from '../ui/states';
import { useTrend } from './api';

/** Between two periods: units that improved or regressed, and how many met each criterion then and now. */
export function TrendView({ set }: { set: CriteriaSet }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? set.periods.at(-2);
  const to = params.get('to') ?? set.periods.at(-1);
  const trend = useTrend(set.id, { from, to });
  const put = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next);
  };
  const options = set.periods.map((p) => ({ value: p, label: p }));
  if (set.periods.length < 2) return <Card>{t('criteria.trendNeedsTwo')}</Card>;
  return (
    <div data-testid="criteria-trend">
      <Space wrap style={{ marginBottom: 8 }}>
        <span>{t('criteria.from')}</span>
        <Select style={{ minWidth: 120 }} value={from} onChange={(v) => put('from', v)} options={options} />
        <span>{t('criteria.to')}</span>
        <Select style={{ minWidth: 120 }} value={to} onChange={(v) => put('to', v)} options={options} />
      </Space>
      {trend.isPending && <PageSpinner />}
      {trend.error && <ErrorNote error={trend.error} />}
      {trend.data && (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <Card size="small">
              <Statistic
                title={t('criteria.improved')}
                value={trend.data.improved}
                valueStyle={{ color: '#389e0d' }}
              />
            </Card>
            <Card size="small">
              <Statistic
                title={t('criteria.regressed')}
                value={trend.data.regressed}
                valueStyle={{ color: '#cf1322' }}
              />
            </Card>
            <Card size="small">
              <Statistic title={t('criteria.unchanged')} value={trend.data.unchanged} />
            </Card>
            <Card size="small">
              <Statistic
                title={t('criteria.allMet')}
                value={ltr(`${trend.data.allMetFrom} → ${trend.data.allMetTo}`)}
              />
            </Card>
          </Space>
          <Space align="start" wrap style={{ width: '100%' }}>
            <Table
              size="small"
              rowKey="criterionId"
              pagination={false}
              dataSource={trend.data.criteria}
              style={{ minWidth: 420 }}
              columns={[
                { title: t('criteria.criterion'), key: 'c', render: (_, c) => `${c.code} · ${c.name}` },
                { title: from, dataIndex: 'from', align: 'end', width: 80 },
                { title: to, dataIndex: 'to', align: 'end', width: 80 },
                {
                  title: '±',
                  key: 'd',
                  align: 'end',
                  width: 70,
                  render: (_, c) => {
                    const d = c.to - c.from;
                    return (
                      <Tag color={d > 0 ? 'green' : d < 0 ? 'red' : undefined}>{d > 0 ? `+${d}` : d}</Tag>
                    );
                  },
                },
              ]}
            />
            <Table
              size="small"
              rowKey={(u) => u.unit.id}
              pagination={{ pageSize: 20 }}
              dataSource={trend.data.units}
              columns={[
                { title: t('criteria.unit'), key: 'u', render: (_, u) => u.unit.name },
                { title: from, dataIndex: 'from', align: 'end', width: 80 },
                { title: to, dataIndex: 'to', align: 'end', width: 80 },
                {
                  title: t('criteria.change'),
                  key: 'ch',
                  render: (_, u) => (
                    <Tag color={u.change === 'improved' ? 'green' : 'red'}>{t(`criteria.${u.change}`)}</Tag>
                  ),
                },
              ]}
            />
          </Space>
        </>
      )}
    </div>
  );
}
