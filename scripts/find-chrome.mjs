// Finds a Chrome or Chromium binary: CHROME_PATH first, then the usual install paths.
import { existsSync } from 'node:fs';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** @returns {string | undefined} */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return candidates.find((path) => existsSync(path));
}

export const installHelp = `${process.env.CHROME_PATH ? `CHROME_PATH points to ${process.env.CHROME_PATH}, which does not exist` : 'No Chrome or Chromium was found'}, and the component tests need one.
  Debian/Ubuntu:  sudo apt-get install -y chromium
  macOS:          install Google Chrome
  or point to an existing binary:  CHROME_PATH=/path/to/chrome npm test`;
