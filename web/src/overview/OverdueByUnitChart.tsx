import type { Summary } from '@shared/schemas/tasks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import EChart from '../ui/EChart';

const STATE_COLOR = '#cf1322';

/** Units leading overdue tasks, most first (top 15), as horizontal bars; a click opens that unit's list. */
export default function OverdueByUnitChart(props: {
  rows: Summary['overdueByUnit'];
  rtl: boolean;
  onUnit: (unitId: number) => void;
}) {
  const { t } = useTranslation();
  const top = useMemo(() => props.rows.slice(0, 15), [props.rows]);
  const option = useMemo(() => {
    const rows = [...top].reverse(); // ECharts draws the first category at the bottom
    return {
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number }[]) => {
          const r = rows[ps[0]?.dataIndex ?? 0];
          return r
            ? `${escapeHtml(r.name)}<br/>${t('overview.overdueOf', { overdue: r.overdue, total: r.total })}`
            : '';
        },
      },
      xAxis: { type: 'value', minInterval: 1, inverse: props.rtl },
      yAxis: {
        type: 'category',
        position: props.rtl ? 'right' : 'left',
        data: rows.map((r) => r.name),
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => ({ value: r.overdue, unitId: r.unitId })),
          itemStyle: { color: STATE_COLOR },
          label: { show: true, position: props.rtl ? 'left' : 'right' },
          barMaxWidth: 22,
          cursor: 'pointer',
        },
      ],
    };
  }, [top, props.rtl, t]);
  return (
    <EChart
      option={option}
      height={Math.max(160, top.length * 30 + 24)}
      testId="overdue-by-unit-chart"
      ariaLabel={t('overview.overdueByUnit')}
      onClick={(e) => {
        const id = (e.data as { unitId?: number } | undefined)?.unitId;
        if (id) props.onUnit(id);
      }}
    />
  );
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
