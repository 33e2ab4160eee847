// The drawings each run's panel places, gathered in one module so the panel does not care where
// they come from.
export { Charts } from './viz/Charts';
export { FleetView } from './viz/FleetView';
export { MeasurementStrip } from './viz/MeasurementStrip';
export { StatechartView } from './viz/StatechartView';
export { Timeline } from './viz/Timeline';
export { TrafficView } from './viz/TrafficView';
