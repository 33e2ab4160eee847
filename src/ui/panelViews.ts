// The drawings each run's panel places, gathered in one module so the panel does not care where
// they come from. Each is memoised (here, or by the drawing itself): on most animation frames only
// the traffic and the playhead move, and the rest keep the very same props (see keepUnchanged in
// src/view/timelineAt.ts).
import { memo } from 'react';
import { Charts as ChartsView } from './viz/Charts';
import { MeasurementStrip as Strip } from './viz/MeasurementStrip';

export const Charts = memo(ChartsView);
export const MeasurementStrip = memo(Strip);
export { FleetView } from './viz/FleetView';
export { StatechartView } from './viz/StatechartView';
export { Timeline } from './viz/Timeline';
export { TrafficView } from './viz/TrafficView';
