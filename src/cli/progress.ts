// Progress on stderr while seeds run: a bar redrawn in place on a terminal, plain lines otherwise
// (logs and CI capture every carriage return as garbage), at most one line per tenth of the work.

export interface Progress {
  update(done: number): void;
  finish(): void;
}

const WIDTH = 30;

export function createProgress(total: number, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (stream.isTTY) {
    const draw = (done: number) => {
      const filled = Math.round((WIDTH * done) / total);
      stream.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${done}/${total}  ${elapsed()}`);
    };
    draw(0);
    return { update: draw, finish: () => stream.write('\n') };
  }
  let lastTenth = 0;
  return {
    update(done) {
      const tenth = Math.floor((10 * done) / total);
      if (tenth === lastTenth && done < total) return;
      lastTenth = tenth;
      stream.write(`${label}: ${done}/${total} done (${elapsed()})\n`);
    },
    finish() {},
  };
}
