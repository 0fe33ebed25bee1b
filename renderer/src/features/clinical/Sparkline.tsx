/**
 * A trend small enough for a summary tile, drawn as plain SVG: a chart
 * shows dozens of these at once (every vital sign and every lab analyte
 * with more than one result), and drawing each through the charting
 * library kept the summary from painting for most of a second on a long
 * chart. It draws as the full chart does: the lines in their colours, the
 * readings the core flagged larger in red, readings not taken in the clinic
 * as squares (on a long history, only the flagged readings as dots). The button around it names it; the picture itself is hidden
 * from assistive technology.
 */
import type { Series } from './vitalsText';

export const LINE_COLOURS = ['#1d4ed8', '#0f766e'];
export const FLAG_COLOUR = '#b91c1c';

const WIDTH = 132;
const HEIGHT = 40;
const MARGIN = 6;
const DOT = 1.5;
/** Beyond this many readings a dot for each would cover the line: only the flagged ones keep theirs. */
const DOTS_UP_TO = 40;

/** A reading taken outside the clinic is a square, one taken in it a circle. */
export function Marker({ cx, cy, r, fill, outside }: { cx: number; cy: number; r: number; fill: string; outside: boolean }) {
  return outside ? (
    <rect x={cx - r} y={cy - r} width={r * 2} height={r * 2} fill={fill} stroke="#fff" />
  ) : (
    <circle cx={cx} cy={cy} r={r} fill={fill} stroke="#fff" />
  );
}

/** Maps a value of [min, max] onto [from, to]; a flat range sits in the middle. */
function scale(min: number, max: number, from: number, to: number) {
  return (value: number) => (max === min ? (from + to) / 2 : from + ((value - min) / (max - min)) * (to - from));
}

export function Sparkline({ trend }: { trend: Series }) {
  const times = trend.points.map((point) => Date.parse(point.takenAt));
  const values = trend.points.flatMap((point) => point.values);
  const x = scale(Math.min(...times), Math.max(...times), MARGIN, WIDTH - MARGIN);
  // Higher values sit higher: SVG's y grows downwards.
  const y = scale(Math.min(...values), Math.max(...values), HEIGHT - MARGIN, MARGIN);
  const dense = trend.points.length > DOTS_UP_TO;
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-hidden="true"
      focusable="false"
      className="clinical-sparkline"
    >
      {trend.lines.map((line, i) => {
        const colour = LINE_COLOURS[i] ?? '#000';
        const dots = trend.points.flatMap((point, k) => {
          const value = point.values[i];
          return value === undefined ? [] : [{ point, cx: x(times[k] ?? 0), cy: y(value) }];
        });
        return (
          <g key={line}>
            <polyline
              points={dots.map((dot) => `${dot.cx.toFixed(1)},${dot.cy.toFixed(1)}`).join(' ')}
              fill="none"
              stroke={colour}
              strokeWidth={2}
              strokeLinejoin="round"
            />
            {dots.map(({ point, cx, cy }, k) => {
              const flagged = point.flag !== null;
              if (dense && !flagged) return null;
              return (
                <Marker
                  key={k}
                  cx={cx}
                  cy={cy}
                  r={flagged ? (dense ? DOT + 0.5 : DOT + 2) : DOT}
                  fill={flagged ? FLAG_COLOUR : colour}
                  outside={Boolean(point.source)}
                />
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
