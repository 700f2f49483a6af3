// Staff pages for campaigns, appeals, targets and coalitions.
// Forms marked data-api are sent as JSON to the same endpoints the API offers, so the same commands validate them;
// RFC 9457 field errors are shown next to the fields. Data is only ever written with textContent.
(function () {
  "use strict";

  function setPath(obj, path, value) {
    var parts = path.split(".");
    var o = obj;
    for (var i = 0; i < parts.length - 1; i++) {
      if (o[parts[i]] === undefined) o[parts[i]] = {};
      o = o[parts[i]];
    }
    o[parts[parts.length - 1]] = value;
  }

  function readField(el) {
    var type = el.dataset.type || "";
    if (el.type === "checkbox" && type !== "ids") return el.checked;
    var v = el.value;
    if (v === null || v.trim() === "") return undefined;
    if (type === "int") return parseInt(v, 10);
    if (type === "lines") return v.split(/\r?\n/).map(function (s) { return s.trim(); }).filter(function (s) { return s; });
    if (type === "csv") return v.split(",").map(function (s) { return s.trim(); }).filter(function (s) { return s; });
    if (type === "datetime") return new Date(v).toISOString();
    return v;
  }

  function formJson(form) {
    var body = {};
    var lists = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.type === "submit" || el.type === "file") return;
      if (el.type === "radio" && !el.checked) return;
      if (el.dataset.type === "ids") {
        lists[el.name] = lists[el.name] || [];
        if (el.checked) lists[el.name].push(el.value);
        return;
      }
      var v = readField(el);
      if (v !== undefined) setPath(body, el.name, v);
    });
    Object.keys(lists).forEach(function (k) { setPath(body, k, lists[k]); });
    return body;
  }

  function clearErrors(form) {
    form.querySelectorAll("[data-error-for]").forEach(function (e) { e.textContent = ""; });
    var summary = form.querySelector(".form-error");
    if (summary) summary.textContent = "";
  }

  function showProblem(form, problem, status) {
    var summary = form.querySelector(".form-error");
    var shown = false;
    var errors = (problem && problem.errors) || {};
    Object.keys(errors).forEach(function (key) {
      var text = [].concat(errors[key]).join(" ");
      var slot = form.querySelector('[data-error-for="' + CSS.escape(key) + '"]') ||
        form.querySelector('[data-error-for="' + CSS.escape(key.replace(/\[\d+\]$/, "").split(".")[0]) + '"]');
      if (slot) { slot.textContent = (slot.textContent ? slot.textContent + " " : "") + key + " " + text; shown = true; }
      else if (summary) { summary.textContent += key + " " + text + " "; shown = true; }
    });
    if (!shown && summary) {
      summary.textContent = (problem && (problem.detail || problem.title)) || ("The request failed (" + status + ").");
    }
  }

  function next(form, data) {
    var then = form.dataset.next || "reload";
    if (then === "reload") { location.reload(); return; }
    if (then === "report") { renderReport(form, data); return; }
    // an API token or sign-in link is shown once, in the form that asked for it, and never stored in the page
    if (then === "secret") { form.querySelector("output.secret").textContent = (data && (data.token || data.url)) || ""; return; }
    location.assign(then.replace("{id}", encodeURIComponent((data && data.id) || "")));
  }

  function renderReport(form, report) {
    var out = form.querySelector(".import-report");
    if (!out) return;
    out.replaceChildren();
    var p = document.createElement("p");
    p.textContent = "Imported " + report.imported + ", reused " + report.reused + ", added to the list " + report.added +
      ", rejected " + report.rejected + ".";
    out.appendChild(p);
    if (report.errors && report.errors.length) {
      var table = document.createElement("table");
      table.className = "grid import-errors";
      var head = table.insertRow();
      ["Row", "Field", "Problem"].forEach(function (h) { var th = document.createElement("th"); th.textContent = h; head.appendChild(th); });
      report.errors.forEach(function (e) {
        var tr = table.insertRow();
        [e.row, e.field, e.message].forEach(function (v) { tr.insertCell().textContent = String(v); });
      });
      out.appendChild(table);
    }
    var reload = document.createElement("a");
    reload.href = location.href;
    reload.textContent = "Refresh the lists";
    out.appendChild(reload);
  }

  async function submit(form, event) {
    event.preventDefault();
    clearErrors(form);
    var button = form.querySelector("button[type=submit], button:not([type])");
    if (button) button.disabled = true;
    try {
      var token = document.querySelector('meta[name="request-verification-token"]');
      // proves to the server that the change comes from our own page (the staff cookie alone would not); see _Layout
      var init = { method: "POST", headers: { "Accept": "application/json", "RequestVerificationToken": token ? token.content : "" } };
      var fileInput = form.querySelector("input[type=file]");
      if (fileInput) {
        var data = new FormData();
        if (fileInput.files.length) data.append("file", fileInput.files[0]);
        init.body = data;
      } else {
        init.headers["Content-Type"] = "application/json";
        init.body = JSON.stringify(formJson(form));
      }
      var response = await fetch(form.dataset.api, init);
      var text = await response.text();
      var json = null;
      try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
      if (response.ok) next(form, json);
      else showProblem(form, json, response.status);
    } catch (e) {
      var summary = form.querySelector(".form-error");
      if (summary) summary.textContent = "Could not reach the server: " + e.message;
    } finally {
      if (button) button.disabled = false;
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.api) submit(form, event);
  });

  // The "as of" picker: a local date-time becomes an ISO instant in ?asOf=.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("as-of")) return;
    var input = form.querySelector("input[type=datetime-local]");
    if (!input || !input.value) return;
    event.preventDefault();
    var url = new URL(location.href);
    url.searchParams.set("asOf", new Date(input.value).toISOString());
    location.assign(url.toString());
  });

  // The picker shows the chosen moment in the staff member's own time zone (the server renders it in UTC).
  document.querySelectorAll("form.as-of input[data-utc]").forEach(function (input) {
    if (!input.dataset.utc) return;
    var d = new Date(input.dataset.utc);
    var pad = function (n) { return String(n).padStart(2, "0"); };
    input.value = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + "T" + pad(d.getHours()) + ":" +
      pad(d.getMinutes()) + ":" + pad(d.getSeconds());
  });

  // The appeal page follows the fan-out live: every 2 s the appeal is read again and the cells updated.
  var live = document.querySelector("[data-appeal-live]");
  if (live) {
    var meta = document.querySelector("meta[http-equiv=refresh]");
    if (meta) meta.remove();
    var url = live.dataset.appealLive;
    var timer = setInterval(async function () {
      try {
        var response = await fetch(url, { headers: { "Accept": "application/json" } });
        if (!response.ok) return;
        var appeal = await response.json();
        updateAppeal(appeal);
        if (!appeal.counts.queued) clearInterval(timer);
      } catch (e) { /* the next tick tries again */ }
    }, 2000);
  }

  function updateAppeal(appeal) {
    Object.keys(appeal.counts).forEach(function (k) {
      var cell = document.querySelector('[data-count="' + k + '"]');
      if (cell) cell.textContent = String(appeal.counts[k]);
    });
    var total = appeal.recipients.length;
    var c = appeal.counts;
    var delivered = c.sent + c.acknowledged + c.responded + c.followUpDue;
    var bar = document.querySelector("[data-progress]");
    if (bar && total) bar.setAttribute("width", String(Math.round(100 * delivered / total)));
    var label = document.querySelector("[data-progress-label]");
    if (label) label.textContent = delivered + " of " + total + " delivered";
    appeal.recipients.forEach(function (r) {
      var row = document.querySelector('tr[data-target-id="' + r.targetId + '"]');
      if (!row) return;
      ["status", "reason", "attempts", "messageId"].forEach(function (f) {
        var cell = row.querySelector('[data-field="' + f + '"]');
        if (!cell) return;
        var text = r[f] === null || r[f] === undefined ? "" : String(r[f]);
        var badge = cell.querySelector(".status");
        if (badge) { badge.textContent = text; badge.className = "status status-" + text; }
        else cell.textContent = text;
      });
      row.dataset.status = r.status;
    });
  }
})();
