// The timeline as a drop target for a fault dragged from the palette: the handlers to spread on the
// element around it. Only a palette fault is taken; its time is where it is dropped on the track.
import type { DragEvent } from 'react';
import type { Act } from '../../runtime/acts/act';
import { dropTimeAt, FAULT_DRAG_TYPE, readDraggedFault } from '../../view/faultDrop';

export function faultDropZone(durationSeconds: number, onDropAct: ((act: Act) => void) | undefined) {
  if (!onDropAct) return {};
  const carriesFault = (e: DragEvent<HTMLElement>) => e.dataTransfer.types.includes(FAULT_DRAG_TYPE);
  return {
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (!carriesFault(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDrop: (e: DragEvent<HTMLElement>) => {
      if (!carriesFault(e)) return;
      e.preventDefault();
      const track = e.currentTarget.querySelector('svg') ?? e.currentTarget;
      const box = track.getBoundingClientRect();
      const act = readDraggedFault(e.dataTransfer.getData(FAULT_DRAG_TYPE), dropTimeAt(e.clientX - box.left, box.width, durationSeconds));
      if (act) onDropAct(act);
    },
  };
}
