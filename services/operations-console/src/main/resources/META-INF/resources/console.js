// Shows that a page is on its way (journeys ask every service; the overview asks Prometheus), and asks before a discard.
(function () {
  function busy() { document.body.classList.add('busy'); }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) { event.preventDefault(); return; }
    busy();
  });
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[href^="/"]');
    if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey && link.target !== '_blank') { busy(); }
  });
  // back/forward from the page cache: not loading any more
  window.addEventListener('pageshow', function () { document.body.classList.remove('busy'); });
})();
