// The app in Firefox and WebKit, on a phone-sized window, over WebDriver:
// every route paints and starts, the self-check reaches a result and resumes
// after a reload, ticks and ratings survive a reload, a second tab hears the
// first, the theme toggle, backup export and import, and the not-found page.
// The deep suite (axe, touch, offline, faults) runs in Chromium (tests/e2e).
import { describe, test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { By, until } from "selenium-webdriver";
import { serveDist, ROUTES, storedKeys, envelope, isoDay } from "../e2e/support.mjs";
import { TYPICAL_ANSWERS } from "../e2e/answers.mjs";
import { ENGINES, stopAll } from "./engines.mjs";

let server;
before(async () => {
  server = await serveDist();
});
after(() => {
  server?.close();
  stopAll();
});

for (const engine of ENGINES) {
  describe(engine.name, () => {
    let driver;
    let downloads;
    before(async () => {
      ({ driver, downloads } = await engine.start());
    });
    after(async () => {
      await driver?.quit();
    });
    // No test may leave an uncaught error behind on its last page.
    afterEach(async () => {
      assert.deepEqual(await uncaught(), []);
    });

    /** Opens `path` on a clean slate (or with `state` stored) and waits for the app to start. */
    async function open(path, { state, keep = false } = {}) {
      // Any page of the origin, to reach its storage before the app reads it.
      await driver.get(server.url + "/icon.svg");
      if (!keep) await driver.executeScript("localStorage.clear()");
      // As this version of the app stores it (see storedKeys).
      if (state) await driver.executeScript((entries) => Object.entries(entries).forEach(([key, text]) => localStorage.setItem(key, text)), storedKeys(state));
      await driver.get(server.url + path);
      await started();
    }

    /** Waits for the app, then records any uncaught error from then on. */
    async function started() {
      await driver.wait(until.elementLocated(By.css('body[data-app="started"]')), 20000, "the app starts");
      await driver.executeScript(`window.uncaught = []; addEventListener("error", (e) => uncaught.push(String(e.message)));`);
    }
    const uncaught = () => driver.executeScript("return window.uncaught");

    async function reload() {
      await driver.navigate().refresh();
      await started();
    }

    const text = async (css) => (await driver.wait(until.elementLocated(By.css(css)), 10000)).getText();
    /** Clicks as a person would: scrolled to the middle, clear of the fixed bars. */
    async function press(element) {
      await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", element);
      await element.click();
    }
    const click = async (css) => press(await driver.wait(until.elementLocated(By.css(css)), 10000));
    const checked = (css) => driver.executeScript((selector) => document.querySelector(selector)?.checked ?? null, css);

    async function clickButton(label) {
      await press(await driver.wait(until.elementLocated(By.xpath(`//button[normalize-space(.)=${JSON.stringify(label)}]`)), 10000));
    }

    test("every route paints its heading and starts", async () => {
      for (const { path, heading } of ROUTES) {
        await open(path);
        assert.match(await text("main h1"), heading, path);
        const overflow = await driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
      }
    });

    test("the not-found page offers a way back", async () => {
      await open("/no/such/page");
      assert.equal(await text("main h1"), "Page not found");
      await press(await driver.findElement(By.linkText("Go to the guide")));
      await driver.wait(async () => (await driver.getCurrentUrl()) === server.url + "/", 10000);
      // Each page is its own document: the guide starts afresh.
      await started();
    });

    test("the self-check reaches a result and resumes after a reload", async () => {
      await open("/check");
      await clickButton("Start the self-check");
      const answer = async (label) => {
        const before = await text("#question-title");
        const option = await driver.wait(until.elementLocated(By.xpath(`//label[@class="choice"][normalize-space(.)=${JSON.stringify(label)}]`)), 10000);
        await press(option);
        await click('form.question button[type="submit"]');
        await driver.wait(async () => (await driver.findElements(By.css("#question-title"))).length === 0 || (await text("#question-title")) !== before, 10000);
      };
      // The question on screen, by its id (its options are named after it).
      const typical = async () => TYPICAL_ANSWERS[await driver.executeScript("return document.querySelector('.choices input[type=radio]').name")];
      for (let i = 0; i < 3; i++) await answer(await typical());
      const resumed = await text("#question-title");
      await reload();
      assert.equal(await text("#question-title"), resumed, "the same question after a reload");
      assert.match(await text(".step-count"), /Question 4 of/);
      while ((await driver.findElements(By.css("#question-title"))).length) await answer(await typical());
      await clickButton("See my result");
      assert.equal(await text(".level h3"), "Your answers match the typical pattern of high hamstring tendonitis");
    });

    test("ticks and a pain rating survive a reload, and a second tab hears them", async () => {
      await open("/routine", { state: { programme: { at: 1, value: { phase: "foundation", since: isoDay(0) } } } });
      await click('input[aria-label="Glute bridge: Set 1"]');
      await driver.wait(async () => (await checked('input[aria-label="Glute bridge: Set 1"]')) === true, 5000);
      await click('label[for="pain-after-3"]');
      await reload();
      assert.equal(await checked('input[aria-label="Glute bridge: Set 1"]'), true);
      assert.equal(await checked("#pain-after-3"), true);
      // A second tab: its tick arrives here through the storage event.
      const first = await driver.getWindowHandle();
      await driver.switchTo().newWindow("tab");
      await driver.get(server.url + "/routine");
      await started();
      await click('input[aria-label="Bodyweight squat: Set 1"]');
      await driver.close();
      await driver.switchTo().window(first);
      await driver.wait(async () => (await checked('input[aria-label="Bodyweight squat: Set 1"]')) === true, 5000, "the other tab's tick shows");
    });

    test("the rest timer runs out and the app keeps working (no vibration in this engine)", async () => {
      const settings = { at: 1, value: { rest_secs: 1, break_minutes: 20, week_start: null } };
      await open("/routine", { state: { settings, programme: { at: 1, value: { phase: "foundation", since: isoDay(0) } } } });
      await click('input[aria-label="Bulgarian split squat: Set 1 left"]');
      await click('input[aria-label="Bulgarian split squat: Set 1 right"]');
      await driver.wait(async () => (await driver.executeScript("return document.body.innerText")).includes("Rest over"), 8000, "the end of the rest is announced");
      assert.deepEqual(await uncaught(), [], "no error when the rest ends");
      await click('input[aria-label="Glute bridge: Set 1"]');
      await driver.wait(async () => (await text(".session-count")) === "3 of 7 sets done", 5000, "ticking still works after the timer");
      await reload();
      assert.equal(await checked('input[aria-label="Glute bridge: Set 1"]'), true);
    });

    test("the theme toggle cycles and is remembered", async () => {
      await open("/");
      await click("button.theme-toggle");
      await driver.wait(async () => (await driver.executeScript("return document.documentElement.getAttribute('data-theme')")) === "light", 5000);
      await reload();
      assert.equal(await driver.executeScript("return document.documentElement.getAttribute('data-theme')"), "light");
      assert.equal(await driver.findElement(By.css("button.theme-toggle")).getAttribute("aria-label"), "Theme: light");
    });

    test("a backup is exported (where the engine saves downloads) and imported", async () => {
      const state = {
        programme: { at: 1, value: { phase: "foundation", since: isoDay(0) } },
        days: { [isoDay(0)]: { sets: { "glute-bridge:1": { at: 1, value: true }, "foam-roll:1": { at: 1, value: true } } } },
      };
      let file;
      if (downloads) {
        await open("/progress", { state });
        await clickButton("Download a backup file");
        const name = `hamstring-rehab-backup-${isoDay(0)}.json`;
        await driver.wait(async () => (await readdir(downloads)).includes(name), 10000, "the backup file is saved");
        file = join(downloads, name);
        assert.match(await readFile(file, "utf8"), /"glute-bridge:1"/);
      } else {
        // This engine's WebDriver has no download folder: import a file made here.
        file = join(await mkdtemp(join(tmpdir(), "rehab-")), "backup.json");
        await writeFile(file, envelope(state));
      }
      await open("/progress");
      // The data section is a part of the page loaded after its first screen.
      await (await driver.wait(until.elementLocated(By.css("#import-file")), 10000, "the data section is drawn")).sendKeys(file);
      await driver.wait(until.elementLocated(By.css(".import-preview")), 10000);
      assert.match(await text(".import-preview"), /This backup holds 1 training day \(2 sets\)/);
      // An empty device has nothing to merge with: one "Restore".
      await clickButton("Restore");
      await driver.wait(until.elementLocated(By.xpath('//*[starts-with(normalize-space(.), "Restored.")]')), 10000);
      await open("/routine", { keep: true });
      assert.equal(await checked('input[aria-label="Glute bridge: Set 1"]'), true);
    });
  });
}
