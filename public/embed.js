// Auto-height for embedded IUC Pairings Explorer iframes, for partner websites.
//
//   <iframe src="https://…/?embed=1&embed_id=my-map" title="IUC city pairings" data-iuc-embed
//           width="100%" height="700" loading="lazy"></iframe>
//   <script src="https://…/embed.js" async></script>
//
// The embedded page posts {"datawrapper-height": {"<embed_id>": <pixels>}} whenever its height
// changes (the same message Datawrapper charts send, so existing CMS integrations work too).
// Only messages whose source is one of our iframes are used.
(function () {
  if (window.iucEmbedListening) return;
  window.iucEmbedListening = true;
  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-iuc-embed]'));
  }
  frames().forEach(function (f) { f.style.border = '0'; });
  window.addEventListener('message', function (event) {
    var data = event.data && event.data['datawrapper-height'];
    if (!data || typeof data !== 'object') return;
    frames().forEach(function (f) {
      if (event.source !== f.contentWindow) return;
      for (var id in data) {
        var h = Number(data[id]);
        if (isFinite(h) && h > 0 && h < 100000) f.style.height = Math.ceil(h) + 'px';
      }
    });
  });
})();
