// Kinds of model events on the engine's queue (kind 0 is the engine's own callbacks). Arrivals are
// not among them: the one pending arrival is kept beside the queue (see World.runUntil).
// An event's payload is one integer whose meaning depends on the kind.
export const EV_DEPARTURE = 2; // payload: request slot whose service ends
export const EV_INSTANCE_READY = 3; // payload: instance whose startup ends
export const EV_TICK = 4; // payload unused: a metrics bucket boundary
