using System.Net.Http.Headers;
using CampaignManager.Signatures;
using CampaignManager.Tests.Letters;
using CampaignManager.Tests.Targets;

namespace CampaignManager.Tests.Signatures;

[Collection(LettersUiCollection.Name)]
public class importing_signatures(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Header = "kind,name,title,affiliation,affiliation_for_identification_only,email\n";

    private async Task<Alba.IScenarioResult> ImportAsync(Guid letterId, string csv, int expected = 200) =>
        await Scenario(x =>
        {
            x.PostBody($"/api/letters/{letterId}/signatures/import", "text/csv", Encoding.UTF8.GetBytes(csv));
            x.StatusCodeShouldBe(expected);
        });

    [Fact]
    public async Task good_rows_are_signed_and_bad_rows_are_reported_by_row_and_field()
    {
        var id = await Host.OpenDraftAsync();
        var result = await ImportAsync(id, Header +
            "organization,Human Rights Watch,,,,hrw@example.org\n" +
            "individual,Jane Doe,Professor,Example University,true,jane@example.org\n" +
            "robot,Beep,,,,\n" +
            "organization,Amnesty International,,Some University,,\n" +
            "individual,,,,,\n" +
            "individual,John Roe,,,,not-an-email\n");

        var report = result.ReadAsJson<SignatureImportReport>()!;
        (report.Added, report.Duplicates, report.Rejected).ShouldBe((2, 0, 4));
        report.Errors.Where(e => e.Row == 4).ShouldHaveSingleItem().ShouldBe(
            new SignatureImportError(4, "kind", "must be \"organization\" or \"individual\""));
        report.Errors.ShouldContain(e => e.Row == 5 && e.Field == "affiliation");
        report.Errors.ShouldContain(e => e.Row == 6 && e.Field == "name");
        report.Errors.ShouldContain(e => e.Row == 7 && e.Field == "email");

        var letter = await Host.LetterAsync(id);
        letter.Signatories.Select(s => s.PrintedLine).ShouldBe(["Human Rights Watch", "Jane Doe, Professor, Example University*"]);
    }

    [Fact]
    public async Task a_signer_already_on_the_letter_or_twice_in_the_file_is_counted_as_a_duplicate()
    {
        var id = await Host.OpenDraftAsync();
        await Host.SignAsync(id, LetterApi.Organization("Human Rights Watch"));

        var report = (await ImportAsync(id, Header +
            "organization,human rights watch.,,,,\n" +
            "organization,CIVICUS,,,,info@civicus.org\n" +
            "organization,CIVICUS Alliance,,,,INFO@civicus.org\n")).ReadAsJson<SignatureImportReport>()!;

        (report.Added, report.Duplicates, report.Rejected).ShouldBe((1, 2, 0));
        var (hrw, civicus) = ((await Host.LetterAsync(id)).Signatories[1], (await Host.LetterAsync(id)).Signatories[0]);
        report.DuplicateRows!.ShouldBe([
            new SignatureImportDuplicate(2, hrw.Id, "Human Rights Watch", null),
            new SignatureImportDuplicate(4, civicus.Id, "CIVICUS", 3)
        ]);
        (await Host.LetterAsync(id)).Signatories.Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_file_with_a_foreign_header_or_binary_content_is_refused_and_nothing_is_written()
    {
        var id = await Host.OpenDraftAsync();
        (await ImportAsync(id, "name,email\nHuman Rights Watch,hrw@example.org\n", 400)).ReadAsText().ShouldContain("header");
        await Scenario(x =>
        {
            x.PostBody($"/api/letters/{id}/signatures/import", "text/csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF]);
            x.StatusCodeShouldBe(400);
        });

        var letter = await Host.LetterAsync(id);
        (letter.Signatories.Count + letter.AwaitingApproval.Count).ShouldBe(0);
    }

    [Fact]
    public async Task a_letter_that_is_not_open_takes_no_import()
    {
        var id = await Host.DraftAsync();
        (await ImportAsync(id, Header + "organization,CIVICUS,,,,\n", 409)).ReadAsText().ShouldContain("draft");
        await ImportAsync(Guid.NewGuid(), Header + "organization,CIVICUS,,,,\n", 404);
    }

    [Fact]
    public async Task a_file_sent_from_a_form_is_imported_too()
    {
        var id = await Host.OpenDraftAsync();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Header + "organization,CIVICUS,,,,\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "signatures.csv");
        var bytes = await form.ReadAsByteArrayAsync();

        var result = await Scenario(x =>
        {
            x.PostBody($"/api/letters/{id}/signatures/import", form.Headers.ContentType!.ToString(), bytes);
            x.StatusCodeShouldBe(200);
        });
        result.ReadAsJson<SignatureImportReport>()!.Added.ShouldBe(1);
    }

    [Fact]
    public async Task an_export_of_people_from_another_tool_imports_without_editing_and_reports_the_columns_it_ignored()
    {
        var id = await Host.OpenDraftAsync();
        // shaped like an Action Network activist export: names in parts, email, a ZIP code and the can2_ fields
        var export = "uuid,first_name,last_name,email,zip_code,can2_country,can2_phone,can2_user_tags,Organization,Title\n" +
                     "a1,Tomás,Ojea Quintana,tomas@example.org,,AR,,,Example University,Professor\n" +
                     "a2,Roberta,Cohen,roberta@example.org,20036,US,555-0100,board,,\n" +
                     "a3,,,nobody@example.org,,,,,,\n";

        var report = (await ImportAsync(id, export)).ReadAsJson<SignatureImportReport>()!;

        (report.Added, report.Rejected).ShouldBe((2, 1));
        report.Errors.ShouldContain(e => e.Row == 4 && e.Field == "name");
        report.IgnoredColumns.ShouldBe(["uuid", "zip_code", "can2_country", "can2_phone", "can2_user_tags"]);
        // filed under the family name the export gave, not the last word
        (await Host.LetterAsync(id)).Signatories.Select(s => s.PrintedLine).ShouldBe(
            ["Roberta Cohen", "Tomás Ojea Quintana, Professor, Example University"]);
    }
}
