// Loads the app. Kept as a file (not inline) so the page works under a CSP without
// 'unsafe-inline'. Trunk writes the hashed file names into this tag's data attributes.
const tag = document.querySelector('script[data-wasm]');
const status = document.getElementById('boot-status');
try {
  const mod = await import(tag.dataset.js);
  await mod.default({ module_or_path: tag.dataset.wasm });
} catch (err) {
  console.error(err);
  if (status) {
    status.textContent =
      'Sorry, the explorer could not start in this browser (' + (err && err.message ? err.message : err) +
      '). The pairings are available as JSON data at data/pairings.json.';
    status.setAttribute('role', 'alert');
  }
}

// Offline support: register the service worker (public/sw.js) once the app runs, and tell the
// app when a new version is waiting (it shows "A new version is available — Reload").
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
    navigator.serviceWorker.register(new URL('sw.js', base).href, { scope: base.pathname }).then((reg) => {
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
