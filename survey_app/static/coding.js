/* Coding page enhancements: code toggles posted with fetch, keyboard coding, span selection.
 *
 * Without this file every action still works: each code button is a small POST form.
 * Keys: j / ArrowDown next fragment, k / ArrowUp previous, 1-9 toggle the first nine codes of the current
 * group, g next group; a focused code button + Enter toggles that code. Selecting text inside a fragment and
 * then choosing a code codes only that span (character offsets in the fragment text).
 */
(function () {
  "use strict";

  var container = document.getElementById("fragments");
  if (!container) {
    return;
  }
  var keyed = parseInt(container.getAttribute("data-keyed") || "9", 10);
  var statusLine = document.querySelector(".status-line");
  var current = null;
  var group = 0;

  function fragments() {
    return Array.prototype.slice.call(container.querySelectorAll("article.fragment"));
  }

  function say(text) {
    if (statusLine) {
      statusLine.textContent = text;
    }
  }

  function setCurrent(article, focus) {
    if (!article) {
      return;
    }
    if (current && current !== article) {
      current.classList.remove("current");
    }
    current = article;
    article.classList.add("current");
    if (focus) {
      article.focus({ preventScroll: true });
      article.scrollIntoView({ block: "nearest" });
    }
  }

  function move(delta) {
    var all = fragments();
    var index = current ? all.indexOf(current) : -1;
    var next = all[Math.min(Math.max(index + delta, 0), all.length - 1)];
    setCurrent(next, true);
    if (next) {
      say("Fragment " + next.getAttribute("data-position"));
    }
  }

  function setGroup(index) {
    var sections = document.querySelectorAll(".code-panel .code-group");
    if (!sections.length) {
      return;
    }
    group = (index + sections.length) % sections.length;
    Array.prototype.forEach.call(sections, function (section) {
      var on = section.getAttribute("data-group") === String(group);
      section.classList.toggle("current", on);
      var button = section.querySelector(".group-select");
      if (button) {
        button.setAttribute("aria-pressed", on ? "true" : "false");
      }
    });
    Array.prototype.forEach.call(container.querySelectorAll(".code-group-buttons"), function (box) {
      box.classList.toggle("current", box.getAttribute("data-group") === String(group));
    });
    var name = sections[group].querySelector(".group-select");
    say("Codegroep: " + (name ? name.textContent : group + 1));
  }

  function textOffset(root, node, offset) {
    var range = document.createRange();
    range.setStart(root, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function clearSpan(article) {
    delete article.dataset.spanStart;
    delete article.dataset.spanEnd;
    var hint = article.querySelector(".span-hint");
    if (hint) {
      hint.hidden = true;
      hint.textContent = "";
    }
  }

  function captureSelection() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) {
      return;
    }
    var range = selection.getRangeAt(0);
    var node = range.commonAncestorContainer;
    var element = node.nodeType === 1 ? node : node.parentElement;
    var text = element ? element.closest(".fragment-text") : null;
    if (!text || !container.contains(text)) {
      return;
    }
    var start = textOffset(text, range.startContainer, range.startOffset);
    var end = textOffset(text, range.endContainer, range.endOffset);
    if (end <= start) {
      return;
    }
    var article = text.closest("article.fragment");
    article.dataset.spanStart = String(start);
    article.dataset.spanEnd = String(end);
    var hint = article.querySelector(".span-hint");
    if (hint) {
      hint.textContent = "Selectie (tekens " + start + "–" + end + "): kies een code om alleen deze tekst te coderen.";
      hint.hidden = false;
    }
    setCurrent(article, false);
  }

  function updateCounts(counts) {
    Array.prototype.forEach.call(document.querySelectorAll(".code-count"), function (element) {
      var path = element.getAttribute("data-code");
      if (Object.prototype.hasOwnProperty.call(counts, path)) {
        element.textContent = String(counts[path]);
      }
    });
  }

  function replaceFragment(article, html, code) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    var fresh = template.content.firstElementChild;
    article.replaceWith(fresh);
    setCurrent(fresh, false);
    setGroup(group);
    var selector = "button.code-toggle[data-code=\"" + CSS.escape(code) + "\"]";
    var button = fresh.querySelector(selector);
    (button || fresh).focus({ preventScroll: true });
  }

  function post(form) {
    var article = form.closest("article.fragment");
    var data = new FormData(form);
    if (article && article.dataset.spanStart) {
      data.append("span_start", article.dataset.spanStart);
      data.append("span_end", article.dataset.spanEnd);
    }
    var token = form.querySelector("input[name=\"csrf_token\"]");
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": token ? token.value : "", "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (body) {
        return { ok: response.ok, body: body };
      });
    }).then(function (result) {
      if (!result.ok) {
        say(result.body.error || "Er ging iets mis; probeer het opnieuw.");
        return;
      }
      updateCounts(result.body.counts);
      replaceFragment(article, result.body.html, result.body.code);
      say((result.body.active ? "Gecodeerd: " : "Code verwijderd: ") + result.body.code +
          " (fragment " + result.body.position + ")");
    }).catch(function () {
      form.submit();  // no JSON answer: fall back to the ordinary form post
    });
  }

  container.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList.contains("code-form")) {
      return;
    }
    event.preventDefault();
    post(form);
  });

  container.addEventListener("focusin", function (event) {
    var article = event.target.closest("article.fragment");
    if (article) {
      setCurrent(article, false);
    }
  });

  document.addEventListener("mouseup", captureSelection);
  document.addEventListener("keyup", function (event) {
    if (event.shiftKey) {
      captureSelection();
    }
  });
  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (selection && selection.isCollapsed && current && current.dataset.spanStart &&
        !(document.activeElement && document.activeElement.classList.contains("code-toggle"))) {
      clearSpan(current);
    }
  });

  Array.prototype.forEach.call(document.querySelectorAll(".group-select"), function (button) {
    button.addEventListener("click", function () {
      setGroup(parseInt(button.getAttribute("data-group"), 10));
    });
  });

  function toggleByNumber(number) {
    if (!current) {
      setCurrent(fragments()[0], true);
    }
    if (!current || number > keyed) {
      return;
    }
    var box = current.querySelector(".code-group-buttons[data-group=\"" + group + "\"]");
    var buttons = box ? box.querySelectorAll("button.code-toggle") : [];
    var button = buttons[number - 1];
    if (!button) {
      return;
    }
    if (button.form.requestSubmit) {
      button.form.requestSubmit(button);
    } else {
      button.click();
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) {
      return;
    }
    var key = event.key;
    if (key === "j" || key === "ArrowDown") {
      move(1);
    } else if (key === "k" || key === "ArrowUp") {
      move(-1);
    } else if (key === "g") {
      setGroup(group + 1);
    } else if (/^[1-9]$/.test(key)) {
      toggleByNumber(parseInt(key, 10));
    } else {
      return;
    }
    event.preventDefault();
  });

  var start = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
  setCurrent(start && start.classList.contains("fragment") ? start : fragments()[0], Boolean(start));
  setGroup(0);
}());
