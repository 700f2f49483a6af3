using CampaignManager.Campaigns;
using CampaignManager.Coalitions;
using CampaignManager.Letters;
using CampaignManager.Organizations;
using CampaignManager.Signatures;
using Marten;

namespace CampaignManager.Benchmarks.Scenarios;

/// <summary>
/// Appends exactly <c>events</c> real domain events through the app's own store (so its inline projections run as in
/// production): organizations, some with aliases; campaigns; letters drafted, revised, opened and attached to one or two
/// campaigns; then signatures until the count is reached. Each campaign draws its signers from its own pool of
/// organizations and the pools overlap, so organizations co-sign across campaigns; a few letters gather most signatures;
/// about 5% are withdrawn and a fifth of those renewed. Seeded, so every run generates the same store.
/// </summary>
public static class RebuildStore
{
    private const int Parallelism = 4;
    private const int PerSession = 2_000; // events per SaveChanges: big enough to amortize the round trip
    private static readonly DateTimeOffset T0 = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    public static async Task GenerateAsync(IDocumentStore store, int events, TextWriter log, CancellationToken token)
    {
        var random = new Random(11);
        var organizations = Enumerable.Range(0, Math.Max(20, events / 2_000)).Select(_ => Guid.CreateVersion7()).ToArray();
        var campaigns = Enumerable.Range(0, Math.Max(3, events / 10_000)).Select(_ => Guid.CreateVersion7()).ToArray();
        var letters = Enumerable.Range(0, Math.Max(10, events / 400)).Select(_ => Guid.CreateVersion7()).ToArray();
        var used = 0;

        await using (var session = store.LightweightSession())
        {
            for (var i = 0; i < organizations.Length; i++)
            {
                session.Events.StartStream<Organization>(organizations[i],
                    new OrganizationRegistered(organizations[i], $"Organization {i}", i % 3 == 0 ? [$"ORG{i}"] : [], "bench", T0));
                used++;
                if (i % 5 != 0) continue;
                session.Events.Append(organizations[i], new OrganizationAliasAdded(organizations[i], $"Org No. {i}", "bench", T0));
                used++;
            }
            foreach (var (c, i) in campaigns.Select((c, i) => (c, i)))
                session.Events.StartStream<Campaign>(c, new CampaignLaunched(c, $"Campaign {i}", "goal", "venue", null, "bench", T0));
            used += campaigns.Length;
            await session.SaveChangesAsync(token);
        }

        var campaignOf = letters.Select(_ => random.Next(campaigns.Length)).ToArray();
        await using (var session = store.LightweightSession())
        {
            foreach (var (l, i) in letters.Select((l, i) => (l, i)))
            {
                var at = T0.AddHours(i);
                var stream = new List<object> { new LetterDrafted(l, $"Letter {i}", "subject", "body", "closing", [], "bench", at) };
                if (i % 2 == 0)
                    stream.Add(new LetterRevised(l, 2, $"Letter {i}, revised", "subject", "body, revised", "closing", [], ["title", "body"], null,
                        "bench", at.AddMinutes(5)));
                stream.Add(new LetterOpenedForSignatures(l, null, "bench", at.AddMinutes(10), $"token{i}"));
                session.Events.StartStream<Letter>(l, stream.ToArray());
                used += stream.Count;
            }
            foreach (var group in letters.Select((l, i) => (l, i)).GroupBy(x => campaignOf[x.i]))
            {
                // a tenth of the letters also serve the next campaign
                var attached = group.Select(x => new LetterAttachedToCampaign(campaigns[group.Key], x.l, "bench", T0)).ToList();
                session.Events.Append(campaigns[group.Key], attached.ToArray());
                used += attached.Count;
            }
            foreach (var (l, i) in letters.Select((l, i) => (l, i)).Where(x => x.i % 10 == 0))
            {
                session.Events.Append(campaigns[(campaignOf[i] + 1) % campaigns.Length], new LetterAttachedToCampaign(campaigns[(campaignOf[i] + 1) % campaigns.Length], l, "bench", T0));
                used++;
            }
            await session.SaveChangesAsync(token);
        }

        // each campaign's pool: a window of organizations that overlaps its neighbours'
        var pools = campaigns.Select((_, c) => Enumerable.Range(c * organizations.Length / campaigns.Length, 40)
            .Select(o => o % organizations.Length).ToArray()).ToArray();
        var remaining = events - used;
        var sessions = (remaining + PerSession - 1) / PerSession;
        var done = 0;
        // each session's signatures come from their own seed: generated in parallel, never all held in memory
        await Parallel.ForEachAsync(Enumerable.Range(0, sessions), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = token },
            async (s, ct) =>
            {
                // Sessions of 2,000 signatures that share letters take those letters' tally rows in no common order and
                // deadlock, so sessions running side by side sign disjoint quarters of the letters (s % Parallelism); a
                // straggler can still meet its successor, and PostgreSQL's victim rolled back whole and is made again.
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await AppendSignaturesAsync(store, s, remaining, letters, campaignOf, pools, organizations.Length, ct);
                        break;
                    }
                    catch (Exception e) when (attempt < 10 && CampaignManager.Hosting.DatabaseOutage.IsUnavailable(e)) { }
                }
                if (Interlocked.Increment(ref done) % 50 == 0) log.WriteLine($"  {done * PerSession:N0} signature events appended");
            });
    }

    private static async Task AppendSignaturesAsync(IDocumentStore store, int s, int remaining, Guid[] letters, int[] campaignOf,
        int[][] pools, int organizations, CancellationToken ct)
    {
        var random = new Random(1_000 + s);
        await using var session = store.LightweightSession();
        for (var (n, left) = (s * PerSession, Math.Min(PerSession, remaining - s * PerSession)); left > 0; n++)
        {
            var stream = Signing(random, n, s % Parallelism, letters, campaignOf, pools, organizations);
            if (stream.Count > left) stream.RemoveRange(left, stream.Count - left);
            session.Events.StartStream<Signature>(((SignatureAdded)stream[0]).SignatureId, stream.ToArray());
            left -= stream.Count;
        }
        await session.SaveChangesAsync(ct);
    }

    private static List<object> Signing(Random random, int n, int quarter, Guid[] letters, int[] campaignOf, int[][] pools,
        int organizations)
    {
        var hot = (int)(letters.Length * Math.Pow(random.NextDouble(), 3)); // a few letters catch fire
        var letterIndex = Math.Min(hot - hot % Parallelism + quarter, letters.Length - 1);
        var letter = letters[letterIndex];
        var pool = pools[campaignOf[letterIndex]];
        var org = pool[random.Next(pool.Length)] % organizations;
        var orgName = random.Next(10) switch
        {
            0 => $"ORG{org}", 1 => $"organization {org}.", 2 => $"Unregistered Group {org % 97}", _ => $"Organization {org}"
        };
        var id = Guid.CreateVersion7();
        var at = T0.AddDays(30).AddSeconds(n);
        var added = random.Next(3) == 0
            ? new SignatureAdded(id, letter, SignatoryKind.Organization, orgName, null, null, false, null, 1, "bench", at)
            : new SignatureAdded(id, letter, SignatoryKind.Individual, $"Person {n}", "Director", random.Next(5) < 3 ? orgName : null,
                random.Next(2) == 0, $"person{n}@example.org", 1, "web", at, SignatureSource.Public);
        var stream = new List<object> { added };
        if (random.Next(20) != 0) return stream;
        stream.Add(new SignatureWithdrawn(id, letter, "changed mind", "web", at.AddDays(1)));
        if (random.Next(5) == 0) stream.Add(new SignatureRenewed(id, letter, 1, "web", at.AddDays(2)));
        return stream;
    }
}
