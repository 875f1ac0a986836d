/* The response monitor keeps its numbers current without reloading the page (a reload loses the scroll
 * position and screen-reader focus; a meta refresh fails WCAG 2.2.1). Every minute, and when "Vernieuwen" is
 * pressed, it fetches the monitor's JSON and writes each figure into the cell with the same row key. Without
 * JavaScript the "Vernieuwen" link simply reloads the page. Served from 'self', as the CSP requires. */
(function () {
  "use strict";
  var table = document.getElementById("monitor");
  var button = document.getElementById("monitor-refresh");
  var status = document.getElementById("monitor-status");
  if (!table || !window.fetch) { return; }
  var source = table.getAttribute("data-source");
  var interval = Math.max(15, parseInt(table.getAttribute("data-interval"), 10) || 60) * 1000;
  var shownHeld = parseInt(table.getAttribute("data-held"), 10) || 0;

  function time() {
    return new Date().toLocaleTimeString("nl-NL", {hour: "2-digit", minute: "2-digit"});
  }

  function apply(rows) {
    Object.keys(rows).forEach(function (key) {
      var row = table.querySelector('tr[data-row="' + key + '"]');
      if (!row) { return; }
      Object.keys(rows[key]).forEach(function (figure) {
        var cell = row.querySelector('[data-figure="' + figure + '"]');
        if (cell && cell.textContent !== String(rows[key][figure])) { cell.textContent = rows[key][figure]; }
      });
    });
    var held = rows.totaal ? rows.totaal.held : 0;
    var note = held !== shownHeld ? " Er zijn vastgehouden inzendingen bijgekomen of afgehandeld: laad de pagina opnieuw om te beslissen." : "";
    status.textContent = "Bijgewerkt om " + time() + "." + note;
    table.setAttribute("data-updated", String(Date.now()));
  }

  function refresh() {
    fetch(source, {headers: {"Accept": "application/json"}, credentials: "same-origin", cache: "no-store"})
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (data) { apply(data.rows); })
      .catch(function () { status.textContent = "Bijwerken lukte niet om " + time() + "; probeer Vernieuwen."; });
  }

  if (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      refresh();
    });
  }
  window.setInterval(refresh, interval);
}());
