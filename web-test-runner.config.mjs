// Every browser test runs in real Chromium, Firefox and WebKit (see scripts/test.mjs, which checks the
// browsers are installed and starts WebKitWebDriver).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { BROWSER_REQUIREMENTS, CHROMIUM_ARGS, selectedBrowsers } from './scripts/browsers.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { createReceiver } from './receiver/receiver.mjs';

// A real HTTP receiver on the test server's own origin; each test uses its own /r/<namespace>/. Pages
// may also call it across origins (the same server as 127.0.0.1 from a localhost page).
const receiver = await createReceiver({ testControls: true, corsOrigins: '*' });
async function receiverMiddleware(ctx, next) {
  if (/^\/(r\/|handoffs|__receiver)/.test(ctx.path)) {
    ctx.respond = false;
    if (await receiver.handle(ctx.req, ctx.res)) return;
    ctx.respond = true;
  }
  await next();
}

/**
 * Two test files run at once, each in a tab; a background tab is "hidden" and gets no animation frames,
 * ResizeObserver callbacks or scroll events. Focus emulation keeps every tab visible.
 */
async function visiblePage({ browser }) {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
  return page;
}

/** The scheduler reads a launcher's own `concurrency` before the config's. */
function oneFileAtATime(launcher) {
  return Object.assign(launcher, { concurrency: 1 });
}

const launchers = {
  chromium: () =>
    puppeteerLauncher({
      launchOptions: {
        browser: 'chrome',
        executablePath: BROWSER_REQUIREMENTS.chromium.path(),
        headless: true,
        args: CHROMIUM_ARGS,
      },
      createPage: visiblePage,
    }),
  // One test file at a time: Firefox has no focus emulation, and a background tab's real key presses and
  // focus moves are not dependable (the keyboard-only tests failed there when run beside another file).
  firefox: () =>
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: BROWSER_REQUIREMENTS.firefox.path(), headless: true },
      concurrency: 1,
    }),
  // One test file at a time as well: with two, WebKit runs them in two iframes of one page, on one main
  // thread, so a CPU-heavy file (property tests, axe) starves the other one's timers and IndexedDB
  // callbacks; under a loaded machine that stalled outbox tests past their deadlines.
  webkit: () =>
    oneFileAtATime(
      webdriverLauncher({
        automationProtocol: 'webdriver',
        hostname: '127.0.0.1',
        port: Number(process.env.WEBKIT_DRIVER_PORT || 4444),
        path: '/',
        logLevel: 'error',
        capabilities: {
          browserName: 'MiniBrowser',
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': { binary: BROWSER_REQUIREMENTS.webkit.path(), args: ['--automation'] },
        },
      }),
    ),
};

export default {
  files: ['test/**/*.test.ts', '!test/node/**', '!test/e2e/**'],
  nodeResolve: { exportConditions: ['development'] },
  middleware: [receiverMiddleware],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: selectedBrowsers().map((name) => launchers[name]()),
  concurrency: 2,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  // A cap, not a wait: tests wait on events. Three browsers share two cores in CI, and WebKit's
  // IndexedDB (out of process) can take seconds for an afterEach's close and delete under that load.
  testFramework: { config: { timeout: 30_000 } },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter('.test-results/browsers.json')],
};
