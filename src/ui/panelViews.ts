// The drawings each run's panel places, gathered in one module so the panel does not care where
// they come from.
export { Charts, FleetView, MeasurementStrip, StatechartView, Timeline, TrafficView } from './placeholders';
