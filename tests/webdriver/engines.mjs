// The browser engines besides Chromium, driven over WebDriver with
// selenium-webdriver: Firefox ESR through geckodriver, and WebKitGTK's
// MiniBrowser through WebKitWebDriver under a virtual X display. Nothing is
// downloaded: the drivers come from .ci/setup.sh (Debian and crates.io), and
// selenium-manager is kept offline.
import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir, homedir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { Builder } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";

process.env.SE_OFFLINE = "true";

export const PHONE = { width: 390, height: 844 };

const GECKODRIVER = process.env.GECKODRIVER ?? join(homedir(), ".cargo/bin/geckodriver");
const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port, ms = 15000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing answered on port ${port}`);
}

/** Processes this suite started, stopped by their PID at the end. */
const started = [];

function start(command, args, env = {}) {
  const child = spawn(command, args, { stdio: "ignore", env: { ...process.env, ...env } });
  started.push(child);
  return child;
}

export function stopAll() {
  for (const child of started.splice(0)) {
    if (child.exitCode === null) child.kill("SIGTERM");
  }
}

/** A virtual X display for WebKit, started once. */
let display;
async function xDisplay() {
  if (display) return display;
  for (let n = 91; n < 120; n++) {
    const child = start("Xvfb", [`:${n}`, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"]);
    await new Promise((r) => setTimeout(r, 400));
    if (child.exitCode === null) {
      display = `:${n}`;
      return display;
    }
  }
  throw new Error("no free X display for Xvfb");
}

/** Firefox ESR, headless, with downloads saved to `downloads` without asking. */
async function startFirefox() {
  const downloads = await mkdtemp(join(tmpdir(), "rehab-firefox-"));
  const options = new firefox.Options()
    .setBinary("/usr/bin/firefox-esr")
    .addArguments("-headless")
    .windowSize(PHONE)
    .setPreference("browser.download.folderList", 2)
    .setPreference("browser.download.dir", downloads)
    .setPreference("browser.download.useDownloadDir", true)
    .setPreference("browser.download.always_ask_before_handling_new_types", false)
    .setPreference("browser.helperApps.neverAsk.saveToDisk", "application/json,text/plain")
    .setPreference("datareporting.policy.dataSubmissionEnabled", false)
    .setPreference("app.update.enabled", false);
  const driver = await new Builder()
    .forBrowser("firefox")
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER))
    .build();
  return { driver, downloads };
}

/** WebKitGTK's MiniBrowser, in a phone-sized window on a virtual display. */
async function startWebKit() {
  const port = await freePort();
  start("WebKitWebDriver", [`--port=${port}`], { DISPLAY: await xDisplay() });
  await waitForPort(port);
  const driver = await new Builder()
    .usingServer(`http://127.0.0.1:${port}`)
    .withCapabilities({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
    })
    .build();
  await driver.manage().window().setRect(PHONE);
  return { driver, downloads: null };
}

export const ENGINES = [
  { name: "Firefox", start: startFirefox },
  { name: "WebKit", start: startWebKit },
];
