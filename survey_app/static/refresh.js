// Reload a progress page every few seconds while a queued job runs (jobs/_refresh.html). A script rather than
// <meta http-equiv="refresh">: axe-core (WCAG 2.2.1) refuses a timed meta refresh; this one the page announces
// and a reader can stop by following the link beside it.
(function () {
  var script = document.currentScript;
  var seconds = parseInt(script.getAttribute("data-seconds"), 10) || 5;
  window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
})();
