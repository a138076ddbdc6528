// Hamstring Rehab's boot script: the first script of every page, run before
// the first paint. The build (pwa/postbuild.mjs) fills in the placeholders and
// inlines it, with its hash in the page's Content-Security-Policy.
//  - A host that answered this address with another route's file (a rewrite
//    of every path to index.html) is sent to the route's own file, and an
//    address such as /check/ or /check/index.html reads /check.
//  - The saved theme (the app sets it again once it runs), and whether this is
//    a returning person (as the app noted), whose routine page hides the first
//    visit's phase choice until the app shows their own session, and whose
//    page asks for its code at once.
//  - Taps on controls before the app runs are held, shown as waiting, and made
//    again once the app runs (`hrReplayTaps`, src/browser.rs), so none is
//    lost. Links and disclosures work without the app and are left alone.
//  - On pages that keep one (SNAPSHOT_ROUTES), the person's own screen as the
//    app last drew it on this device: shown at once in place of the build-time
//    page, if nothing stored has changed since and it is the same day and the
//    same release, then handed over to the app when it starts.
(function () {
  var base = __BASE__, files = __FILES__, here = __ROUTE__, build = __BUILD__, parts = __PARTS__, snapshots = __SNAPSHOT__;
  var path = location.pathname.slice(base.length).replace(/\/(index\.html)?$/, "") || "/";
  if (path !== here && files[path]) return location.replace(base + "/" + files[path] + location.search + location.hash);
  if (location.pathname !== base + path && path === here) history.replaceState(null, "", base + path + location.search + location.hash);
  var root = document.documentElement;
  var PREFIX = "hamstring-rehab:", DEVICE = PREFIX + "device:", SNAPSHOT = DEVICE + "snapshot";
  var theme = null, stored = null;
  try {
    theme = localStorage.getItem(DEVICE + "theme");
    stored = JSON.parse(localStorage.getItem(PREFIX + "state"));
  } catch (e) {}
  try {
    // Data version 4 and older kept the theme among the records.
    if (theme === null && stored.schema <= 4) theme = stored.state.settings.value.theme;
  } catch (e) {}
  if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
  // The app notes it (src/storage/device.rs); for records it has not seen
  // yet (written by a release before the note), what they hold.
  var returning = null;
  try {
    returning = localStorage.getItem(DEVICE + "returning");
    if (returning === null) returning = String(!!(stored.state.programme || Object.keys(stored.state.check_results || {}).length));
  } catch (e) {}
  if (returning === "true") root.setAttribute("data-returning", "");
  // A part of the page's code (pwa/postbuild.mjs, `data-parts="early"`) asked
  // for before the app asks: compiled as it arrives, off the main thread, and
  // kept in `hrParts` for the link module, which takes it from there once.
  window.hrFetchParts = function () {
    var kept = (window.hrParts = window.hrParts || {});
    parts.forEach(function (file) {
      var url = new URL(base + "/" + file, location.href).href;
      if (kept[url]) return;
      kept[url] = fetch(url).then(function (response) {
        var wasm = (response.headers.get("content-type") || "").indexOf("application/wasm") === 0;
        return wasm ? WebAssembly.compileStreaming(response) : response.arrayBuffer().then(WebAssembly.compile);
      });
      kept[url].catch(function () {});
    });
  };
  // What a returning person waits for is the app (their own session, their
  // records, their taps), not the build-time page, which they have seen: so
  // their page's code is asked for now, right after the stylesheet (this
  // script comes before it, and the next task comes once it is asked for),
  // rather than after the first paint as for a new visitor. The page's
  // loader takes it from here. (From the service worker's cache it comes
  // quickly anyway, and sooner only competed with the page's start.)
  // With it, the parts of its code their first screen needs (`parts`).
  if (returning === "true" && !(navigator.serviceWorker && navigator.serviceWorker.controller)) {
    window.hrCode = new Promise(function (resolve) {
      setTimeout(function () {
        resolve(fetch(base + "/" + build));
        window.hrFetchParts();
      });
    });
  }

  var CONTROLS = "button, label, input[type=checkbox], input[type=radio], [role=button]";
  var held = [];
  function hold(event) {
    var control = event.target.closest && event.target.closest(CONTROLS);
    if (!control || control.closest("a[href], summary")) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    control.setAttribute("data-held", "");
    held.push(control);
  }
  addEventListener("click", hold, true);

  // Every record this device holds, as one number: a snapshot drawn from
  // other records than today's (another tab, an import, a clock change)
  // is never shown.
  function fingerprint() {
    var keys = [];
    for (var i = 0; i < localStorage.length; i++) {
      var key = localStorage.key(i);
      if (key.indexOf(PREFIX) === 0 && key.indexOf(DEVICE) !== 0) keys.push(key);
    }
    keys.sort();
    var hash = 0x811c9dc5;
    keys.forEach(function (key) {
      var text = key + "\u0000" + localStorage.getItem(key) + "\u0000";
      for (var i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
    });
    return keys.length ? (hash >>> 0).toString(36) + "." + keys.length : "";
  }
  function day() {
    var now = new Date();
    return now.getFullYear() + "-" + (now.getMonth() + 1) + "-" + now.getDate();
  }
  var keeps = snapshots.indexOf(here) >= 0, snapshot = null;
  if (keeps) {
    try {
      snapshot = JSON.parse(localStorage.getItem(SNAPSHOT));
      // Read once: while the app runs it takes no room from the records.
      localStorage.removeItem(SNAPSHOT);
      var print = snapshot && fingerprint();
      if (!(print && snapshot.route === here && snapshot.build === build && snapshot.day === day() && snapshot.print === print)) snapshot = null;
    } catch (e) {
      snapshot = null;
    }
    if (snapshot) root.setAttribute("data-snapshot", "");
  }

  // Called by the page right after its <main>: the snapshot goes before it
  // (the app hydrates <main> itself, untouched).
  window.hrShowSnapshot = function () {
    window.hrShowSnapshot = null;
    var main = document.getElementById("main");
    if (!snapshot || !main) return root.removeAttribute("data-snapshot");
    var copy = document.createElement("main");
    copy.className = "snapshot";
    copy.innerHTML = snapshot.html;
    // Inline styles (a bar's width) are not allowed in markup by the page's
    // policy; set through the DOM, they are.
    copy.querySelectorAll("[data-style]").forEach(function (el) {
      el.style.cssText = el.getAttribute("data-style");
      el.removeAttribute("data-style");
    });
    // Its own radio groups: sharing a name with the app's, a rating the app
    // draws would clear the same rating on the copy while both are shown.
    copy.querySelectorAll("input[type=radio][name]").forEach(function (el) {
      el.name = "snapshot-" + el.name;
    });
    main.before(copy);
  };

  // What the person sees is written down when the page goes out of sight:
  // the state of each control as well as the markup, without what the app
  // does not draw again on its own (a running rest, a disclosure the person
  // opened).
  // Once each time the page goes out of sight: leaving a page fires both
  // visibilitychange and pagehide, and the next page waits for them.
  var keptSinceShown = false;
  function keepSnapshot() {
    var main = document.getElementById("main");
    // Only once the app has started, and while it can write the records.
    if (keptSinceShown || !main || document.body.getAttribute("data-app") !== "started" || !document.body.hasAttribute("data-keep-screen")) return;
    keptSinceShown = true;
    var print = fingerprint();
    if (!print) return;
    // Copied into a document that shows nothing, so the copy's images are
    // not fetched again.
    var copy = document.implementation.createHTMLDocument("").importNode(main, true);
    var live = main.querySelectorAll("input"), kept = copy.querySelectorAll("input");
    for (var i = 0; i < live.length; i++) {
      if (live[i].type === "checkbox" || live[i].type === "radio") kept[i].toggleAttribute("checked", live[i].checked);
      else kept[i].setAttribute("value", live[i].value);
    }
    copy.querySelectorAll("[style]").forEach(function (el) {
      el.setAttribute("data-style", el.getAttribute("style"));
      el.removeAttribute("style");
    });
    copy.querySelectorAll(".rest-bar").forEach(function (el) {
      el.remove();
    });
    var liveDetails = main.querySelectorAll("details"), keptDetails = copy.querySelectorAll("details");
    for (var j = 0; j < liveDetails.length; j++) {
      if ("hrDrawnOpen" in liveDetails[j]) keptDetails[j].toggleAttribute("open", liveDetails[j].hrDrawnOpen);
    }
    try {
      localStorage.setItem(SNAPSHOT, JSON.stringify({ route: here, build: build, day: day(), print: print, html: copy.innerHTML }));
    } catch (e) {
      // Full or unavailable storage: the next visit draws as usual.
    }
  }
  if (keeps) {
    // A disclosure the person opened or closed is kept as the app drew it:
    // the app draws it that way again.
    addEventListener(
      "click",
      function (event) {
        var summary = event.target.closest && event.target.closest("summary");
        var details = summary && summary.parentElement;
        if (details && details.tagName === "DETAILS" && !("hrDrawnOpen" in details)) details.hrDrawnOpen = details.open;
      },
      true,
    );
    addEventListener("pagehide", keepSnapshot);
    addEventListener("visibilitychange", function () {
      if (document.hidden) return keepSnapshot();
      keptSinceShown = false;
      localStorage.removeItem(SNAPSHOT);
    });
  }

  function labelOf(control) {
    return (control.getAttribute("aria-label") || "") + "|" + control.textContent.trim();
  }
  function checkedOf(control) {
    var box = control.matches("input") ? control : control.querySelector("input[type=checkbox], input[type=radio]");
    return box ? box.checked : null;
  }
  // A tap on the snapshot is made on the app's own control in the same place
  // with the same name. A box already the way the tap would have set it is
  // left alone: making that tap would undo what the person meant.
  function inApp(control, snapshotMain, main) {
    if (!snapshotMain || !snapshotMain.contains(control)) return control;
    var place = Array.prototype.indexOf.call(snapshotMain.querySelectorAll(CONTROLS), control);
    var target = main && main.querySelectorAll(CONTROLS)[place];
    if (!target || labelOf(target) !== labelOf(control)) return null;
    return checkedOf(target) === checkedOf(control) ? target : null;
  }
  // The app calls this once it has read storage; what it draws from that is
  // in the page soon after (its effects run as microtasks). Taps stay held
  // until then: the snapshot's controls do nothing of their own.
  window.hrReplayTaps = function () {
    window.hrReplayTaps = null;
    setTimeout(replay);
  };
  var tries = 0;
  function replay() {
    var snapshotMain = document.querySelector("main.snapshot"), main = document.getElementById("main");
    // The app's page has caught up with the snapshot once each control has its counterpart.
    var caughtUp = !snapshotMain || main.querySelectorAll(CONTROLS).length === snapshotMain.querySelectorAll(CONTROLS).length;
    if (!caughtUp && ++tries < 50) return setTimeout(replay, 20);
    removeEventListener("click", hold, true);
    var targets = held.splice(0).map(function (control) {
      control.removeAttribute("data-held");
      return inApp(control, snapshotMain, main);
    });
    if (snapshotMain) {
      var scroll = scrollY;
      snapshotMain.remove();
      root.removeAttribute("data-snapshot");
      scrollTo(scrollX, scroll);
      // The app left this to the hand-over (src/browser.rs, say_started).
      document.body.setAttribute("data-app", "started");
    }
    targets.forEach(function (control) {
      if (control && control.isConnected) control.click();
    });
  }
})();
