namespace CampaignManager.Tests.Browser;

/// <summary>
/// What a loaded page must not contain, read from the live DOM: the pages are visited with the Content-Security-Policy
/// bypassed, and injected markup that the policy would merely stop from running is still a hole, so the test looks
/// for the markup itself, not only for its effects (a dialog, a request to another host).
/// </summary>
public static class XssPageChecks
{
    // The app's own pages have no inline script, handler attribute, style attribute, image, frame or foreign load
    // (the policy forbids them), so any of these is a payload that became markup.
    private const string FindInjected = """
        () => {
          const found = [];
          const foreign = u => { try { return new URL(u, location.href).origin !== location.origin; } catch { return true; } };
          for (const s of document.scripts) if (!s.src || foreign(s.src)) found.push('script ' + s.outerHTML.slice(0, 80));
          for (const el of document.querySelectorAll('*')) {
            const tag = el.localName;
            if (['iframe', 'frame', 'object', 'embed', 'base', 'img', 'style', 'math'].includes(tag)) found.push('<' + tag + '>');
            if (tag === 'meta' && el.httpEquiv) found.push('<meta http-equiv=' + el.httpEquiv + '>');
            for (const a of el.attributes) {
              const n = a.name.toLowerCase(), v = a.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
              if (n.startsWith('on') || n === 'style' || n === 'srcdoc') found.push(n + ' on <' + tag + '>');
              if (/^(javascript|data|vbscript):/.test(v) && ['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster'].includes(n))
                found.push(n + '=' + a.value + ' on <' + tag + '>');
              if ((['src', 'data', 'poster', 'background'].includes(n) || (n.endsWith('href') && tag !== 'a')) && foreign(a.value))
                found.push('<' + tag + '> loads ' + a.value);
            }
          }
          return found;
        }
        """;

    /// <summary>Opens <paramref name="path"/> and checks it (see <see cref="CheckAsync"/>).</summary>
    public static async Task VisitAsync(BrowserPage tab, string path, IEnumerable<string> shown, List<string> failures)
    {
        var response = await tab.GoToAsync(path);
        if (response.Status != 200) failures.Add($"{path}: answered {response.Status}");
        await CheckAsync(tab, path, shown, failures);
    }

    /// <summary>
    /// Records what the page contains that a payload made, and which of <paramref name="shown"/> it does not show as
    /// text: a page that dropped the payloads (or failed to render) would pass the other checks vacuously.
    /// </summary>
    public static async Task CheckAsync(BrowserPage tab, string what, IEnumerable<string> shown, List<string> failures)
    {
        // autofocus, ontoggle and onerror fire just after load: give them a turn to open a dialog before moving on
        await tab.Page.WaitForTimeoutAsync(150);
        var injected = await tab.Page.EvaluateAsync<string[]>(FindInjected);
        failures.AddRange(injected.Select(i => $"{what}: {i}"));
        var text = await tab.Page.InnerTextAsync("body");
        failures.AddRange(shown.Where(p => !text.Contains(p, StringComparison.Ordinal)).Select(p => $"{what}: does not show {p} as text"));
    }
}
