// Traffic flow on a canvas: sampled requests travel from the users through the router to the
// instances, shaped and coloured by version; an error gets a ×, a rejection (503) bounces back
// with ↩, a mirrored (shadow) request is a dashed ghost. Which requests are drawn, and where, is
// decided by src/view/trafficParticles; this file only paints. Give it the run's whole sample in
// arrival order: it picks the requests travelling at the playhead.
// The particles move on every animation frame, but the panel around them need not: given `clock`,
// the canvas follows it from its own animation loop, outside React, and the component re-renders
// only when its props change (the label's counts follow `now`, the panel's own pace).
import { useEffect, useMemo, useRef } from 'react';
import type { FleetFrame, SampledRequest } from '../../runtime/stream';
import { chooseRequests, instanceSlots, particleAt, type Particle } from '../../view/trafficParticles';
import { FAULT_INK, versionStyle, type MarkerShape } from '../../view/palette';
import { formatClock } from '../../view/playback';
import { useWidth } from '../useWidth';
import { useCanvasInks } from './useCanvasInks';
import './viz.css';

export interface TrafficViewProps {
  requests: SampledRequest[];
  /** the time the label describes, and the canvas's time when there is no clock */
  now: number;
  /** the playhead, read on every animation frame (simulated seconds) */
  clock?: { readonly current: number };
  speed: number;
  fleet?: FleetFrame;
  versions: string[];
  reducedMotion: boolean;
  /** pixels; by default the width of the element it is placed in */
  width?: number;
  height?: number;
  /** the key under the drawing (panels side by side may show it once) */
  legend?: boolean;
  /**
   * following the clock, paint every `stride`-th display frame, on frames `phase` apart from the
   * other panels': many panels share each frame's time, each moving at 60/stride frames a second
   */
  stride?: number;
  phase?: number;
}

const R = 3.2;
const FONT = '10px system-ui, sans-serif';
const GLYPH: Record<MarkerShape, string> = { circle: '●', triangle: '▲', square: '■', diamond: '◆' };

function shapePath(ctx: CanvasRenderingContext2D, shape: MarkerShape, x: number, y: number) {
  ctx.beginPath();
  if (shape === 'circle') ctx.arc(x, y, R, 0, 2 * Math.PI);
  else if (shape === 'triangle') (ctx.moveTo(x, y - R - 0.6), ctx.lineTo(x + R + 0.6, y + R), ctx.lineTo(x - R - 0.6, y + R), ctx.closePath());
  else if (shape === 'square') ctx.rect(x - R + 0.4, y - R + 0.4, 2 * R - 0.8, 2 * R - 0.8);
  else (ctx.moveTo(x, y - R - 0.8), ctx.lineTo(x + R + 0.8, y), ctx.lineTo(x, y + R + 0.8), ctx.lineTo(x - R - 0.8, y), ctx.closePath());
}

function paintParticle(ctx: CanvasRenderingContext2D, p: Particle, ink: string) {
  const style = versionStyle(p.version);
  ctx.globalAlpha = Math.max(0, p.alpha) * (p.shadow ? 0.6 : 1);
  shapePath(ctx, style.marker, p.x, p.y);
  if (p.shadow) {
    ctx.setLineDash([2, 2]);
    ctx.strokeStyle = style.colour;
    ctx.lineWidth = 1.2;
    ctx.stroke();
    ctx.setLineDash([]);
  } else {
    ctx.fillStyle = style.colour;
    ctx.fill();
  }
  ctx.globalAlpha = 1;
  if (p.mark === 'error') {
    ctx.strokeStyle = FAULT_INK;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(p.x - 5, p.y - 5), ctx.lineTo(p.x + 5, p.y + 5), ctx.moveTo(p.x + 5, p.y - 5), ctx.lineTo(p.x - 5, p.y + 5);
    ctx.stroke();
  } else if (p.mark === 'rejected') {
    ctx.fillStyle = ink;
    ctx.fillText('↩', p.x + 4, p.y + 4);
  }
}

