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
