using CampaignManager.Signatures;
using CampaignManager.Tests.Targets;
using static CampaignManager.Tests.Hosting.LetterApi;

namespace CampaignManager.Tests.Signatures;

/// <summary>The block as PostgreSQL pages it and as the letter prints it: accents set aside, family names as given.</summary>
[Collection(SignaturesCollection.Name)]
public class filing_names_in_the_block(AppFixture fixture) : IntegrationContext(fixture)
{
    private static object Person(string name, string? familyName) => new { kind = "individual", name, familyName };

    [Fact]
    public async Task accented_names_and_given_family_names_file_where_readers_look_for_them_on_every_page()
    {
        var id = await Host.OpenDraftAsync();
        foreach (var name in (string[])["Zeta Watch", "Ñandutí", "Ärzte ohne Grenzen", "Amnesty International", "Nonviolent Peaceforce"])
            await Host.SignAsync(id, Organization(name));
        await Host.SignAsync(id, Person("Tomás Ojea Quintana", "Ojea Quintana"));
        await Host.SignAsync(id, Person("Gabriel García Márquez", "García Márquez"));
        await Host.SignAsync(id, Person("Ban Ki-moon", "Ban"));
        await Host.SignAsync(id, Person("Roberta Cohen", null));
        await Host.SignAsync(id, Person("Michael Kirby", null));

        string[] expected = ["Amnesty International", "Ärzte ohne Grenzen", "Ñandutí", "Nonviolent Peaceforce", "Zeta Watch",
            "Ban Ki-moon", "Roberta Cohen", "Gabriel García Márquez", "Michael Kirby", "Tomás Ojea Quintana"];
        (await Host.BlockAsync(id, limit: 3)).Select(s => s.Name).ShouldBe(expected);
        (await Host.LetterAsync(id, "?asOf=" + Uri.EscapeDataString(Fixture.Clock.GetUtcNow().ToString("O"))))
            .Signatories.Select(s => s.Name).ShouldBe(expected, "the in-memory block orders as PostgreSQL does");
        (await Host.LetterAsync(id)).Signatories.Single(s => s.Name == "Ban Ki-moon").FamilyName.ShouldBe("Ban");
    }

    private static readonly string[] Names = ["Zeta Watch", "Ñandutí", "Amnesty International", "Nonviolent Peaceforce"];

    private async Task<Guid> SpanishLetterAsync()
    {
        var drafted = await Host.Scenario(x =>
        {
            x.Post.Json(new { title = "Carta", subject = "Derechos humanos", body = "Estimado Secretario:", closing = "Atentamente,", language = "es" })
                .ToUrl("/api/letters");
            x.StatusCodeShouldBe(201);
        });
        var id = drafted.ReadAsJson<Created>()!.Id;
        await Host.LifecycleAsync(id, "open");
        return id;
    }

    [Fact]
    public async Task a_spanish_letter_files_its_block_by_spanish_collation_and_an_english_one_by_the_root()
    {
        var (spanish, english) = (await SpanishLetterAsync(), await Host.OpenDraftAsync());
        foreach (var name in Names)
        {
            await Host.SignAsync(spanish, Organization(name));
            await Host.SignAsync(english, Organization(name));
        }

        // Spanish has ñ as a letter of its own, after n; English and ICU's root file it with n
        (await Host.BlockAsync(spanish)).Select(s => s.Name).ShouldBe(["Amnesty International", "Nonviolent Peaceforce", "Ñandutí", "Zeta Watch"]);
        (await Host.BlockAsync(english)).Select(s => s.Name).ShouldBe(["Amnesty International", "Ñandutí", "Nonviolent Peaceforce", "Zeta Watch"]);
        (await Host.LetterAsync(spanish, "?asOf=" + Uri.EscapeDataString(Fixture.Clock.GetUtcNow().ToString("O"))))
            .Signatories.Select(s => s.Name).ShouldBe(["Amnesty International", "Nonviolent Peaceforce", "Ñandutí", "Zeta Watch"],
                "the block folded from the events orders as the stored one");
    }

    [Fact]
    public async Task a_letter_drafted_before_collations_per_language_keeps_the_root_order_its_stored_keys_have()
    {
        var id = Guid.NewGuid();
        await using (var session = Store.LightweightSession())
        {
            // as drafted by the previous version: a language, no collation
            session.Events.StartStream<global::CampaignManager.Letters.Letter>(id, new global::CampaignManager.Letters.LetterDrafted(
                id, "Carta", "Derechos humanos", "Estimado Secretario:", "Atentamente,", [], "staff", Fixture.Clock.GetUtcNow(), Language: "es"));
            await session.SaveChangesAsync();
        }
        await Host.LifecycleAsync(id, "open");
        foreach (var name in Names) await Host.SignAsync(id, Organization(name));

        (await Host.BlockAsync(id)).Select(s => s.Name).ShouldBe(["Amnesty International", "Ñandutí", "Nonviolent Peaceforce", "Zeta Watch"]);
    }

