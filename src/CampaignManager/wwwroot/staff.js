// Every staff page: forms and buttons marked data-post send JSON to the same API endpoints scripts use, so the same
// commands validate them; RFC 9457 field errors appear in the [data-error-for] slot beside each field and anything
// else in the form's general slot, data-error-for="". data-then says what follows success: reload (the default),
// letter, report, reload-report, secret, or a URL in which {id} becomes the new resource's id. data-method="DELETE"
// sends a DELETE instead of a POST, for the API's few removals (a list member).
// Data from the server is only ever set with textContent; the one exception is the Markdown preview, which the
// server already sanitized (LetterMarkdown).
(() => {
  'use strict';

  // proves to the server that a change comes from our own page (the staff cookie alone would not); see _Layout
  function antiforgeryToken() {
    const meta = document.querySelector('meta[name="request-verification-token"]');
    return meta ? meta.content : '';
  }

  async function send(url, body, method) {
    const init = { method: method || 'POST', headers: { Accept: 'application/json', RequestVerificationToken: antiforgeryToken() } };
    if (body instanceof FormData) init.body = body;
    else { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body ?? {}); }
    const response = await fetch(url, init);
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { ok: response.ok, status: response.status, json };
  }

  function clearErrors(scope) {
    scope.querySelectorAll('[data-error-for]').forEach(e => { e.textContent = ''; });
  }

  // A field's errors go to its slot, or to the slot of the list it belongs to ("members[2].email" → "members",
  // then prefixed with the path so the row is known); anything without a place goes to the general slot.
  function showProblem(scope, problem, status) {
    clearErrors(scope);
    const general = scope.querySelector('[data-error-for=""]') || document.getElementById('page-error');
    const slots = [...scope.querySelectorAll('[data-error-for]')].filter(e => e !== general);
    const slotFor = name => slots.find(e => e.dataset.errorFor === name);
    const unplaced = [];
    for (const [field, messages] of Object.entries((problem && problem.errors) || {})) {
      const text = [].concat(messages).join(' ');
      const own = slotFor(field);
      const list = own ? null : slotFor(field.replace(/\[\d+\]$/, '').split(/[.[]/)[0]);
      if (own) own.textContent = text;
      else if (list) list.textContent = (list.textContent ? list.textContent + ' ' : '') + field + ' ' + text;
      else unplaced.push((field ? field + ' ' : '') + text);
    }
    const summary = problem && !problem.errors ? (problem.detail || problem.title)
      : (unplaced.length ? unplaced.join('; ') : (problem && problem.title));
    if (general) general.textContent = summary || `The request failed (${status}).`;
    const first = scope.querySelector('[data-error-for]:not(:empty)');
    if (first) first.scrollIntoView({ block: 'center' });
  }

  const words = (value, separator) => value.split(separator).map(s => s.trim()).filter(Boolean);

  // data-type: int → number, datetime → ISO instant (the input holds local wall time), lines/csv → list of strings,
  // ids → the values of the checked boxes sharing that name (numbers where the box says data-int). Blank fields are left out so the API's defaults apply,
  // unless the form says data-send-blank, where a blank field means "clear this" (a revision's closing line).
  function read(el, sendBlank) {
    const type = el.dataset.type;
    if (el.type === 'checkbox') return el.checked;
    const value = el.value;
    if (value.trim() === '') return !sendBlank ? undefined : (type === 'int' || type === 'datetime' ? null : value);
    if (type === 'int') return parseInt(value, 10);
    if (type === 'datetime') return new Date(value).toISOString();
    if (type === 'lines') return words(value, /\r?\n/);
    if (type === 'csv') return words(value, ',');
    return value;
  }

  // name="addressees[0].name" → { addressees: [ { name } ] }; name="tally.yes" → { tally: { yes } }
  function setPath(data, name, value) {
    const path = name.match(/[^.[\]]+/g);
    let node = data;
    path.forEach((key, i) => {
      if (i === path.length - 1) node[key] = value;
      else node = node[key] ??= (/^\d+$/.test(path[i + 1]) ? [] : {});
    });
  }

  function collect(form) {
    const data = {};
    const ids = {};
    for (const el of form.querySelectorAll('input[name], textarea[name], select[name]')) {
      if (el.disabled || el.type === 'file' || el.type === 'submit') continue;
      if (el.type === 'radio' && !el.checked) continue;
      if (el.dataset.type === 'ids') {
        (ids[el.name] ??= []);
        if (el.checked) ids[el.name].push(el.hasAttribute('data-int') ? parseInt(el.value, 10) : el.value);
        continue;
      }
      const value = read(el, form.hasAttribute('data-send-blank'));
      if (value !== undefined) setPath(data, el.name, value);
    }
    for (const [name, list] of Object.entries(ids)) setPath(data, name, list);
    return data;
  }

  // Rows whose inputs are all blank are dropped (keeping one), then renumbered so error paths match positions.
  function renumber(container) {
    container.querySelectorAll('[data-row]').forEach((row, index) => {
      row.querySelectorAll('[name],[id],[for],[data-error-for]').forEach(el => {
        for (const attr of ['name', 'id', 'for', 'data-error-for']) {
          const v = el.getAttribute(attr);
          if (v) el.setAttribute(attr, v.replace(/\[\d+\]/, '[' + index + ']').replace(/-\d+-/, '-' + index + '-'));
        }
      });
    });
  }

  function dropBlankRows(form) {
    form.querySelectorAll('[data-rows]').forEach(container => {
      container.querySelectorAll('[data-row]').forEach(row => {
        const blank = [...row.querySelectorAll('input, textarea')].every(i => i.value.trim() === '');
        if (blank && container.querySelectorAll('[data-row]').length > 1) row.remove();
      });
      renumber(container);
    });
  }

  function after(form, json) {
    const then = form.dataset.then || 'reload';
    if (then === 'reload') window.location.reload();
    else if (then === 'letter') { if (json && json.id) window.location.assign('/letters/' + json.id); else window.location.reload(); }
    else if (then === 'report') showTargetImport(form, json);
    else if (then === 'reload-report') { sessionStorage.setItem('letters.importReport', JSON.stringify(json)); window.location.reload(); }
    // an API token or sign-in link is shown once, in the form that asked for it, and never stored in the page
    else if (then === 'secret') form.querySelector('output.secret').textContent = (json && (json.token || json.secret || json.url)) || '';
    else window.location.assign(then.replace('{id}', encodeURIComponent((json && json.id) || '')));
  }

  // A form with a file input uploads the file (a CSV import); any other form sends its fields as JSON.
  function body(form) {
    const file = form.querySelector('input[type=file]');
    if (!file) return collect(form);
    const data = new FormData();
    if (file.files.length) data.append('file', file.files[0]);
    return data;
  }

  document.addEventListener('submit', async event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    if (form.classList.contains('as-of')) { asOf(form, event); return; }
    if (!form.dataset.post) return;
    event.preventDefault();
    // a required file is checked before sending, so an empty upload never reaches the API
    const file = form.querySelector('input[type=file][required]');
    if (file && !file.files.length) { showProblem(form, { title: 'Choose a CSV file first.' }, 0); return; }
    dropBlankRows(form);
    clearErrors(form);
    const button = form.querySelector('button[type=submit], button:not([type])');
    if (button) button.disabled = true;
    try {
      const result = await send(form.dataset.post, body(form), form.dataset.method);
      if (result.ok) after(form, result.json);
      else showProblem(form, result.json, result.status);
    } catch {
      showProblem(form, { title: 'The server could not be reached. Try again.' }, 0);
    } finally {
      if (button) button.disabled = false;
    }
  });

  document.addEventListener('click', async event => {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.dataset.addRow) {
      const container = button.closest('[data-rows]');
      const rows = container.querySelectorAll('[data-row]');
      const copy = rows[rows.length - 1].cloneNode(true);
      copy.querySelectorAll('input, textarea').forEach(i => { i.value = ''; });
      copy.querySelectorAll('[data-error-for]').forEach(e => { e.textContent = ''; });
      button.before(copy);
      renumber(container);
      copy.querySelector('input').focus();
    } else if (button.hasAttribute('data-remove-row')) {
      const container = button.closest('[data-rows]');
      if (container.querySelectorAll('[data-row]').length > 1) button.closest('[data-row]').remove();
      else button.closest('[data-row]').querySelectorAll('input, textarea').forEach(i => { i.value = ''; });
      renumber(container);
    } else if (button.dataset.post && !button.form) {
      if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) return;
      button.disabled = true;
      const result = await send(button.dataset.post, button.dataset.body ? JSON.parse(button.dataset.body) : {}, button.dataset.method);
      if (result.ok) window.location.reload();
      else { button.disabled = false; showProblem(document.body, result.json, result.status); }
    } else if (button.dataset.pinOrder) {
      const ids = [...document.querySelectorAll('[data-order-id]')]
        .map((input, i) => ({ id: input.dataset.orderId, position: Number(input.value) || 9999, i }))
        .sort((a, b) => a.position - b.position || a.i - b.i)
        .map(x => x.id);
      const result = await send(button.dataset.pinOrder, { signatureIds: ids });
      if (result.ok) window.location.reload();
      else showProblem(document.body, result.json, result.status);
    }
  });

  // The "as of" picker: a local date-time becomes an ISO instant in ?asOf=.
  function asOf(form, event) {
    const input = form.querySelector('input[type=datetime-local]');
    if (!input || !input.value) return;
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set('asOf', new Date(input.value).toISOString());
    window.location.assign(url.toString());
  }

  // The picker shows the chosen moment in the staff member's own time zone (the server renders it in UTC).
  document.querySelectorAll('form.as-of input[data-utc]').forEach(input => {
    if (!input.dataset.utc) return;
    const d = new Date(input.dataset.utc);
    const pad = n => String(n).padStart(2, '0');
    input.value = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  });

  // Live preview: the server renders with the letter's own sanitizing Markdown pipeline.
  document.querySelectorAll('textarea[data-preview]').forEach(area => {
    const target = document.getElementById(area.dataset.preview);
    let timer = null, sent = 0;
    area.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const ticket = ++sent;
        const result = await send('/api/letters/preview', { markdown: area.value });
        if (ticket === sent && result.ok) target.innerHTML = result.json.html; // sanitized by LetterMarkdown on the server
      }, 250);
    });
  });

  document.querySelectorAll('[data-select-on-focus]').forEach(i => i.addEventListener('focus', () => i.select()));

  function table(className, headings, rows) {
    const t = document.createElement('table');
    t.className = className;
    const head = t.createTHead().insertRow();
    for (const h of headings) { const th = document.createElement('th'); th.textContent = h; head.append(th); }
    const tbody = t.createTBody();
    for (const cells of rows) {
      const row = tbody.insertRow();
      for (const v of cells) row.insertCell().textContent = String(v);
    }
    return t;
  }

  const paragraph = text => { const p = document.createElement('p'); p.textContent = text; return p; };
  // the spreadsheet's row (header = 1), and the file's line too where a quoted value spanning lines moved it
  const place = (row, line) => line && line !== row ? `${row} (line ${line})` : String(row);
  const errorRows = errors => errors.map(e => [place(e.row, e.line), e.field, e.message]);
  // which row folded into which: an earlier row of the file, or someone already on file
  const duplicateRows = (duplicates, name) => duplicates.map(d =>
    [place(d.row, d.line), d.sameAsRow ? `row ${place(d.sameAsRow, d.sameAsLine)} (${name(d)})` : `${name(d)}, already on file`]);

  // A target-list import's report, shown in the form that sent it.
  function showTargetImport(form, r) {
    const out = form.querySelector('.import-report');
    if (!out) return;
    out.replaceChildren(paragraph(`Imported ${r.imported}, reused ${r.reused}, added to the list ${r.added}, rejected ${r.rejected}.`));
    if (r.errors && r.errors.length) out.append(table('grid import-errors', ['Row', 'Field', 'Problem'], errorRows(r.errors)));
    if (r.duplicates && r.duplicates.length) out.append(table('grid import-duplicates', ['Row', 'Same target as'], duplicateRows(r.duplicates, d => d.target)));
    const reload = document.createElement('a');
    reload.href = window.location.href;
    reload.textContent = 'Refresh the lists';
    out.append(reload);
  }

  // A signature import's report, kept across the reload that shows the imported signatures.
  const report = document.getElementById('import-report');
  const stored = sessionStorage.getItem('letters.importReport');
  if (report && stored) {
    sessionStorage.removeItem('letters.importReport');
    const r = JSON.parse(stored);
    report.append(paragraph(`Imported: ${r.added} added, ${r.duplicates} duplicates, ${r.rejected} rejected.`));
    if (r.errors && r.errors.length) report.append(table('grid', ['Row', 'Field', 'Problem'], errorRows(r.errors)));
    if (r.duplicateRows && r.duplicateRows.length)
      report.append(table('grid import-duplicates', ['Row', 'Same signer as'], duplicateRows(r.duplicateRows, d => d.signer)));
    report.scrollIntoView({ block: 'center' });
  }

  // The appeal page follows the fan-out live: every 2 s the appeal is read again and the cells updated.
  const live = document.querySelector('[data-appeal-live]');
  if (live) {
    document.querySelector('meta[http-equiv=refresh]')?.remove();
    const timer = setInterval(async () => {
      try {
        const response = await fetch(live.dataset.appealLive, { headers: { Accept: 'application/json' } });
        if (!response.ok) return;
        const appeal = await response.json();
        updateAppeal(appeal);
        if (!appeal.counts.queued) clearInterval(timer);
      } catch { /* the next tick tries again */ }
    }, 2000);
  }

  function updateAppeal(appeal) {
    const c = appeal.counts;
    for (const [k, n] of Object.entries(c)) {
      const cell = document.querySelector(`[data-count="${k}"]`);
      if (cell) cell.textContent = String(n);
    }
    const total = appeal.recipients.length;
    const delivered = c.sent + c.acknowledged + c.responded + c.followUpDue + (c.autoAcknowledged || 0);
    const bar = document.querySelector('[data-progress]');
    if (bar && total) bar.setAttribute('width', String(Math.round(100 * delivered / total)));
    const label = document.querySelector('[data-progress-label]');
    if (label) label.textContent = `${delivered} of ${total} delivered`;
    for (const r of appeal.recipients) {
      const row = document.querySelector(`tr[data-target-id="${r.targetId}"]`);
      if (!row) continue;
      for (const f of ['status', 'reason', 'attempts', 'messageId']) {
        const cell = row.querySelector(`[data-field="${f}"]`);
        if (!cell) continue;
        const text = r[f] === null || r[f] === undefined ? '' : String(r[f]);
        const badge = cell.querySelector('.status');
        if (badge) { badge.textContent = text; badge.className = 'status status-' + text; }
        else cell.textContent = text;
      }
      row.dataset.status = r.status;
    }
  }
})();
