// Staff letter pages: forms and buttons post JSON to the same API endpoints scripts use, show the RFC 9457 field
// errors next to their fields, then navigate or reload. Data from the server is only ever set with textContent;
// the one exception is the Markdown preview, which the server already sanitized (LetterMarkdown).
(function () {
  'use strict';

  // proves to the server that a change comes from our own page (the staff cookie alone would not); see _Layout
  function antiforgeryToken() {
    const meta = document.querySelector('meta[name="request-verification-token"]');
    return meta ? meta.content : '';
  }

  async function send(url, body, isForm) {
    const init = { method: 'POST', headers: { Accept: 'application/json', RequestVerificationToken: antiforgeryToken() } };
    if (isForm) init.body = body;
    else { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body ?? {}); }
    const response = await fetch(url, init);
    let json = null;
    try { json = await response.json(); } catch { /* empty body */ }
    return { ok: response.ok, status: response.status, json };
  }

  function clearErrors(scope) {
    scope.querySelectorAll('[data-error-for]').forEach(e => { e.textContent = ''; });
  }

  // A problem's field errors next to their fields; anything without a place goes to the general error line.
  function showProblem(scope, problem, status) {
    clearErrors(scope);
    const general = scope.querySelector('[data-error-for=""]') || document.getElementById('page-error');
    const unplaced = [];
    if (problem && problem.errors) {
      for (const [field, messages] of Object.entries(problem.errors)) {
        const target = [...scope.querySelectorAll('[data-error-for]')].find(e => e.dataset.errorFor === field && e !== general);
        const text = (Array.isArray(messages) ? messages : [messages]).join(' ');
        if (target) target.textContent = text;
        else unplaced.push((field ? field + ' ' : '') + text);
      }
    }
    const summary = problem && !problem.errors ? (problem.detail || problem.title) : (unplaced.length ? unplaced.join('; ') : (problem && problem.title));
    if (general) general.textContent = summary || ('The request failed (' + status + ').');
    const first = scope.querySelector('[data-error-for]:not(:empty)');
    if (first) first.scrollIntoView({ block: 'center' });
  }

  // name="addressees[0].name" → { addressees: [ { name } ] }; data-type="int" → number; checkbox → boolean
  function collect(form) {
    const data = {};
    form.querySelectorAll('input[name], textarea[name], select[name]').forEach(el => {
      if (el.type === 'file') return;
      if (el.type === 'radio' && !el.checked) return;
      let value = el.type === 'checkbox' ? el.checked : el.value;
      if (el.dataset.type === 'int') value = value === '' ? null : parseInt(value, 10);
      // a date-time input holds the staff member's local wall time; the API takes an instant
      if (el.dataset.type === 'datetime') value = value === '' ? null : new Date(value).toISOString();
      const path = el.name.match(/[^.[\]]+/g);
      let node = data;
      path.forEach((key, i) => {
        const last = i === path.length - 1;
        const nextIsIndex = !last && /^\d+$/.test(path[i + 1]);
        if (last) node[key] = value;
        else node = node[key] ??= (nextIsIndex ? [] : {});
      });
    });
    return data;
  }

  // Rows whose inputs are all blank are dropped (keeping one), then renumbered so error paths match positions.
  function renumber(container) {
    const rows = [...container.querySelectorAll('[data-row]')];
    rows.forEach((row, index) => {
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
      const rows = [...container.querySelectorAll('[data-row]')];
      rows.forEach(row => {
        const blank = [...row.querySelectorAll('input, textarea')].every(i => i.value.trim() === '');
        if (blank && container.querySelectorAll('[data-row]').length > 1) row.remove();
      });
      renumber(container);
    });
  }

  function after(form, json) {
    const then = form.dataset.then;
    if (then === 'letter' && json && json.id) window.location.assign('/letters/' + json.id);
    else window.location.reload();
  }

  document.addEventListener('submit', async event => {
    const form = event.target;
    if (form.dataset.post) {
      event.preventDefault();
      dropBlankRows(form);
      const button = form.querySelector('button[type=submit]');
      if (button) button.disabled = true;
      try {
        const result = await send(form.dataset.post, collect(form));
        if (result.ok) after(form, result.json);
        else showProblem(form, result.json, result.status);
      } catch (e) {
        showProblem(form, { title: 'The server could not be reached. Try again.' }, 0);
      } finally {
        if (button) button.disabled = false;
      }
    } else if (form.dataset.import) {
      event.preventDefault();
      const file = form.querySelector('input[type=file]');
      if (!file.files.length) { showProblem(form, { title: 'Choose a CSV file first.' }, 0); return; }
      const body = new FormData();
      body.append('file', file.files[0]);
      const result = await send(form.dataset.import, body, true);
      if (!result.ok) { showProblem(form, result.json, result.status); return; }
      sessionStorage.setItem('letters.importReport', JSON.stringify(result.json));
      window.location.reload();
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
      const result = await send(button.dataset.post, button.dataset.body ? JSON.parse(button.dataset.body) : {});
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

  // The report of the import that caused this reload, built from text nodes only.
  const report = document.getElementById('import-report');
  const stored = sessionStorage.getItem('letters.importReport');
  if (report && stored) {
    sessionStorage.removeItem('letters.importReport');
    const r = JSON.parse(stored);
    const summary = document.createElement('p');
    summary.textContent = `Imported: ${r.added} added, ${r.duplicates} duplicates, ${r.rejected} rejected.`;
    report.append(summary);
    if (r.errors && r.errors.length) {
      const table = document.createElement('table');
      table.className = 'grid';
      const head = table.createTHead().insertRow();
      for (const h of ['Row', 'Field', 'Problem']) { const th = document.createElement('th'); th.textContent = h; head.append(th); }
      const body = table.createTBody();
      for (const e of r.errors) {
        const row = body.insertRow();
        for (const v of [e.row, e.field, e.message]) row.insertCell().textContent = String(v);
      }
      report.append(table);
    }
    report.scrollIntoView({ block: 'center' });
  }
})();
