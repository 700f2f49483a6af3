using System.Reflection;
using CampaignManager.Tests.Deploy;

namespace CampaignManager.Tests.Hosting;

/// <summary>
/// The capability folders may use each other only one way round: a cycle means neither can be read, changed or
/// tested without the other. Dependencies are read twice: from the source (every <c>using</c> and fully qualified
/// name, in .cs and .cshtml files, so method bodies and views count) and from the compiled types (fields, properties,
/// signatures and base types, including the compiler's closures and async state machines, which also catches a
/// namespace written relative to the current one). Hosting and Seeding compose the capabilities and are left out.
/// </summary>
public partial class capabilities_depend_one_way
{
    private static readonly string[] Capabilities =
        ["Appeals", "Campaigns", "Coalitions", "Letters", "Organizations", "Outcomes", "Partners", "Signatures", "Staff", "Targets"];

    /// <summary>
    /// Cycles known and not yet broken, each to be removed from this list by the change that breaks it. None is left;
    /// break a new one rather than list it (a message or an interface the other side owns, or a read moved to it).
    /// </summary>
    private static readonly (string, string)[] KnownCycles = [];

    [Fact]
    public void no_two_capabilities_depend_on_each_other_except_the_known_cycles()
    {
        var edges = SourceEdges().Concat(CompiledEdges()).Distinct().ToList();
        var cycles = Cycles(edges.Where(e => !Known(e.From, e.To)).ToList());

        cycles.ShouldBeEmpty("capability dependency cycles (first file or type that makes each edge):\n" + string.Join("\n",
            cycles.Select(c => string.Join(" → ", c) + "\n" + string.Join("\n", Witnesses(edges, c)))));
    }

    [Fact]
    public void the_scan_sees_a_known_dependency_in_each_direction_it_reads()
    {
        // guards the guard: if the scans stopped finding anything, the test above would pass on nothing
        SourceEdges().ShouldContain(e => e.From == "Appeals" && e.To == "Targets" && e.Where.EndsWith("SendAppeal.cs"));
        CompiledEdges().ShouldContain(e => e.From == "Signatures" && e.To == "Letters");
        CompiledEdges().ShouldContain(e => e.From == "Campaigns" && e.To == "Letters" && e.Where.StartsWith("AspNetCoreGeneratedDocument."),
            "a view counts for its folder");
    }

    [Fact]
    public void a_known_cycle_that_is_gone_is_taken_off_the_list()
    {
        var edges = SourceEdges().Concat(CompiledEdges()).ToList();
        foreach (var (a, b) in KnownCycles)
            (edges.Any(e => e.From == a && e.To == b) && edges.Any(e => e.From == b && e.To == a))
                .ShouldBeTrue($"{a} ↔ {b} is no longer a cycle: remove it from KnownCycles");
    }

    private record Edge(string From, string To, string Where);

    private static bool Known(string from, string to) =>
        KnownCycles.Any(k => (k.Item1 == from && k.Item2 == to) || (k.Item1 == to && k.Item2 == from));

    private static IEnumerable<Edge> SourceEdges()
    {
        var src = DeployFiles.PathOf("src/CampaignManager");
        foreach (var capability in Capabilities)
        foreach (var file in Directory.EnumerateFiles(Path.Combine(src, capability), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs") || f.EndsWith(".cshtml")))
        foreach (Match m in Reference().Matches(File.ReadAllText(file)))
            if (m.Groups[1].Value != capability)
                yield return new Edge(capability, m.Groups[1].Value, Path.GetRelativePath(src, file));
    }

    private static IEnumerable<Edge> CompiledEdges()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static |
                                 BindingFlags.DeclaredOnly;
        foreach (var type in typeof(CampaignManager.Hosting.EventFold<>).Assembly.GetTypes())
        {
            if (CapabilityOf(type) is not { } from) continue;
            var used = new List<Type>();
            if (type.BaseType is { } b) used.Add(b);
            used.AddRange(type.GetInterfaces());
            used.AddRange(type.GetFields(all).Select(f => f.FieldType));
            used.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                if (method is MethodInfo mi) used.Add(mi.ReturnType);
                used.AddRange(method.GetParameters().Select(p => p.ParameterType));
            }
            foreach (var to in used.SelectMany(Flatten).Select(CapabilityOf).OfType<string>().Where(to => to != from).Distinct())
                yield return new Edge(from, to, type.FullName ?? type.Name);
        }
    }

    private static IEnumerable<Type> Flatten(Type t)
    {
        if (t.HasElementType) return Flatten(t.GetElementType()!);
        return t.IsGenericType ? t.GetGenericArguments().SelectMany(Flatten).Prepend(t) : [t];
    }

    private static string? CapabilityOf(Type t)
    {
        // a compiled view is named after its path ("Targets_TargetPage"): it belongs to its folder, and its model,
        // injected services and the locals its async body keeps show what it uses, _ViewImports' usings included
        if (t.Namespace == "AspNetCoreGeneratedDocument")
            return (t.DeclaringType ?? t).Name.Split('_')[0] is var folder && Capabilities.Contains(folder) ? folder : null;
        var parts = (t.Namespace ?? "").Split('.');
        return parts.Length >= 2 && parts[0] == "CampaignManager" && Capabilities.Contains(parts[1]) ? parts[1] : null;
    }

    /// <summary>Every cycle as the strongly connected groups of more than one capability (Tarjan).</summary>
    private static List<List<string>> Cycles(IReadOnlyList<Edge> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Distinct().ToList());
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var found = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in next.GetValueOrDefault(v, []))
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (stack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var group = new List<string>();
            string x;
            do { x = stack.Pop(); group.Add(x); } while (x != v);
            if (group.Count > 1) found.Add(group.Order().ToList());
        }
        foreach (var c in Capabilities.Where(c => !index.ContainsKey(c))) Visit(c);
        return found;
    }

    private static IEnumerable<string> Witnesses(IEnumerable<Edge> edges, List<string> cycle) =>
        edges.Where(e => cycle.Contains(e.From) && cycle.Contains(e.To) && !Known(e.From, e.To))
            .GroupBy(e => (e.From, e.To)).Select(g => $"  {g.Key.From} → {g.Key.To}: {g.First().Where}");

    [GeneratedRegex(@"\bCampaignManager\.(Appeals|Campaigns|Coalitions|Letters|Outcomes|Signatures|Staff|Targets)\b")]
    private static partial Regex Reference();
}
