// Loads the app. Kept as a file (not inline) so the page works under a CSP without
// 'unsafe-inline'. Trunk writes the hashed file names into this tag's data attributes.
const tag = document.querySelector('script[data-wasm]');
const status = document.getElementById('boot-status');
// A first visit hands what it downloads itself (the WASM here, the data files in src/data.rs)
// to the service worker's precache through a cache of this name (HANDOFF in sw.js), so that the
// worker does not download them a second time. Open until the worker is registered.
const HANDOFF = 'iuc-handoff';
const handedOver = [];
let handing = false;
try {
  handing = 'serviceWorker' in navigator && !navigator.serviceWorker.controller;
} catch (e) {
  // An opaque origin (sandboxed frame) may not even read navigator.serviceWorker.
}
window.iucHandOver = (response) => {
  if (!handing || !response.ok) return;
  try {
    const copy = response.clone();
    handedOver.push(caches.open(HANDOFF).then((c) => c.put(response.url, copy)).catch(() => {}));
  } catch (e) {
    // No Cache Storage here (opaque origin): the worker downloads it itself.
  }
};
// A pre-rendered page (src/prerender.rs) shows its content before the app runs. Its HTML
// preloads nothing (the pre-renderer takes trunk's preload links out), so the page's own bytes
// come first on a slow network; the WASM (below) and the data (here) start downloading when this
// script runs, once the HTML has been parsed.
if (document.querySelector('meta[name="iuc-prerendered"]')) {
  // (Not the basemap: a page with the map hands its own to the app, src/takeover.rs; another
  // page's first render does not need it, and the app fetches it once mounted, src/app.rs.)
  const link = document.createElement('link');
  Object.assign(link, { rel: 'preload', href: 'data/pairings.json', as: 'fetch', type: 'application/json', crossOrigin: 'anonymous' });
  document.head.append(link);
}
try {
  // Fetched here rather than by the glue, so that it can be handed over.
  const wasm = fetch(tag.dataset.wasm).then((response) => {
    window.iucHandOver(response);
    return response;
  });
  const mod = await import(tag.dataset.js);
  await mod.default({ module_or_path: wasm });
} catch (err) {
  console.error(err);
  // A pre-rendered page hidden by pre.js is still worth reading as it is.
  document.documentElement.classList.remove('iuc-pending');
  if (status) {
    status.textContent =
      'Sorry, the explorer could not start in this browser (' + (err && err.message ? err.message : err) +
      '). The pairings are available as JSON data at data/pairings.json.';
    status.setAttribute('role', 'alert');
  }
}

// Offline support: register the service worker (public/sw.js) once the page has loaded and the
// browser is idle, so that its precache (the other languages, the wizard's files, the icons)
// never competes with what the first screen needs; and tell the app when a new version is
// waiting (it shows "A new version is available — Reload").
// In a sandboxed iframe without same-origin access this fails quietly: the app works without it.
if ('serviceWorker' in navigator) {
  const announce = (worker) => {
    window.iucWaitingWorker = worker;
    window.dispatchEvent(new Event('iuc-update-available'));
  };
  window.iucApplyUpdate = () => {
    window.iucUpdating = true;
    if (window.iucWaitingWorker) window.iucWaitingWorker.postMessage('skip-waiting');
  };
  try {
    const base = new URL('./', document.baseURI);
    const idle = new Promise((resolve) => {
      const later = () => (window.requestIdleCallback ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 500));
      if (document.readyState === 'complete') later();
      else addEventListener('load', later, { once: true });
    });
    idle
      .then(async () => {
        // Every copy handed over so far is in the cache before the worker's install reads it.
        for (let n = -1; n !== handedOver.length; ) {
          n = handedOver.length;
          await Promise.all(handedOver);
        }
        handing = false;
        return navigator.serviceWorker.register(new URL('sw.js', base).href, { scope: base.pathname });
      })
      .then((reg) => {
        // (No registration where the browser blocks service workers: nothing to watch.)
        if (!reg) return;
        if (reg.waiting && navigator.serviceWorker.controller) announce(reg.waiting);
        reg.addEventListener('updatefound', () => {
          const w = reg.installing;
          if (!w) return;
          w.addEventListener('statechange', () => {
            if (w.state === 'installed' && navigator.serviceWorker.controller) announce(w);
          });
        });
      }, () => {});
    let reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (window.iucUpdating && !reloading) {
        reloading = true;
        location.reload();
      }
    });
  } catch (e) {
    // No service worker here (opaque origin, disabled): nothing to do.
  }
}
