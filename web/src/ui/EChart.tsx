import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption, ECElementEvent } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts used: the full library is five times larger.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A chart that follows its container's size; `onClick` gets the clicked data item. */
export default function EChart(props: {
  option: EChartsCoreOption;
  height: number;
  rtl?: boolean;
  onClick?: (e: ECElementEvent) => void;
  testId?: string;
  ariaLabel?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const onClick = useRef(props.onClick);
  onClick.current = props.onClick;

  useEffect(() => {
    const el = ref.current!;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (e) => onClick.current?.(e as ECElementEvent));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // No animation: weak devices draw once, and print or a screenshot never catches a half-drawn chart.
    chart.current?.setOption({ animation: false, ...props.option }, { notMerge: true });
  }, [props.option]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={props.ariaLabel}
      data-testid={props.testId}
      style={{ width: '100%', height: props.height, direction: 'ltr' }}
    />
  );
}
