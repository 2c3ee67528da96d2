import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** Where Chromium or Chrome usually lives, per platform, after CHROME_PATH and PATH. */
const KNOWN_PATHS: Record<string, string[]> = {
  linux: [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/opt/google/chrome/chrome",
    "/usr/bin/microsoft-edge",
  ],
  darwin: [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
  ],
  win32: [
    "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
    "C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe",
  ],
};
const PATH_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

export interface ChromiumLocation {
  path?: string;
  /** How it was found: "CHROME_PATH", "PATH" or "known location". */
  via?: string;
  tried: string[];
}

export function findChromium(env: NodeJS.ProcessEnv = process.env, platform = process.platform): ChromiumLocation {
  const tried: string[] = [];
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    tried.push(fromEnv);
    if (isExecutable(fromEnv)) return { path: fromEnv, via: "CHROME_PATH", tried };
  }
  if (platform !== "win32") {
    for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
      for (const name of PATH_NAMES) {
        const candidate = join(dir, name);
        if (isExecutable(candidate)) return { path: candidate, via: "PATH", tried: [...tried, candidate] };
      }
    }
  }
  for (const candidate of KNOWN_PATHS[platform] ?? []) {
    tried.push(candidate);
    if (isExecutable(candidate)) return { path: candidate, via: "known location", tried };
  }
  return { tried };
}

export const CHROMIUM_INSTALL_HINT =
  "install Chromium: Debian/Ubuntu `sudo apt-get install chromium` · macOS `brew install --cask chromium` · Windows `winget install Google.Chrome` · or set CHROME_PATH";

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