export function TrafficView({ requests, now, clock, speed, fleet, versions, reducedMotion, width: fixed, height = 110, legend = true, stride = 1, phase = 0 }: TrafficViewProps) {
  const [box, measured] = useWidth<HTMLElement>(400);
  const width = fixed ?? measured;
  const canvas = useRef<HTMLCanvasElement>(null);
  const chosen = useMemo(() => chooseRequests(requests, now, speed, reducedMotion), [requests, now, speed, reducedMotion]);
  const geometry = useMemo(
    () => ({ width, height, usersX: 26, routerX: width * 0.42, instancesX: width - 22, slotY: instanceSlots(fleet, 8, height - 8) }),
    [width, height, fleet],
  );

  const counts = { ok: 0, error: 0, rejected: 0, shadow: 0 };
  for (const q of chosen.requests) q.shadow ? counts.shadow++ : counts[q.outcome]++;
  const stillText = `${counts.ok} ok · ${counts.error} ×  · ${counts.rejected} ↩`;
  // the theme's inks, read once and again when the colour scheme changes
  const inks = useCanvasInks(canvas);

  // The stage (users, router, one slot per instance) changes with the fleet, not with the playhead:
  // it is painted once into a canvas of its own and copied on each frame, its text shaped once.
  const stage = useRef<{ canvas: HTMLCanvasElement; geometry: unknown; fleet: unknown; inks: unknown; ratio: number } | null>(null);
  const stageFor = (ratio: number): HTMLCanvasElement => {
    const cached = stage.current;
    if (cached && cached.geometry === geometry && cached.fleet === fleet && cached.inks === inks.current && cached.ratio === ratio) return cached.canvas;
    const off = cached?.canvas ?? document.createElement('canvas');
    off.width = width * ratio;
    off.height = height * ratio;
    const ctx = off.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = FONT;
    const { muted } = inks.current;
    ctx.fillStyle = muted;
    ctx.fillText('users', 2, height / 2 - 12);
    ctx.strokeStyle = muted;
    ctx.lineWidth = 1;
    ctx.strokeRect(geometry.routerX - 14, height / 2 - 9, 28, 18);
    ctx.fillText('router', geometry.routerX - 15, height / 2 - 12);
    if (fleet) {
      for (let k = 0; k < fleet.id.length; k++) {
        if (fleet.state[k] === 'terminated') continue;
        ctx.fillStyle = versionStyle(fleet.version[k]).colour;
        ctx.globalAlpha = fleet.state[k] === 'ready' ? 0.9 : 0.35;
        ctx.fillRect(geometry.instancesX + 4, geometry.slotY(fleet.id[k]) - 2, 12, 4);
      }
    }
    stage.current = { canvas: off, geometry, fleet, inks: inks.current, ratio };
    return off;
  };

  // Paints the stage and the particles at time t; the loop below calls it when t or a prop moved.
  const paint = (t: number) => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !canvas.current) return;
    const ratio = window.devicePixelRatio || 1;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width * ratio, height * ratio);
    ctx.drawImage(stageFor(ratio), 0, 0);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const { ink } = inks.current;
    // Setting a canvas font resolves it against the page's style, which lays the page out when it
    // has just changed: set it only when the canvas lost it (a resize resets a context's state).
    if (ctx.font !== font.current) font.current = (ctx.font = FONT, ctx.font);
    // Reduced motion: no particles at all, the window's counts in words instead.
    if (reducedMotion) {
      ctx.fillStyle = ink;
      ctx.fillText(stillText, geometry.routerX + 18, height / 2 + 4);
      return;
    }
    const drawn = t === now ? chosen : chooseRequests(requests, t, speed, reducedMotion);
    for (const q of drawn.requests) paintParticle(ctx, particleAt(q, drawn, geometry), ink);
  };
  const latest = useRef(paint);
  const font = useRef('');
  latest.current = paint;

  // Repaint now that a prop changed, then, with a clock, on every frame the clock moved.
  useEffect(() => {
    const at = () => (clock ? clock.current : now);
    let painted = at();
    latest.current(painted);
    if (!clock) return;
    let count = phase;
    let frame = requestAnimationFrame(function follow() {
      const t = at();
      if (t !== painted && ++count % stride === 0) latest.current((painted = t));
      frame = requestAnimationFrame(follow);
    });
    return () => cancelAnimationFrame(frame);
  }, [clock, now, chosen, geometry, fleet, width, height, requests, speed, reducedMotion, stillText, stride, phase, inks.current.version]);

  const thinning = chosen.share < 1 ? ` (1 in ${Math.round(1 / chosen.share)} of the sample)` : '';
  const label = `Traffic at ${formatClock(now)}: ${chosen.requests.length} requests drawn${thinning}: ${counts.ok} served, ${counts.error} errors, ${counts.rejected} rejected (503), ${counts.shadow} mirrored`;
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return (
    <figure className="viz-figure traffic" ref={box}>
      <canvas ref={canvas} className="traffic-canvas" role="img" aria-label={label} data-particles={reducedMotion ? 0 : chosen.requests.length} width={width * ratio} height={height * ratio} style={{ width, height }} />
      {legend && (
      <figcaption className="viz-caption chart-legend">
        {versions.map((name, v) => (
          <span key={v} className="fleet-key" style={{ color: versionStyle(v).colour }}>
            {GLYPH[versionStyle(v).marker]} <span style={{ color: 'var(--ink)' }}>{name}</span>
          </span>
        ))}
        <span className="fleet-key">× error · ↩ rejected (503) · dashed = mirrored</span>
        {thinning && <span className="fleet-key">showing 1 in {Math.round(1 / chosen.share)}</span>}
      </figcaption>
      )}
    </figure>
  );
}
