// Runs before the page's body is shown (a classic script in <head>; a file, not inline, for the
// strict CSP). A pre-rendered page (tools: src/prerender.rs) shows its route in English with no
// filters. When this address asks for something else, the page is hidden until the app has
// rendered the right one (src/takeover.rs shows it again), rather than showing content that is
// then taken away:
// - a query other than `lang=en` (a search, filters, a view, an embed, a partner colour);
// - another language, by `lang=` or, without it, by the browser's preference (as the app
//   decides: the first of navigator.languages, then navigator.language, that it speaks);
// - another route than the page's own (a host answering an unknown path with index.html).
// Without JavaScript none of this runs and the page stays readable as it is.
(function () {
  try {
    var meta = document.querySelector('meta[name="iuc-prerendered"]');
    if (!meta) return;
    var LANGS = ['en', 'fr', 'es', 'de', 'it', 'pt'];
    var code = function (c) {
      c = String(c || '').slice(0, 2).toLowerCase();
      return LANGS.indexOf(c) >= 0 ? c : null;
    };
    var params = new URLSearchParams(location.search);
    var lang = code(params.get('lang'));
    params.delete('lang');
    if (!lang) {
      var prefs = (navigator.languages || []).concat(navigator.language ? [navigator.language] : []);
      for (var i = 0; i < prefs.length && !lang; i++) lang = code(prefs[i]);
    }
    var base = new URL(document.baseURI).pathname.replace(/\/$/, '');
    var path = location.pathname;
    if (base && path.indexOf(base) === 0) path = path.slice(base.length);
    path = decodeURIComponent(path).replace(/\/index\.html$/, '').replace(/\/$/, '') || '/';
    var route = meta.getAttribute('content');
    var other = Array.from(params.keys()).length > 0 || (lang || 'en') !== 'en' || (route !== '*' && route !== path);
    if (other) {
      // Meanwhile a word that something is coming, in the language the page will be in (the
      // app's strings are in the WASM, not loaded yet).
      var LOADING = { en: 'Loading…', fr: 'Chargement…', es: 'Cargando…', de: 'Wird geladen…', it: 'Caricamento…', pt: 'A carregar…' };
      document.documentElement.setAttribute('data-loading', LOADING[lang || 'en']);
      document.documentElement.classList.add('iuc-pending');
    }
  } catch (e) {
    // Show the page as it is.
  }
})();
