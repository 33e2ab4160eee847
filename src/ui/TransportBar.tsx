// Time control: play/pause, restart, step to the next decision, speed on a log dial, the clock and
// how far the simulation has computed, the scrubbable timeline, and the seed.
import { memo, useState } from 'react';
import type { Decision } from '../index';
import type { FaultWindow } from '../runtime/stream';
import { ariaKeys } from '../view/shortcuts';
import { dialFromSpeed, formatClock, formatSpeed, speedFromDial, SPEED_STEPS } from '../view/playback';
import { Timeline } from './panelViews';
import { useWidth } from './useWidth';
import { faultDropZone } from './act/faultDropZone';
import type { Act } from '../runtime/acts/act';
import type { Playback } from './usePlayback';

interface Props {
  playback: Playback;
  duration: number;
  computedUntil: number;
  computing: boolean;
  faults: FaultWindow[];
  decisions: Decision[];
  /** the time of the next decision after the playhead, if one is computed */
  nextDecision: number | null;
  onNextDecision: () => void;
  speed: number;
  onSpeed: (speed: number) => void;
  seed: number;
  onSeed: (seed: number) => void;
  /** a fault from the palette dropped on the timeline, at the time it was dropped on */
  onDropAct?: (act: Act) => void;
}

const MAX_SEED = 4_294_967_295;

export function TransportBar({ playback, duration, computedUntil, computing, faults, decisions, nextDecision, onNextDecision, speed, onSpeed, seed, onSeed, onDropAct }: Props) {
  const { t, playing, waiting } = playback;
  const [trackRef, trackWidth] = useWidth<HTMLDivElement>(600);
  const shown = Math.min(t, computedUntil);

  return (
    <section className="transport" aria-label="time control">
      <div className="transport-buttons">
        <button type="button" className="button primary" onClick={playing ? playback.pause : playback.play} aria-label={playing ? 'pause' : 'play'} aria-keyshortcuts={ariaKeys('playPause')}>
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" className="button" onClick={() => { playback.seek(0); playback.play(); }} aria-label="restart">
          ⟲ Restart
        </button>
        <button type="button" className="button" onClick={onNextDecision} disabled={nextDecision === null} aria-label="step to the next decision" aria-keyshortcuts={ariaKeys('nextDecision')}>
          Next decision ▸|
        </button>
      </div>
      <SpeedDial speed={speed} onSpeed={onSpeed} />
      <p className="clock" data-testid="clock" data-sim-time={shown.toFixed(1)} data-computed={computedUntil.toFixed(1)} data-playing={playing} data-waiting={waiting && computing} aria-live="off">
        <strong>{formatClock(shown)}</strong> / {formatClock(duration)}
        {waiting && computing && <span className="buffering" role="status"> · waiting for the simulation…</span>}
        {computing && !waiting && <span className="computing"> · computed to {formatClock(computedUntil)}</span>}
      </p>
      <div className="transport-timeline" ref={trackRef} {...faultDropZone(duration, onDropAct)}>
        <Timeline width={trackWidth} durationSeconds={duration} computedUntil={computedUntil} now={shown} faults={faults} decisions={decisions} onSeek={playback.seek} />
      </div>
      <SeedForm seed={seed} onSeed={onSeed} />
    </section>
  );
}

// The bar re-renders on every frame while playing (the clock, the timeline); its inputs do not
// change then, and re-rendering an input sets its attributes again (a style recalculation each).
const SpeedDial = memo(function SpeedDial({ speed, onSpeed }: { speed: number; onSpeed: (speed: number) => void }) {
  return (
    <label className="speed">
      <span>Speed</span>
      <input
        type="range"
        min={0}
        max={SPEED_STEPS}
        value={dialFromSpeed(speed)}
        onChange={(event) => onSpeed(speedFromDial(Number(event.target.value)))}
        aria-valuetext={`${formatSpeed(speed)}, simulated seconds per second`}
      />
      <output data-testid="speed">{formatSpeed(speed)}</output>
    </label>
  );
});

const SeedForm = memo(function SeedForm({ seed, onSeed }: { seed: number; onSeed: (seed: number) => void }) {
  const [seedText, setSeedText] = useState(String(seed));
  const submitSeed = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    const value = Number(seedText);
    if (Number.isInteger(value) && value >= 0 && value <= MAX_SEED) onSeed(value);
    else setSeedText(String(seed));
  };
  const newSeed = () => {
    const value = Math.floor(Math.random() * 1_000_000);
    setSeedText(String(value));
    onSeed(value);
  };
  return (
    <form className="seed" onSubmit={submitSeed}>
      <label>
        Seed <input type="number" min={0} max={MAX_SEED} value={seedText} onChange={(e) => setSeedText(e.target.value)} onBlur={submitSeed} data-testid="seed-input" />
      </label>
      <button type="button" className="button" onClick={newSeed}>
        New seed
      </button>
    </form>
  );
});
