// A world measured by this room's recorder and time series: what runs, tests and the page use.
import type { WorldSpec } from '../world/spec';
import { World, type WorldOptions } from '../world/world';
import { Recorder } from './recorder';
import { SeriesCollector } from './series';

export type MeasuredWorld = World<Recorder, SeriesCollector>;

export function measuredWorld(spec: WorldSpec, options: Omit<WorldOptions, 'metrics'>): MeasuredWorld {
  const recorder = new Recorder(spec.versions.length, spec.users.count);
  const series = new SeriesCollector(spec.versions.map((v) => v.name), recorder);
  return new World(spec, { ...options, metrics: { recorder, series } });
}
