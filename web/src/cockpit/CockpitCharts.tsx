import type { Cockpit } from '@shared/schemas/cockpit';
import { TASK_STATES } from '@shared/vocabulary';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n';
import EChart from '../ui/EChart';
import { STATE_COLORS } from '../ui/StateTag';

/** Tasks by state at each week's end, stacked: the programme's trend at a glance. */
export function TrendChart(props: { trend: Cockpit['trend']; lang: Lang }) {
  const { t } = useTranslation();
  const rtl = props.lang === 'ar';
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        inverse: rtl,
        // Day/month: short, and the same order in every language (no bidi reordering on the canvas).
        data: props.trend.map((w) => `${w.date.slice(8, 10)}/${w.date.slice(5, 7)}`),
      },
      yAxis: { type: 'value', minInterval: 1, position: rtl ? 'right' : 'left' },
      series: TASK_STATES.map((s) => ({
        name: t(`state.${s}`),
        type: 'bar',
        stack: 'tasks',
        itemStyle: { color: STATE_COLORS[s] },
        data: props.trend.map((w) => w.byState[s]),
        barMaxWidth: 28,
      })),
    }),
    [props.trend, props.lang, rtl, t],
  );
  return <EChart option={option} height={260} testId="trend-chart" ariaLabel={t('cockpit.trend')} />;
}

/** Overdue tasks per specialised group; a click drills into that group. */
export function GroupChart(props: {
  rows: { groupId: number | null; name: string; overdue: number; total: number }[];
  lang: Lang;
  onGroup: (id: number) => void;
}) {
  const { t } = useTranslation();
  const rtl = props.lang === 'ar';
  const rows = useMemo(() => [...props.rows].reverse(), [props.rows]);
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, inverse: rtl },
      yAxis: {
        type: 'category',
        position: rtl ? 'right' : 'left',
        data: rows.map((r) => r.name),
        axisLabel: { width: 160, overflow: 'truncate' },
      },
      series: [
        {
          name: t('cockpit.overdue'),
          type: 'bar',
          data: rows.map((r) => ({ value: r.overdue, groupId: r.groupId })),
          itemStyle: { color: STATE_COLORS.overdue },
          label: { show: true, position: rtl ? 'left' : 'right' },
          barMaxWidth: 22,
          cursor: 'pointer',
        },
      ],
    }),
    [rows, rtl, t],
  );
  return (
    <EChart
      option={option}
      height={Math.max(140, rows.length * 34 + 24)}
      testId="group-chart"
      ariaLabel={t('cockpit.overdueByGroup')}
      onClick={(e) => {
        const id = (e.data as { groupId?: number | null } | undefined)?.groupId;
        if (id) props.onGroup(id);
      }}
    />
  );
}

/** Reporting rate and on-time rate per period, in percent. */
export function ReportingChart(props: { rows: Cockpit['reporting']; lang: Lang }) {
  const { t } = useTranslation();
  const rtl = props.lang === 'ar';
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
      xAxis: { type: 'category', inverse: rtl, data: props.rows.map((r) => r.period) },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        position: rtl ? 'right' : 'left',
        axisLabel: { formatter: '{value}%' },
      },
      series: [
        {
          name: t('cockpit.reportingRate'),
          type: 'line',
          data: props.rows.map((r) => r.reportingRate),
          itemStyle: { color: '#1677ff' },
          connectNulls: false,
        },
        {
          name: t('cockpit.onTimeRate'),
          type: 'line',
          data: props.rows.map((r) => r.onTimeRate),
          itemStyle: { color: '#389e0d' },
          connectNulls: false,
        },
      ],
    }),
    [props.rows, rtl, t],
  );
  return <EChart option={option} height={200} testId="reporting-chart" ariaLabel={t('cockpit.reporting')} />;
}

/** A small line without axes: a key result's or an indicator's last periods. */
export function Sparkline(props: { values: (number | null)[]; color?: string; label: string }) {
  const option = useMemo(
    () => ({
      grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: 'category', show: false, data: props.values.map((_, i) => i) },
      yAxis: { type: 'value', show: false, scale: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : String(v)) },
      series: [
        {
          type: 'line',
          data: props.values,
          symbol: 'none',
          lineStyle: { width: 2, color: props.color ?? '#1677ff' },
          areaStyle: { opacity: 0.08, color: props.color ?? '#1677ff' },
        },
      ],
    }),
    [props.values, props.color],
  );
  return <EChart option={option} height={40} ariaLabel={props.label} />;
}

/** Service indicators month by month, in percent. */
export function ServicesChart(props: {
  months: NonNullable<Cockpit['services']>['months'];
  codes: string[];
  lang: Lang;
}) {
  const { t } = useTranslation();
  const rtl = props.lang === 'ar';
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
      xAxis: { type: 'category', inverse: rtl, data: props.months.map((m) => m.month) },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        position: rtl ? 'right' : 'left',
        axisLabel: { formatter: '{value}%' },
      },
      series: props.codes.map((code) => ({
        name: t(`cockpit.service.${code.replace('.', '_')}`, { defaultValue: code }),
        type: 'line',
        data: props.months.map((m) => m.indicators.find((i) => i.code === code)?.value ?? null),
      })),
    }),
    [props.months, props.codes, rtl, t],
  );
  return <EChart option={option} height={260} testId="services-chart" ariaLabel={t('cockpit.services')} />;
}
