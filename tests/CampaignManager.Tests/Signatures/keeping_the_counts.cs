using CampaignManager.Letters;
using CampaignManager.Signatures;
using CampaignManager.Tests.Targets;
using Npgsql;
using static CampaignManager.Tests.Hosting.LetterApi;

namespace CampaignManager.Tests.Signatures;

/// <summary>
/// The counts come from a tally kept by triggers, not from the signatures; whatever writes the signatures, the tally
/// must equal a recount of them, and the letter's counts must equal those built from every signature.
/// </summary>
[Collection(SignaturesCollection.Name)]
public class keeping_the_counts(AppFixture fixture) : IntegrationContext(fixture)
{
    // the tally's groups with a non-zero count, and the same groups counted from the signature rows
    private const string Tallied = """
        select letter_id, status, organization, signed_version, sum(n)::bigint from campaigns.signature_tally
        group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4
        """;
    private const string Recounted = """
        select letter_id, status, coalesce(sort_key < '1', false), signed_version, count(*) from campaigns.mt_doc_signature
        group by 1, 2, 3, 4 order by 1, 2, 3, 4
        """;

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
        return rows;
    }

    private async Task<SignatureCounts> TallyShouldEqualARecountAsync(Guid letter)
    {
        var recounted = await RowsAsync(Recounted);
        (await RowsAsync(Tallied)).ShouldBe(recounted);
        var counts = (await Host.LetterAsync(letter)).Counts;
        await using var session = Store.QuerySession();
        counts.ShouldBe((await LetterDetails.LoadWholeAsync(session, letter, CancellationToken.None))!.Counts);
        return counts;
    }

    private Task PostAsync(string url, object body) => Host.Scenario(x => x.Post.Json(body).ToUrl(url));

    [Fact]
    public async Task the_counts_equal_a_recount_after_every_kind_of_change_to_the_signatures()
    {
        var id = await Host.OpenDraftAsync();
        var hrw = await Host.SignAsync(id, Organization("Human Rights Watch"));
        var amnesty = await Host.SignAsync(id, Organization("Amnesty International"));
        await Host.SignAsync(id, Individual("Roberta Cohen", "Senior Fellow", "Brookings", forIdentificationOnly: true));
        await PostAsync($"/api/letters/{id}/signatures/{amnesty.Id}/withdraw", new { reason = "Board decision" });
        await PostAsync($"/api/letters/{id}/signatures/{hrw.Id}/withdraw", new { reason = "Changed its mind" });
        await Host.SignAsync(id, Organization("Human Rights Watch"), expected: 200); // renewed
        await TallyShouldEqualARecountAsync(id);

        await Host.ReviseAsync(id, new { body = "Stronger wording" });
        await Host.SignAsync(id, Individual("Jane Doe", null, "Example University"));
        await PostAsync($"/api/letters/{id}/signatures/{hrw.Id}/reconfirm", new { });
        var link = (await Host.LetterAsync(id)).PublicSignOnUrl!;
        await Host.SubmitAsync(link, ("Form.Kind", "organization"), ("Form.Name", "Freedom House"));
        await Host.SubmitAsync(link, ("Form.Kind", "organization"), ("Form.Name", "Totally Real NGO"));
        await Host.SubmitAsync(link, ("Form.Kind", "individual"), ("Form.Name", "John Roe"));
        var pending = (await Host.LetterAsync(id)).AwaitingApproval;
        await PostAsync($"/api/letters/{id}/signatures/{pending.Single(p => p.Name == "Freedom House").Id}/approve", new { });
        await PostAsync($"/api/letters/{id}/signatures/{pending.Single(p => p.Name == "Totally Real NGO").Id}/reject",
            new { reason = "Could not verify" });
        await Host.Scenario(x =>
        {
            x.PostBody($"/api/letters/{id}/signatures/import", "text/csv", Encoding.UTF8.GetBytes(
                "kind,name,title,affiliation,affiliation_for_identification_only,email\n" +
                "organization,Human Rights First,,,,\nindividual,A. Researcher,Fellow,,,\norganization,Amnesty International,,,,\n"));
            x.StatusCodeShouldBe(200);
        });

        var counts = await TallyShouldEqualARecountAsync(id);
        // the import renewed Amnesty at version 2; only Roberta Cohen still has version 1; John Roe awaits approval
        counts.ShouldBe(new SignatureCounts(Signatories: 7, Organizations: 4, Individuals: 3, NeedingReconfirmation: 1,
            Withdrawn: 0, AwaitingApproval: 1));
    }

    [Fact]
    public async Task two_hundred_signers_and_withdrawals_at_once_are_all_counted()
    {
        var id = await Host.OpenDraftAsync();
        var early = new List<Guid>();
        for (var i = 0; i < 20; i++) early.Add((await Host.SignAsync(id, Organization($"Early Org {i:00}"))).Id);

        var signers = Enumerable.Range(1, 200).Select(i => Host.Scenario(x =>
        {
            x.Post.Json(i % 3 == 0 ? Organization($"Org {i:000}") : Individual($"Signer {i:000} Person", null, null))
                .ToUrl($"/api/letters/{id}/signatures");
            x.StatusCodeShouldBe(201);
        }));
        var withdrawals = early.Select(s => PostAsync($"/api/letters/{id}/signatures/{s}/withdraw", new { }));
        await Task.WhenAll(signers.Concat(withdrawals));

        var counts = await TallyShouldEqualARecountAsync(id);
        (counts.Signatories, counts.Organizations, counts.Withdrawn).ShouldBe((200, 66, 20));
    }

    [Fact]
    public async Task rebuilding_the_signatures_from_their_events_leaves_the_counts_equal_to_a_recount()
    {
        var id = await Host.OpenDraftAsync();
        var withdrawn = await Host.SignAsync(id, Organization("Human Rights Watch"));
        await Host.SignAsync(id, Individual("Roberta Cohen", null, null));
        await PostAsync($"/api/letters/{id}/signatures/{withdrawn.Id}/withdraw", new { });
        var before = await TallyShouldEqualARecountAsync(id);

        using (var daemon = await Store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync("Signature", CancellationToken.None);

        (await TallyShouldEqualARecountAsync(id)).ShouldBe(before);
    }

    [Fact]
    public async Task applying_the_schema_to_a_database_that_predates_the_tally_counts_the_signatures_it_already_has()
    {
        var id = await Host.OpenDraftAsync();
        await Host.SignAsync(id, Organization("Human Rights Watch"));
        await RowsAsync("""
            drop trigger signature_tally_rows on campaigns.mt_doc_signature;
            drop trigger signature_tally_truncate on campaigns.mt_doc_signature;
            drop table campaigns.signature_tally;
            """);
        await Host.SignAsync(id, Individual("Roberta Cohen", null, null));

        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        (await TallyShouldEqualARecountAsync(id)).Signatories.ShouldBe(2);
    }
}
