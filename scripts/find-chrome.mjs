// Finds a Chrome or Chromium binary with chrome-launcher's finder (CHROME_PATH first, then the
// installs it knows on Linux, macOS and Windows); never downloads one.
import { existsSync } from 'node:fs';
import { Launcher } from 'chrome-launcher';

/** @returns {string | undefined} */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  // A CHROME_PATH that points nowhere is a mistake to report, not a reason to pick another browser.
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  try {
    return Launcher.getInstallations()[0];
  } catch {
    // It throws on a platform it does not know, or without the tools it shells out to (which, grep).
    return undefined;
  }
}

export const installHelp = `${process.env.CHROME_PATH ? `CHROME_PATH points to ${process.env.CHROME_PATH}, which does not exist` : 'No Chrome or Chromium was found'}, and the component tests need one.
  Debian/Ubuntu:  sudo apt-get install -y chromium
  macOS:          install Google Chrome
  or point to an existing binary:  CHROME_PATH=/path/to/chrome npm test`;
