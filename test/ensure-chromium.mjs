// Runs before `npm test`: the browser tests drive Debian's Chromium at /usr/bin/chromium (npm cannot
// download browsers here). Does nothing when it is there; otherwise installs it with apt-get, which
// needs root, and says what to do when it cannot.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

function fail(reason) {
  process.stderr.write(
    `The browser tests need Chromium at ${CHROMIUM}, and ${reason}.\n` +
      'Install it as root with: apt-get update && apt-get install -y chromium\n',
  );
  process.exit(1);
}

function aptGet(...args) {
  process.stderr.write(`ensure-chromium: apt-get ${args.join(' ')}\n`);
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error) fail(`running apt-get failed: ${result.error.message}`);
  if (result.status !== 0) fail(`apt-get ${args[0]} exited with status ${result.status ?? result.signal}`);
}

if (!existsSync(CHROMIUM)) {
  if (process.platform !== 'linux') fail(`this is ${process.platform}, not Debian; the tests expect Debian's chromium package`);
  if (process.getuid?.() !== 0) fail('installing it needs root');
  aptGet('update');
  aptGet('install', '-y', 'chromium');
  if (!existsSync(CHROMIUM)) fail('apt-get finished but did not install it there');
  process.stderr.write(`ensure-chromium: installed ${CHROMIUM}\n`);
}
