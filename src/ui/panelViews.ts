// The drawings each run's panel places, gathered in one module so the panel does not care where
// they come from. Each is memoised: on most animation frames only the traffic and the playhead move,
// and the rest keep the very same props (see keepUnchanged in src/view/timelineAt.ts).
import { memo } from 'react';
import { Charts as ChartsView } from './viz/Charts';
import { FleetView as FleetDrawing } from './viz/FleetView';
import { MeasurementStrip as Strip } from './viz/MeasurementStrip';
import { StatechartView as Statechart } from './viz/StatechartView';

export const Charts = memo(ChartsView);
export const FleetView = memo(FleetDrawing);
export const MeasurementStrip = memo(Strip);
export const StatechartView = memo(Statechart);
export { Timeline } from './viz/Timeline';
export { TrafficView } from './viz/TrafficView';
