/* The questionnaire's few behaviours that need script (a static file: the CSP allows script-src 'self' only).
   Everything works without it; with it:
   - after a failed submit, focus moves to the error summary, so a screen reader reads it first;
   - a link in the summary moves focus to the question's first input (not only scrolls to it);
   - the personal link of an open-link respondent gets a working "Kopieer link" button. */
(function () {
  "use strict";

  function focusSummary() {
    var summary = document.querySelector(".error-summary");
    if (summary) { summary.focus(); }
  }

  function linkSummary() {
    var links = document.querySelectorAll(".error-summary a[href^='#']");
    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener("click", function (event) {
        var input = document.getElementById(link.getAttribute("href").slice(1));
        if (!input) { return; }
        event.preventDefault();
        var question = document.getElementById(link.getAttribute("data-question")) || input;
        question.scrollIntoView({block: "start"});
        input.focus({preventScroll: true});
      });
    });
  }

  function copyButtons() {
    var buttons = document.querySelectorAll("button[data-copy]");
    Array.prototype.forEach.call(buttons, function (button) {
      var field = document.getElementById(button.getAttribute("data-copy"));
      var status = document.getElementById("kopieer-status");
      if (!field) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        function done() { if (status) { status.textContent = "De link is gekopieerd."; } }
        function fallback() {
          field.select();
          var copied = false;
          try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
          if (copied) { done(); } else if (status) { status.textContent = "Kopiëren lukte niet; selecteer de link en kopieer hem zelf."; }
        }
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(field.value).then(done, fallback);
        } else {
          fallback();
        }
      });
    });
  }

  linkSummary();
  copyButtons();
  focusSummary();
})();
