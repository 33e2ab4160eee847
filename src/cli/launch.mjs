// The `sim` entry point. Users wait for the whole process, so the TypeScript command line is bundled
// once into .cli/ and reused until a file under src/ or scenarios/ changes; a warm call only stats
// files and loads one bundle. esbuild is imported only when a rebuild is needed.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, '.cli');
const entries = { worker: 'src/cli/worker.ts', benchChild: 'src/cli/bench/child.ts', main: 'src/cli/main.ts' };
const mainBundle = join(outDir, 'main.cjs');
// V8's compiled code for the main bundle: loading it halves start-up (Node 20 has no module cache).
const codeCache = join(outDir, 'main.cjs.v8cache');

/** Newest modification time (ms) of any file under dir; 0 when dir does not exist. */
function newestMtime(dir) {
  let newest = 0;
  let items;
  try {
    items = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const item of items) {
    const path = join(dir, item.name);
    newest = Math.max(newest, item.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function bundleMtime() {
  try {
    return statSync(mainBundle).mtimeMs;
  } catch {
    return -1;
  }
}

async function build() {
  const started = Date.now();
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('the command line needs rebuilding but esbuild is not installed; run `npm install`');
  }
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    // CommonJS, so the launcher can compile it as a script with a V8 code cache (see loadMain).
    format: 'cjs',
    target: 'node20',
    // Prefer dependencies' ES module builds: unused exports are dropped from the bundle.
    mainFields: ['module', 'main'],
    // Less source to parse; names stay readable in messages, and --debug maps stacks to src/.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    write: false,
    logLevel: 'error',
  });
  mkdirSync(outDir, { recursive: true });
  rmSync(codeCache, { force: true });
  // Several processes may rebuild at once (parallel tests): write aside, then rename, so no one
  // imports a half-written file. main.cjs goes last: its time stamp says the set is complete.
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === mainBundle) - Number(b.path === mainBundle));
  for (const file of files) writeAtomically(file.path, file.contents);
  // Stamp the bundle with the time the build started: a source saved during the build is newer.
  const stamp = new Date(started);
  utimesSync(mainBundle, stamp, stamp);
}

/** Writes aside and renames, so a concurrent reader sees the old file or the new one. */
function writeAtomically(path, contents) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

/**
 * Loads the main bundle as Node's CommonJS loader would, but compiled with V8's code cache.
 * Returns its exports and a function that saves the cache once the command has run (the cache then
 * holds the functions the command compiled, too).
 */
function loadMain(debug) {
  const require = createRequire(mainBundle);
  // Readable stack traces for --debug only: Node maps them through the source map of a required file.
  if (debug) {
    process.setSourceMapsEnabled(true);
    return { exports: require(mainBundle), saveCache() {} };
  }
  const source = readFileSync(mainBundle, 'utf8');
  // V8 checks a cache against the source's length only, and a process still running the previous
  // bundle may save its cache after a rebuild: so the cache starts with the hash of its source.
  const hash = createHash('sha1').update(source).digest();
  let cachedData;
  try {
    const file = readFileSync(codeCache);
    if (file.subarray(0, hash.length).equals(hash)) cachedData = file.subarray(hash.length);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: mainBundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, require, module, mainBundle, outDir);
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  const save = () => writeAtomically(codeCache, Buffer.concat([hash, script.createCachedData()]));
  return { exports: module.exports, saveCache: fresh ? save : () => {} };
}

const args = process.argv.slice(2);
const buildOnly = args[0] === '--build-only';
try {
  if (buildOnly || bundleMtime() < Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'scenarios')))) await build();
} catch (error) {
  process.stderr.write(`sim: cannot build the command line: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
if (!buildOnly) {
  const loaded = loadMain(args.includes('--debug'));
  process.exitCode = await loaded.exports.main(args, { bundleDir: outDir });
  try {
    loaded.saveCache();
  } catch {
    // a read-only checkout still runs, only without the cache
  }
}
