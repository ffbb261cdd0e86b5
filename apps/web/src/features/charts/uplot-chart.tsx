/**
 * The one React adapter for uPlot: creates the plot when options or data change, destroys it on
 * unmount, and keeps it as wide as its container. The time to the first draw is recorded in
 * `window.__latticeChartTimings` (read by the benchmark and the e2e journey).
 */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

declare global {
  interface Window {
    __latticeChartTimings?: { name: string; ms: number; points: number }[];
  }
}

export interface UPlotChartProps {
  /** Names the chart in timings and tests. */
  name: string;
  options: Omit<uPlot.Options, "width" | "height">;
  data: uPlot.AlignedData;
  height: number;
  /** Called with the plot once it exists (to attach click handlers); the return value cleans up. */
  onCreate?: (plot: uPlot) => (() => void) | undefined;
}

export const UPlotChart = ({ name, options, data, height, onCreate }: UPlotChartProps) => {
  const ref = useRef<HTMLDivElement>(null);
  const onCreateRef = useRef(onCreate);
  onCreateRef.current = onCreate;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const started = performance.now();
    let isFirst = true;
    const recordFirstDraw = () => {
      if (!isFirst) return;
      isFirst = false;
      if (!window.__latticeChartTimings) window.__latticeChartTimings = [];
      const timings = window.__latticeChartTimings;
      timings.push({ name, ms: performance.now() - started, points: data[0]?.length ?? 0 });
    };
    const hooks = { ...options.hooks, draw: [...(options.hooks?.draw ?? []), recordFirstDraw] };
    const width = Math.max(200, Math.floor(element.clientWidth));
    const plot = new uPlot({ ...options, hooks, width, height }, data, element);
    const cleanup = onCreateRef.current?.(plot);
    const observer = new ResizeObserver((entries) => {
      const next = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (next > 0 && next !== plot.width) plot.setSize({ width: next, height });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      cleanup?.();
      plot.destroy();
    };
  }, [name, options, data, height]);

  return <div ref={ref} className="uplot-host" data-chart={name} style={{ minHeight: height }} />;
};
