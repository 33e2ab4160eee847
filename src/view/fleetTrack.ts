// A run's fleet frames as streamed: the slices' columns kept as they came, with one time per frame
// to search. A frame is decoded only when it is drawn, and the few last decoded are kept, so a
// drawing memoised on its frame sees the same object until the frame changes.
import { decodeFrame, frameCount, type FleetColumns } from '../runtime/fleetColumns';
import type { FleetFrame } from '../runtime/stream';
import { countAtOrBefore } from './sortedSearch';

export interface FleetTrack {
  /** every frame's time, in order */
  times: number[];
  chunks: FleetColumns[];
  /** frame k is frame local[k] of chunks[chunk[k]] */
  chunk: number[];
  local: number[];
  /** recently decoded frames by index (panels draw the frame at the playhead and at the charts' step) */
  decoded: Map<number, FleetFrame>;
}

const KEEP_DECODED = 4;

export const emptyFleetTrack = (): FleetTrack => ({ times: [], chunks: [], chunk: [], local: [], decoded: new Map() });

export function appendFleet(track: FleetTrack, columns: FleetColumns): void {
  const c = track.chunks.length;
  track.chunks.push(columns);
  for (let k = 0; k < frameCount(columns); k++) {
    track.times.push(columns.t[k]);
    track.chunk.push(c);
    track.local.push(k);
  }
}

function fleetFrameAt(track: FleetTrack, k: number): FleetFrame {
  let frame = track.decoded.get(k);
  if (!frame) {
    frame = decodeFrame(track.chunks[track.chunk[k]], track.local[k]);
    if (track.decoded.size >= KEEP_DECODED) track.decoded.delete(track.decoded.keys().next().value!);
    track.decoded.set(k, frame);
  }
  return frame;
}

/** The latest frame at or before t. */
export function latestFrame(track: FleetTrack, t: number): FleetFrame | undefined {
  const frames = countAtOrBefore(track.times, t, (time) => time);
  return frames > 0 ? fleetFrameAt(track, frames - 1) : undefined;
}