    [Fact]
    public async Task a_family_name_that_is_not_part_of_the_name_is_a_400_naming_the_field()
    {
        var id = await Host.OpenDraftAsync();
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(Person("Ban Ki-moon", "Annan")).ToUrl($"/api/letters/{id}/signatures");
            x.StatusCodeShouldBe(400);
        });
        (await result.ReadAsTextAsync()).ShouldContain("\"familyName\"");
    }

    [Fact]
    public async Task an_import_and_the_public_page_take_the_family_name_too()
    {
        var id = await Host.OpenDraftAsync();
        var report = (await Host.Scenario(x => x.PostBody($"/api/letters/{id}/signatures/import", "text/csv", Encoding.UTF8.GetBytes(
            "kind,name,family_name\nindividual,Tomás Ojea Quintana,Ojea Quintana\nindividual,Roberta Cohen,\nindividual,Ban Ki-moon,Annan\n"))))
            .ReadAsJson<SignatureImportReport>()!;
        report.Errors.ShouldHaveSingleItem().ShouldBe(new SignatureImportError(4, "familyName", report.Errors[0].Message));
        var link = (await Host.LetterAsync(id)).PublicSignOnUrl!;
        await Host.SubmitAsync(link, ("Form.Kind", "individual"), ("Form.Name", "Ban Ki-moon"), ("Form.FamilyName", "Ban"));
        var pending = (await Host.LetterAsync(id)).AwaitingApproval.Single();
        await Host.Scenario(x => x.Post.Json(new { }).ToUrl($"/api/letters/{id}/signatures/{pending.Id}/approve"));

        (await Host.BlockAsync(id)).Select(s => s.Name).ShouldBe(["Ban Ki-moon", "Roberta Cohen", "Tomás Ojea Quintana"]);
    }

    [Fact]
    public async Task signatures_keyed_in_the_earlier_format_are_refiled_at_start_up()
    {
        var id = await Host.OpenDraftAsync();
        var signed = new[] { await Host.SignAsync(id, Organization("Ärzte ohne Grenzen")), await Host.SignAsync(id, Organization("Bread for the World")) };
        await using (var session = Store.LightweightSession())
        {
            foreach (var s in signed)
                session.QueueSqlCommand($"update {Store.Options.DatabaseSchemaName}.mt_doc_signature " +
                    "set sort_key = ?, data = jsonb_set(data, '{sortKey}', to_jsonb(?::text)) where id = ?", EarlierKey(s.Name), EarlierKey(s.Name), s.Id);
            await session.SaveChangesAsync();
        }
        (await Host.BlockAsync(id)).Select(s => s.Name).ShouldBe(["Bread for the World", "Ärzte ohne Grenzen"]);

        await new SignatureSortKeysBackfill().Populate(Store, CancellationToken.None);

        (await Host.BlockAsync(id)).Select(s => s.Name).ShouldBe(["Ärzte ohne Grenzen", "Bread for the World"]);
    }

    [Fact]
    public async Task a_returning_signer_keyed_under_invariant_globalization_is_found_again_after_the_upgrade()
    {
        var id = await Host.OpenDraftAsync();
        var first = await Host.SignAsync(id, Organization("Médecins Sans Frontières"));
        // what versions before issue #18 stored: name keys with their accents, and a sort key of the earlier format
        var schema = Store.Options.DatabaseSchemaName;
        var folded = $"{id:N}|organization|medecins sans frontieres|";
        await using (var session = Store.LightweightSession())
        {
            session.QueueSqlCommand($"update {schema}.mt_doc_signerkey set id = ?, data = jsonb_set(data, '{{id}}', to_jsonb(?::text)) where id = ?",
                $"{id:N}|organization|médecins sans frontières|", $"{id:N}|organization|médecins sans frontières|", folded);
            session.QueueSqlCommand($"update {schema}.mt_doc_signature set sort_key = ?, data = jsonb_set(data, '{{sortKey}}', to_jsonb(?::text)) where id = ?",
                EarlierKey(first.Name), EarlierKey(first.Name), first.Id);
            await session.SaveChangesAsync();
        }
        (await Store.QuerySession().LoadAsync<SignerKey>(folded)).ShouldBeNull();

        await new SignatureSortKeysBackfill().Populate(Store, CancellationToken.None);

        (await Store.QuerySession().LoadAsync<SignerKey>(folded)).ShouldNotBeNull().SignatureId.ShouldBe(first.Id);
        var again = await Host.SignAsync(id, Organization("Medecins Sans Frontieres"), expected: 200);
        again.Id.ShouldBe(first.Id, "the same signer, typed without its accents, is the signature on file");
        (await Host.LetterAsync(id)).Signatories.ShouldHaveSingleItem();
    }

    /// <summary>An organization's key as the earlier format wrote it: the kind, then upper-case units with accents kept.</summary>
    private static string EarlierKey(string name) =>
        "0" + string.Concat(new[] { name, name }.Select(part => string.Concat(part.ToUpperInvariant().Select(c => ((int)c).ToString("x4"))) + "0000"));
}
