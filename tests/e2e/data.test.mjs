// Data that is never lost: a damaged store, storage switched off, a full
// quota, two tabs at once, backup and restore, and a file that is not a backup.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFile, readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  useBrowser, PROFILES, openPage, appReady, axeViolations,
  seedStore, envelope, programme, dayLog, isoDay, storedState, STATE_KEY, QUARANTINE_KEY,
} from "./support.mjs";

const env = useBrowser();

const FOUNDATION = { programme: programme("foundation", isoDay(-3)) };

test("a damaged store is kept aside, explained, and the app still starts", async () => {
  const context = await env.browser.newContext(PROFILES.phone);
  const damaged = '{"app":"hamstring-rehab","schema":1,"state":{"days":{"2026-0';
  await seedStore(context, damaged);
  const page = await openPage(context);
  await page.goto(env.server.url + "/routine");
  await appReady(page);
  await page.getByText(/Your saved data could not be read/).waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), QUARANTINE_KEY), damaged);
  // Still usable: pick a phase and tick.
  await page.getByRole("button", { name: /Phase 1/ }).tap();
  await page.getByRole("checkbox", { name: "Glute bridge: Set 1" }).tap();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), QUARANTINE_KEY), damaged, "quarantine untouched by saving");
  await page.goto(env.server.url + "/progress#data");
  await appReady(page);
  await page.getByRole("heading", { name: "Damaged data kept aside" }).waitFor();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the damaged data" }).tap();
  const file = await download;
  assert.equal(await readFile(await file.path(), "utf8"), damaged);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test("damaged records are skipped one by one and the rest is loaded", async () => {
  const context = await env.browser.newContext(PROFILES.phone);
  const today = isoDay(0);
  await seedStore(context, JSON.stringify({
    app: "hamstring-rehab",
    schema: 1,
    state: {
      ...FOUNDATION,
      days: { [today]: { sets: { "glute-bridge:1": { at: 1, value: true }, "nonsense": { at: 1, value: true }, "bodyweight-squat:1": { at: "x" } } } },
    },
  }));
  const page = await openPage(context);
  await page.goto(env.server.url + "/routine");
  await appReady(page);
  await page.getByText(/Some saved records were damaged and left out \(2\)/).waitFor();
  assert.equal(await page.getByRole("checkbox", { name: "Glute bridge: Set 1" }).isChecked(), true);
  await context.close();
});

test("with storage switched off the app works in memory and says so", async () => {
  const context = await env.browser.newContext(PROFILES.phone);
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  const page = await openPage(context);
  await page.goto(env.server.url + "/routine");
  await appReady(page);
  await page.getByText(/Your browser is not letting this app save/).waitFor();
  await page.getByRole("button", { name: /Phase 1/ }).tap();
  const box = page.getByRole("checkbox", { name: "Glute bridge: Set 1" });
  await box.tap();
  assert.equal(await box.isChecked(), true);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test("when the quota is full a banner says so and earlier data stays intact", async () => {
  const context = await env.browser.newContext(PROFILES.phone);
  const earlier = envelope({ ...FOUNDATION, days: { [isoDay(-2)]: dayLog("glute-bridge:1") } });
  await seedStore(context, earlier);
  const page = await openPage(context);
  await page.goto(env.server.url + "/routine");
  await appReady(page);
  // Fill the origin's storage to the brim with another key.
  await page.evaluate(() => {
    let chunk = "x".repeat(256 * 1024);
    let i = 0;
    for (;;) {
      try {
        localStorage.setItem(`filler-${i++}`, chunk);
      } catch {
        if (chunk.length <= 16) break;
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
  });
  await page.getByRole("checkbox", { name: "Glute bridge: Set 1" }).tap();
  await page.getByText(/storage for this app is full/).waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), STATE_KEY), earlier);
  // The tick still shows: the app keeps working in memory.
  assert.equal(await page.getByRole("checkbox", { name: "Glute bridge: Set 1" }).isChecked(), true);
  await context.close();
});

test("two tabs: ticks made in both are kept and show in the other", async () => {
  const context = await env.browser.newContext(PROFILES.phone);
  await seedStore(context, envelope(FOUNDATION));
  const first = await openPage(context);
  const second = await openPage(context);
  for (const page of [first, second]) {
    await page.goto(env.server.url + "/routine");
    await appReady(page);
  }
  await first.getByRole("checkbox", { name: "Glute bridge: Set 1" }).tap();
  await second.getByRole("checkbox", { name: "Bodyweight squat: Set 1" }).tap();
  for (const page of [first, second]) {
    for (const name of ["Glute bridge: Set 1", "Bodyweight squat: Set 1"]) {
      await page.waitForFunction(
        (label) => document.querySelector(`input[aria-label="${label}"]`)?.checked === true,
        name,
        { timeout: 1000 },
      );
    }
  }
  const sets = (await storedState(first)).days[isoDay(0)].sets;
  assert.equal(sets["glute-bridge:1"].value, true);
  assert.equal(sets["bodyweight-squat:1"].value, true);
  await context.close();
});

test("a write this tab has not heard about is merged, not overwritten, on the next tick", async () => {
  const context = await env.browser.newContext(PROFILES.phone);
  await seedStore(context, envelope(FOUNDATION));
  const page = await openPage(context);
  await page.goto(env.server.url + "/routine");
  await appReady(page);
  await page.getByRole("checkbox", { name: "Glute bridge: Set 1" }).tap();
  // Another writer changes the store; a page gets no storage event for its own writes.
  const other = envelope({ ...FOUNDATION, days: { [isoDay(0)]: dayLog("foam-roll:1") } });
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [STATE_KEY, other]);
  await page.getByRole("checkbox", { name: "Bodyweight squat: Set 1" }).tap();
  const sets = (await storedState(page)).days[isoDay(0)].sets;
  for (const key of ["glute-bridge:1", "bodyweight-squat:1", "foam-roll:1"]) assert.equal(sets[key]?.value, true, key);
  assert.equal(await page.getByRole("checkbox", { name: "Hamstring massage with a foam roller: Set 1" }).isChecked(), true);
  await context.close();
});

