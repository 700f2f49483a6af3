using CampaignManager.Signatures;
using CampaignManager.Targets;

namespace CampaignManager.Tests.Hosting;

/// <summary>Issue #22: an import maps columns by header, so another tool's export imports without editing.</summary>
public class mapping_csv_headers
{
    [Theory]
    [InlineData("Email Address", "email")]
    [InlineData("E-mail", "email")]
    [InlineData("\uFEFFfirst_name", "given_name")]
    [InlineData("  Last.Name ", "family_name")]
    [InlineData("Organisation", "affiliation")]
    [InlineData("KIND", "kind")]
    public void a_header_is_matched_whatever_its_case_spacing_and_punctuation(string header, string column)
    {
        var (headers, error) = CsvHeaders.Map([header], SignatureCsv.Columns);
        error.ShouldBeNull();
        headers.ShouldHaveSingleItem().Column.ShouldBe(column);
    }

    [Fact]
    public void columns_of_no_use_are_ignored_and_reported_as_the_file_wrote_them()
    {
        var csv = SignatureCsv.Parse("uuid,first_name,last_name,email,zip_code,Phone Number\n" +
                                     "9f1c,Roberta,Cohen,roberta@example.org,20036,555-0100\n");

        csv.Error.ShouldBeNull();
        csv.IgnoredColumns.ShouldBe(["uuid", "zip_code", "Phone Number"]);
        var row = csv.Rows.ShouldHaveSingleItem();
        (row.Kind, row.Name, row.FamilyName, row.Email).ShouldBe(("individual", "Roberta Cohen", "Cohen", "roberta@example.org"));
    }

    [Fact]
    public void two_columns_giving_one_field_refuse_the_file_naming_both()
    {
        var csv = SignatureCsv.Parse("kind,name,email,Email Address\nindividual,A,a@example.org,b@example.org\n");

        csv.Error.ShouldNotBeNull().ShouldContain("\"email\" and \"Email Address\"");
        csv.Rows.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("name,email\nHuman Rights Watch,hrw@example.org\n")] // organization or person: the file does not say
    [InlineData("email,zip_code\na@example.org,20036\n")]
    public void a_signature_file_that_does_not_say_who_signed_is_refused(string text)
    {
        var csv = SignatureCsv.Parse(text);
        csv.Error.ShouldNotBeNull().ShouldContain("header");
        csv.Rows.ShouldBeEmpty();
    }

    [Fact]
    public void a_target_named_in_parts_is_registered_under_the_whole_name()
    {
        var csv = TargetCsv.Parse("First Name,Last Name,Job Title,Government,E-mail,Country,Phone\n" +
                                  "Kazuyuki,Yamazaki,Ambassador,Japan,p-m@ny.mofa.go.jp,Japan,+1 212 223 4300\n");

        csv.Error.ShouldBeNull();
        csv.IgnoredColumns.ShouldBe(["Phone"]);
        var row = csv.Rows.ShouldHaveSingleItem();
        (row.Name, row.Title, row.Organization, row.Email, row.Country).ShouldBe(
            ("Kazuyuki Yamazaki", "Ambassador", "Japan", "p-m@ny.mofa.go.jp", "Japan"));
    }
}
