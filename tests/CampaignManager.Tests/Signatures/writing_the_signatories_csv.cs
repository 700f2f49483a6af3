using CampaignManager.Signatures;
using CsvHelper;

namespace CampaignManager.Tests.Signatures;

/// <summary>
/// Names come from the public: whatever they hold, a CSV reader must get back exactly what was stored, and a spreadsheet
/// must never run one as a formula.
/// </summary>
public class writing_the_signatories_csv
{
    private static readonly DateTimeOffset SignedAt = new(2018, 6, 19, 14, 30, 0, TimeSpan.FromHours(2));

    private static SignatoryView Signer(string name, string? title = null, string? affiliation = null, string? email = null) =>
        new(Guid.NewGuid(), SignatoryKind.Individual, name, title, affiliation, false, email, 2, true, SignatureStatus.Active,
            SignedAt, null, null);

    [Fact]
    public void names_with_commas_quotes_newlines_and_formulas_read_back_as_stored_with_formulas_defused()
    {
        var signers = new[]
        {
            Signer("Cohen, Roberta", "Co-Chair, \"HRNK\"", "Committee for\r\nHuman Rights in North Korea", "rc@example.org"),
            Signer("=HYPERLINK(\"http://evil\",\"click\")", "+1 555", "-minus", "@at"),
            Signer("Ömer Çelik", "\tTabbed", null, null),
        };

        var csv = SignatoriesCsv.Render(signers);

        using var reader = CsvReader.FromText(csv, CsvReaderOptions.Default with { HasHeader = true });
        reader.ReadHeader();
        reader.Headers.ShouldBe(SignatoriesCsv.Columns);
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());

        rows.Count.ShouldBe(3);
        rows[0].ShouldBe(["1", "individual", "Cohen, Roberta", "Co-Chair, \"HRNK\"", "Committee for\r\nHuman Rights in North Korea",
            "false", "rc@example.org", "2", "", "true", "2018-06-19T14:30:00.0000000+02:00", "", "", "", "false"]);
        rows[1][2..7].ShouldBe(["'=HYPERLINK(\"http://evil\",\"click\")", "'+1 555", "'-minus", "false", "'@at"]);
        rows[2][2..5].ShouldBe(["Ömer Çelik", "'\tTabbed", ""]);
    }
}
