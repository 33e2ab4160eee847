// The probe a benchmark adds to a page before it loads: it watches every frame of a playback through
// the transport's clock (its data attributes), as a learner's eye would, and keeps what the bench
// reads when the window closes. Installed before the page's own scripts: long tasks and
// animation-frame gaps, counted while `running`.
// Frames count while the playhead moves (a 25-minute run at 600× ends after 2.5 s): a gap counts when
// the frames at both its ends moved the playhead. A playback starts held until the simulation is a
// lead ahead (src/view/playback.ts): that hold, a still picture that says it waits, is reported on
// its own in ms, and any frame held back after the first move counts as waiting. With `loop`, the
// probe restarts the playback when it reaches the end, so the whole window is playback; the tasks
// around each end (the panels settling on the exact instant, their tables catching up) are reported
// on their own.
export const probe = () => {
  const bench = { longTasks: [], frames: [], samples: [], mutations: 0, running: false, loop: false, ends: [], playing: false, moving: false, playSince: NaN, holds: [] };
  window.__bench = bench;
  // DOM changes: a count of the drawing work that does not depend on how busy the machine is
  new MutationObserver((records) => {
    if (bench.running) bench.mutations += records.length;
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  new PerformanceObserver((list) => {
    if (bench.running) for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration, playing: bench.playing });
  }).observe({ type: 'longtask', buffered: false });
  let last = 0;
  const frame = (now) => {
    const clock = document.querySelector('[data-testid="clock"]');
    const playing = clock?.dataset.playing === 'true';
    const moving = playing && clock.dataset.waiting !== 'true';
    if (playing && !bench.playing) bench.playSince = now;
    // the hold before a playback's first move (the page's own first play began before the window)
    if (moving && Number.isFinite(bench.playSince)) bench.holds.push(now - bench.playSince);
    if (bench.running) {
      if (last && moving && bench.moving) bench.frames.push(now - last);
      // waiting counts from the first move on: a stall in the middle of a playback
      if (playing && !Number.isFinite(bench.playSince)) bench.samples.push({ t: Number(clock.dataset.simTime), computed: Number(clock.dataset.computed), waiting: !moving });
      if (bench.playing && !playing) {
        bench.ends.push(now);
        if (bench.loop) document.querySelector('[aria-label="restart"]')?.click();
      }
    }
    if (moving) bench.playSince = NaN;
    bench.playing = playing;
    bench.moving = moving;
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

/** Simulated seconds played in the samples, summed over the plays (a restart starts the clock over). */
export const simulatedSeconds = (samples) =>
  samples.reduce((sum, sample, i) => (i > 0 && sample.t > samples[i - 1].t ? sum + sample.t - samples[i - 1].t : sum), 0);
