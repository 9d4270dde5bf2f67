// `npm test`: Node-side tests, then every browser test in Chromium, Firefox and WebKit.
// Ends with a plain `N passed, N failed` line and a non-zero exit on any failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { missingBrowserHelp, selectedBrowsers } from './browsers.mjs';
import { POSTGRES_HELP, findPostgresBin, startCluster } from './postgres-cluster.mjs';
import { startWebKitDriver } from './webkit-driver.mjs';

const RESULTS = '.test-results';

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Node tests, and the Playwright end-to-end tests when Chromium is among the browsers. */
function nodeTestFiles(browsers) {
  const dirs = browsers.includes('chromium') ? ['test/node', 'test/e2e'] : ['test/node'];
  return dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true })
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => `${dir}/${f}`),
  );
}

function readCounts(file) {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** `npm test -- --files 'test/ui/*.test.ts'` runs just those browser tests (no Node tests). */
const wtrArgs = process.argv.slice(2);
const browserFilesOnly = wtrArgs.includes('--files');

async function main() {
  const browsers = selectedBrowsers();
  const help = missingBrowserHelp(browsers);
  if (!browserFilesOnly && !findPostgresBin()) help.push(POSTGRES_HELP);
  if (help.length) {
    console.error(help.join('\n'));
    console.log('0 passed, 1 failed');
    return 1;
  }
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const add = (counts, what) => {
    if (!counts) {
      console.error(`${what} reported no results: counted as one failure.`);
      totals.failed++;
      return;
    }
    for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
  };

  // The Node tests check the built artifacts, so build first.
  const buildExit = browserFilesOnly ? 0 : await run('npm', ['run', 'build', '--silent']);
  if (buildExit !== 0) {
    console.error('npm run build failed.');
    totals.failed++;
  }

  // One throwaway PostgreSQL cluster for every Node test file; each makes databases of its own in it.
  const cluster = browserFilesOnly ? undefined : await startCluster();
  const nodeExit = browserFilesOnly
    ? 0
    : await run(
        process.execPath,
        [
          '--import',
          './scripts/ts-register.mjs',
          '--test',
          '--test-reporter=spec',
          '--test-reporter-destination=stdout',
          '--test-reporter=./scripts/node-count-reporter.mjs',
          `--test-reporter-destination=${RESULTS}/node.json`,
          ...nodeTestFiles(browsers),
        ],
        { TEST_DATABASE_URL: cluster.url },
      );
  await cluster?.stop();
  const nodeCounts = browserFilesOnly ? { passed: 0, failed: 0, skipped: 0 } : readCounts(`${RESULTS}/node.json`);
  add(nodeCounts, 'Node tests');
  if (nodeExit !== 0 && nodeCounts && !nodeCounts.failed) totals.failed++;

  let webkit;
  if (browsers.includes('webkit')) webkit = await startWebKitDriver();
  try {
    const wtrExit = await run(
      'npx',
      ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...wtrArgs],
      webkit ? { WEBKIT_DRIVER_PORT: String(webkit.port) } : {},
    );
    const browserCounts = readCounts(`${RESULTS}/browsers.json`);
    add(browserCounts, 'Browser tests');
    if (wtrExit !== 0 && browserCounts && !browserCounts.failed) totals.failed++;
  } finally {
    webkit?.stop();
  }

  console.log(
    `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
  );
  return totals.failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
