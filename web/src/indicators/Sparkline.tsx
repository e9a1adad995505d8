/** A small trend line of the last periods; a missing period is a gap, never a zero. */
export function Sparkline(props: {
  values: (number | null)[];
  width?: number;
  height?: number;
  label: string;
}) {
  const w = props.width ?? 120;
  const h = props.height ?? 28;
  const known = props.values.filter((v): v is number => v !== null);
  if (!known.length) return <span aria-label={props.label}>—</span>;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const step = props.values.length > 1 ? w / (props.values.length - 1) : 0;
  const point = (v: number, i: number) =>
    `${(i * step).toFixed(1)},${(h - 3 - ((v - min) / span) * (h - 6)).toFixed(1)}`;
  // Runs of consecutive known values, each drawn as its own line.
  const runs: string[][] = [];
  let run: string[] = [];
  props.values.forEach((v, i) => {
    if (v === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(point(v, i));
  });
  if (run.length) runs.push(run);
  const lastIndex = props.values.reduce<number>((acc, v, i) => (v === null ? acc : i), -1);
  const last = props.values[lastIndex];
  return (
    <svg
      width={w}
      height={h}
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={props.label}
      style={{ direction: 'ltr', overflow: 'visible' }}
      data-testid="sparkline"
    >
      {runs.map((r, k) =>
        r.length > 1 ? (
          <polyline key={k} points={r.join(' ')} fill="none" stroke="#1677ff" strokeWidth={1.5} />
        ) : (
          <circle key={k} cx={r[0]!.split(',')[0]} cy={r[0]!.split(',')[1]} r={1.5} fill="#1677ff" />
        ),
      )}
      {last !== undefined && last !== null && (
        <circle cx={lastIndex * step} cy={point(last, lastIndex).split(',')[1]} r={2.5} fill="#1677ff" />
      )}
    </svg>
  );
}
