// Which test browsers this machine has, and exactly how to get the missing ones.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, name)));

export const ALL_BROWSERS = ['chromium', 'firefox', 'webkit'];

/** As root in a sandbox with no outside network: no sandbox, no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Test files run two at once, in two tabs: the one behind must not have its timers throttled as a
  // background tab's are (web-test-runner.config.mjs also keeps both tabs visible).
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export const BROWSER_REQUIREMENTS = {
  chromium: {
    path: () => process.env.CHROME_PATH || '/usr/bin/chromium',
    present() {
      return existsSync(this.path());
    },
    install: 'apt-get update && apt-get install -y chromium   (or set CHROME_PATH to a Chromium/Chrome binary)',
  },
  firefox: {
    path: () => process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    present() {
      return existsSync(this.path());
    },
    install: 'apt-get update && apt-get install -y firefox-esr   (or set FIREFOX_PATH to a Firefox binary)',
  },
  webkit: {
    path: () => process.env.WEBKIT_BROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    present() {
      return existsSync(this.path()) && onPath('WebKitWebDriver') && (Boolean(process.env.DISPLAY) || onPath('Xvfb'));
    },
    install:
      'apt-get update && apt-get install -y webkit2gtk-driver xvfb   (WebKitGTK MiniBrowser, WebKitWebDriver and a virtual display)',
  },
};

/** The browsers to test in: all three, unless BROWSERS narrows them for a local run (never in CI). */
export function selectedBrowsers() {
  const requested = process.env.BROWSERS?.split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (!requested?.length) return ALL_BROWSERS;
  if (process.env.CI) {
    console.warn(`BROWSERS=${process.env.BROWSERS} is ignored in CI: every test runs in all three engines.`);
    return ALL_BROWSERS;
  }
  const unknown = requested.filter((b) => !ALL_BROWSERS.includes(b));
  if (unknown.length)
    throw new Error(`BROWSERS names unknown browser(s) ${unknown.join(', ')}; use any of ${ALL_BROWSERS.join(', ')}.`);
  return requested;
}

/** Lines explaining what is missing and how to install it; empty when all is there. */
export function missingBrowserHelp(browsers) {
  const missing = browsers.filter((b) => !BROWSER_REQUIREMENTS[b].present());
  if (!missing.length) return [];
  return [
    `Missing test browser(s): ${missing.join(', ')}. Install them with:`,
    ...missing.map((b) => `  ${b}: ${BROWSER_REQUIREMENTS[b].install}`),
    'or run `bash .ci/run`, which installs everything a fresh Debian machine lacks.',
    'For a quicker local run in fewer engines: BROWSERS=chromium npm test (not allowed in CI).',
  ];
}