test("a store from a newer app version is never overwritten", async () => {
  const context = await env.browser.newContext(PROFILES.phone);
  const newer = JSON.stringify({ app: "hamstring-rehab", schema: 99, state: { future: true } });
  await seedStore(context, newer);
  const page = await openPage(context);
  await page.goto(env.server.url + "/routine");
  await appReady(page);
  await page.getByText(/saved by a newer version of this app/).waitFor();
  await page.getByRole("button", { name: /Phase 1/ }).tap();
  await page.locator("button.theme-toggle").tap();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), STATE_KEY), newer);
  await context.close();
});

test("export then import round-trips, and a garbage file changes nothing", async () => {
  const context = await env.browser.newContext({ ...PROFILES.phone, acceptDownloads: true });
  await seedStore(context, envelope({ ...FOUNDATION, days: { [isoDay(-1)]: dayLog("glute-bridge:1", "foam-roll:1") } }));
  const page = await openPage(context);
  await page.goto(env.server.url + "/progress#data");
  await appReady(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download a backup file" }).tap();
  const download = await downloading;
  assert.equal(download.suggestedFilename(), `hamstring-rehab-backup-${isoDay(0)}.json`);
  const backup = await download.path();
  const before = await storedState(page);

  // Garbage, a foreign JSON file and an empty file are refused; nothing changes.
  const dir = await mkdtemp(join(tmpdir(), "rehab-"));
  for (const [name, text] of [["garbage.json", "\u0000\u0001 not json"], ["foreign.json", '{"hello":"world"}'], ["empty.json", ""]]) {
    await writeFile(join(dir, name), text);
    await page.locator("#import-file").setInputFiles(join(dir, name));
    await page.getByRole("alert").filter({ hasText: /cannot be imported/ }).waitFor();
    assert.deepEqual(await storedState(page), before, name);
  }

  // Delete everything, then restore from the backup.
  await page.getByRole("button", { name: "Delete all my data…" }).tap();
  await page.getByRole("button", { name: "Yes, delete everything" }).tap();
  await page.getByText("All your data was deleted.").waitFor();
  assert.equal(Object.keys((await storedState(page)).days).length, 0);
  await page.locator("#import-file").setInputFiles(backup);
  await page.getByText(/This backup holds/).waitFor();
  assert.match(await page.locator(".import-preview").innerText(), /1 training days/);
  await page.getByRole("button", { name: "Replace" }).tap();
  await page.getByText("Your data was replaced by the backup.").waitFor();
  // Replacing re-stamps every record (so other tabs cannot revive older
  // ones); the values themselves are the backup's.
  const values = (state) => JSON.parse(JSON.stringify(state, (key, value) => (key === "at" ? undefined : value)));
  const after = await storedState(page);
  assert.deepEqual(values(after.days), values(before.days));
  assert.deepEqual(values(after.programme), values(before.programme));
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});
