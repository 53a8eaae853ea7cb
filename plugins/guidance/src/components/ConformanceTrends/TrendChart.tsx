import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTheme } from '@material-ui/core/styles';
import { ConformanceTrendDay } from '@paved-road/plugin-guidance-common';

export type TrendChartProps = {
  /** Pass, fail and waived per day: three lines. */
  days?: ConformanceTrendDay[];
  /** One line per key (a rule or an owner): its failing results per day. */
  series?: { key: string; days: ConformanceTrendDay[] }[];
  height?: number;
};

/**
 * The trend chart. recharts is only imported here, and this module only through `lazy`, so the
 * charting code loads with the page that draws a chart, not with the app.
 */
export default function TrendChart(props: TrendChartProps) {
  const theme = useTheme();
  const height = props.height ?? 240;
  const axis = { stroke: theme.palette.text.secondary, fontSize: 12 };
  const common = (
    <>
      <CartesianGrid stroke={theme.palette.divider} strokeDasharray="3 3" />
      <XAxis
        dataKey="date"
        tick={axis}
        tickFormatter={d => String(d).slice(5)}
      />
      <YAxis allowDecimals={false} tick={axis} width={32} />
      <Tooltip
        contentStyle={{
          background: theme.palette.background.paper,
          border: `1px solid ${theme.palette.divider}`,
          color: theme.palette.text.primary,
        }}
      />
      <Legend />
    </>
  );
  if (props.series) {
    const colours = [
      theme.palette.primary.main,
      theme.palette.secondary.main,
      theme.palette.error.main,
      theme.palette.warning.main,
      theme.palette.success.main,
      theme.palette.info.main,
      theme.palette.text.secondary,
    ];
    // one row per day, one column per key: what recharts draws lines from
    const rows = (props.series[0]?.days ?? []).map((d, i) => {
      const row: Record<string, string | number> = { date: d.date };
      for (const s of props.series!) row[s.key] = s.days[i]?.fail ?? 0;
      return row;
    });
    return (
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows}>
          {common}
          {props.series.map((s, i) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.key}
              stroke={colours[i % colours.length]}
              strokeDasharray={i >= colours.length ? '5 3' : undefined}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    );
  }
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={props.days ?? []}>
        {common}
        {[
          { key: 'pass', name: 'passing', stroke: theme.palette.success.main },
          { key: 'fail', name: 'failing', stroke: theme.palette.error.main },
          { key: 'waived', name: 'waived', stroke: theme.palette.warning.main },
        ].map(line => (
          <Line
            key={line.key}
            type="monotone"
            dataKey={line.key}
            name={line.name}
            stroke={line.stroke}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
