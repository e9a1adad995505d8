import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { TASK_STATES } from '../../../shared/task-state.js';
import type { BriefData } from './brief.data.js';
import type { BriefLabels } from './brief.labels.js';

const COLORS = {
  done_on_time: '#389e0d',
  done_late: '#d48806',
  overdue: '#cf1322',
  in_progress: '#1677ff',
  not_started: '#8c8c8c',
} as const;

// Scanning every system font costs seconds a chart: name the few the charts use when present.
const NOTO = '/usr/share/fonts/truetype/noto';
const FONT_FILES = [
  'NotoSans-Regular.ttf',
  'NotoSans-Bold.ttf',
  'NotoSansArabic-Regular.ttf',
  'NotoSansArabic-Bold.ttf',
]
  .map((f) => `${NOTO}/${f}`)
  .filter((f) => existsSync(f));
const FONTS =
  FONT_FILES.length === 4
    ? { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' }
    : { loadSystemFonts: true, defaultFontFamily: 'Noto Sans' };

/** A chart drawn on the server (ECharts' SVG renderer) and rasterised to PNG for the documents. */
function render(option: echarts.EChartsCoreOption, width: number, height: number): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: 'Noto Sans, Noto Sans Arabic, sans-serif' },
    ...option,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: width * 2 },
    font: FONTS,
    background: '#ffffff',
  })
    .render()
    .asPng();
  return Buffer.from(png);
}

export type BriefChart = {
  title: string;
  png: Buffer;
  width: number;
  height: number;
  /** The section the chart stands in. */
  section: 'headline' | 'money';
};

/** The programme's rate on the day against its minimum curve (a staircase over the year). */
function moneyChart(d: BriefData, l: BriefLabels): BriefChart | null {
  const m = d.money;
  if (!m || m.rate === null) return null;
  const y = m.year;
  const steps: [string, number][] = [[`${y}-01-01`, 0]];
  for (const p of [...m.curve].sort((a, b) => (a.byDay < b.byDay ? -1 : 1)))
    steps.push([`${y}-${p.byDay}`, Number(p.minRatePct)]);
  steps.push([`${y}-12-31`, steps.at(-1)![1]]);
  const rate = Math.round(Number(m.rate) * 100) / 100;
  const height = 280;
  const png = render(
    {
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, data: [l.sections.curve, l.cols.rate] },
      xAxis: {
        type: 'time',
        min: `${y}-01-01`,
        max: `${y}-12-31`,
        axisLabel: { formatter: '{MM}/{yyyy}', fontSize: 11 },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: l.sections.curve,
          type: 'line',
          step: 'end',
          symbol: 'none',
          data: m.curve.length ? steps : [],
          lineStyle: { color: '#d48806', width: 2, type: 'dashed' },
          itemStyle: { color: '#d48806' },
        },
        {
          name: l.cols.rate,
          type: 'scatter',
          symbolSize: 12,
          data: [[m.asOf, rate]],
          itemStyle: { color: m.belowThreshold ? COLORS.overdue : COLORS.done_on_time },
          label: { show: true, position: 'right', formatter: `${rate.toFixed(2)}%` },
        },
      ],
    },
    640,
    height,
  );
  return { title: l.sections.curve, png, width: 640, height, section: 'money' };
}

/** The brief's charts: tasks by state this week against last week, and the units most overdue. */
export function briefCharts(d: BriefData, l: BriefLabels): BriefChart[] {
  const now = d.cockpit.summary.byState;
  const states = render(
    {
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, data: [l.cols.lastWeek, l.cols.now] },
      xAxis: {
        type: 'category',
        data: TASK_STATES.map((s) => l.states[s]),
        axisLabel: { interval: 0, fontSize: 11 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: l.cols.lastWeek,
          type: 'bar',
          data: TASK_STATES.map((s) => d.lastWeek.byState[s]),
          itemStyle: { color: '#bfbfbf' },
          label: { show: true, position: 'top' },
        },
        {
          name: l.cols.now,
          type: 'bar',
          data: TASK_STATES.map((s) => ({ value: now[s], itemStyle: { color: COLORS[s] } })),
          label: { show: true, position: 'top' },
        },
      ],
    },
    640,
    300,
  );
  const top = d.cockpit.summary.overdueByUnit.slice(0, 10).reverse();
  const overdue = render(
    {
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: top.map((u) => u.name),
        axisLabel: { width: 220, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: top.map((u) => u.overdue),
          itemStyle: { color: COLORS.overdue },
          label: { show: true, position: 'right' },
        },
      ],
    },
    640,
    Math.max(140, top.length * 28 + 24),
  );
  const money = moneyChart(d, l);
  return [
    {
      title: `${l.sections.headline.replace(/^[IVX]+\.\s*/, '')}`,
      png: states,
      width: 640,
      height: 300,
      section: 'headline' as const,
    },
    {
      title: l.sections.overdue.replace(/^[IVX]+\.\s*/, ''),
      png: overdue,
      width: 640,
      height: Math.max(140, top.length * 28 + 24),
      section: 'headline' as const,
    },
    ...(money ? [money] : []),
  ];
}
