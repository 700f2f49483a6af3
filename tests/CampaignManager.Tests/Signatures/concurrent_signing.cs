using CampaignManager.Signatures;

namespace CampaignManager.Tests.Signatures;

/// <summary>Correctness under load, not timing: many signers at once on one open letter.</summary>
[Collection(SignaturesCollection.Name)]
public class concurrent_signing(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_thousand_distinct_signers_at_once_are_all_recorded_exactly_once()
    {
        var id = await Host.OpenDraftAsync();

        var calls = Enumerable.Range(1, 1000).Select(i => Host.Scenario(x =>
        {
            x.Post.Json(LetterApi.Individual($"Signer {i:0000} Person", null, $"Org {i % 37}", email: $"signer{i}@example.org"))
                .ToUrl($"/api/letters/{id}/signatures");
            x.IgnoreStatusCode();
        }));
        var codes = (await Task.WhenAll(calls)).Select(r => r.Context.Response.StatusCode).ToList();

        var tally = string.Join(", ", codes.CountBy(c => c).Select(p => $"{p.Key}: {p.Value}"));
        codes.Count(c => c == 201).ShouldBe(1000, tally);
        (await Host.LetterAsync(id)).Counts.Signatories.ShouldBe(1000);
        (await Host.BlockAsync(id, limit: 500)).Select(s => s.Email).Distinct().Count().ShouldBe(1000);
        await using var session = Store.QuerySession();
        (await session.Query<Signature>().CountAsync(x => x.LetterId == id)).ShouldBe(1000);
    }

    [Fact]
    public async Task fifty_repeats_of_one_signer_at_once_record_one_signature()
    {
        var id = await Host.OpenDraftAsync();

        var calls = Enumerable.Range(1, 50).Select(_ => Host.Scenario(x =>
        {
            x.Post.Json(LetterApi.Organization("Human Rights Watch", email: "hrw@example.org")).ToUrl($"/api/letters/{id}/signatures");
            x.IgnoreStatusCode();
        }));
        var results = await Task.WhenAll(calls);
        var codes = results.Select(r => r.Context.Response.StatusCode).ToList();

        var tally = string.Join(", ", codes.CountBy(c => c).Select(p => $"{p.Key}: {p.Value}"));
        codes.Count(c => c == 201).ShouldBe(1, tally);
        codes.Count(c => c == 200).ShouldBe(49, tally);
        results.Select(r => r.ReadAsJson<SignatoryView>()!.Id).Distinct().Count().ShouldBe(1);
        (await Host.LetterAsync(id)).Signatories.Count.ShouldBe(1);
    }
}
