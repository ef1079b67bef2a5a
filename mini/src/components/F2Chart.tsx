import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';
import { Canvas as TaroCanvas, View } from '@tarojs/components';
import { Axis, Canvas, Chart, Interval, Legend, Line, jsx as f2jsx } from '@antv/f2';
import { PALETTE } from '@/lib/palette';
import { integerAxis } from '@/lib/charts';

// F2's own JSX factory, called directly (React owns the JSX syntax in this file).
const jsx = f2jsx as unknown as (
  type: unknown,
  props: Record<string, unknown>,
) => { props: unknown };

export interface SeriesPoint {
  x: string;
  y: number | null;
  series?: string;
}

interface Props {
  id: string;
  kind: 'bar' | 'line';
  data: SeriesPoint[];
  height?: number;
  color?: string | string[];
}

type CanvasNode = {
  width: number;
  height: number;
  getContext: (t: '2d') => CanvasRenderingContext2D | null;
};

/** Finds the 2d canvas behind Taro's <Canvas type="2d"> on both platforms. */
function findCanvas(
  id: string,
): Promise<{ node: CanvasNode; width: number; height: number } | null> {
  if (process.env.TARO_ENV === 'h5') {
    const host = document.getElementById(id);
    const el = (host?.tagName === 'CANVAS' ? host : host?.querySelector('canvas')) as
      HTMLCanvasElement | null | undefined;
    if (!el) return Promise.resolve(null);
    const rect = el.getBoundingClientRect();
    return Promise.resolve({ node: el, width: rect.width, height: rect.height });
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true }, () => undefined)
      .exec((res: Array<{ node?: CanvasNode; width: number; height: number } | null>) => {
        const r = res[0];
        resolve(r?.node ? { node: r.node, width: r.width, height: r.height } : null);
      });
  });
}

/**
 * A chart drawn by AntV F2 (a mobile chart library that renders to any 2d
 * context) on Taro's canvas: the same code draws in WeChat and in the browser.
 */
/** The y scale: 0 to a round top, whole-number ticks, labels without decimals. */
function yScale(data: SeriesPoint[]) {
  const axis = integerAxis(Math.max(0, ...data.map((d) => d.y ?? 0)));
  return {
    min: axis.min,
    max: axis.max,
    tickInterval: axis.tickInterval,
    nice: false,
    formatter: (v: number) => String(Math.round(v)),
  };
}

export function F2Chart({ id, kind, data, height = 220, color = PALETTE.primary }: Props) {
  const chart = useRef<Canvas | null>(null);
  const key = JSON.stringify(data);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      void findCanvas(id).then((found) => {
        if (!found || cancelled) return;
        const dpr = Taro.getSystemInfoSync().pixelRatio || 2;
        found.node.width = found.width * dpr;
        found.node.height = found.height * dpr;
        const context = found.node.getContext('2d');
        const hasSeries = data.some((d) => d.series);
        const geometry =
          kind === 'bar'
            ? jsx(Interval, { x: 'x', y: 'y', color, style: { radius: [4, 4, 0, 0] } })
            : jsx(Line, {
                x: 'x',
                y: 'y',
                color: hasSeries
                  ? {
                      field: 'series',
                      range: Array.isArray(color) ? color : [color, PALETTE.disabled],
                    }
                  : color,
                shape: 'line',
              });
        const children = [
          jsx(Axis, { field: 'x', style: { label: { fontSize: 11, fill: PALETTE.muted } } }),
          jsx(Axis, { field: 'y', style: { label: { fontSize: 11, fill: PALETTE.muted } } }),
          geometry,
          ...(hasSeries
            ? [
                jsx(Legend, {
                  position: 'top',
                  nameStyle: { fontSize: 12, fill: PALETTE.secondary },
                }),
              ]
            : []),
        ];
        const tree = jsx(Canvas, {
          context,
          pixelRatio: dpr,
          width: found.width,
          height: found.height,
          animate: false,
          children: jsx(Chart, {
            data: data.filter((d) => d.y !== null),
            // Counts of people: whole-number ticks from 0 (lib/charts integerAxis).
            scale: {
              ...(kind === 'line' ? { x: { tickCount: 4 } } : {}),
              y: yScale(data),
            },
            children,
          }),
        });
        chart.current?.destroy();
        const canvas = new Canvas(tree.props as ConstructorParameters<typeof Canvas>[0]);
        chart.current = canvas;
        void canvas.render();
      });
    }, 50);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [id, kind, key, color]);

  useEffect(() => () => chart.current?.destroy(), []);

  // Dynamic: the `height` prop (unscaled px); the canvas is measured at this size and drawn to it.
  const box = { width: '100%', height: `${height}px` };
  return (
    <View style={box}>
      <TaroCanvas type="2d" id={id} canvasId={id} style={box} />
    </View>
  );
}
