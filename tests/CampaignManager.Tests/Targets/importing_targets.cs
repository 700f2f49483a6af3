using System.Net.Http.Headers;
using CampaignManager.Targets;

namespace CampaignManager.Tests.Targets;

[Collection(TargetsCollection.Name)]
public class importing_targets(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Header = "name,title,organization,email,address,country,tags\n";

    private async Task<(ImportReport Report, TargetListDetails List)> Import(Guid listId, string csv)
    {
        var result = await Scenario(x =>
        {
            x.PostBody($"/api/target-lists/{listId}/import", "text/csv", Encoding.UTF8.GetBytes(csv));
            x.StatusCodeShouldBe(200);
        });
        var list = (await Scenario(x => x.Get.Url($"/api/target-lists/{listId}"))).ReadAsJson<TargetListDetails>()!;
        return (result.ReadAsJson<ImportReport>()!, list);
    }

    private async Task<int> TargetCount()
    {
        await using var session = Store.QuerySession();
        return await session.Query<TargetDetails>().CountAsync();
    }

    [Fact]
    public async Task importing_a_csv_with_bad_rows_keeps_the_good_ones_and_reports_the_rest()
    {
        var listId = await Host.CreateTargetList("UN Security Council members 2019");
        var csv = Header +
                  "Kazuyuki Yamazaki,Ambassador,Permanent Mission of Japan to the United Nations,p-m@ny.mofa.go.jp,\"866 United Nations Plaza, New York\",Japan,unsc;asia\n" +
                  ",Ambassador,Permanent Mission of Nowhere,nowhere@un.int,,,\n" +
                  "Bad Email,,Permanent Mission of Somewhere,not an email,,,\n" +
                  "Too Few,Columns\n" +
                  "O\"Brien,,Broken Quote Mission,,,,\n" +
                  "Mission of Kenya,,Permanent Mission of Kenya to the United Nations,kenya@un.int,,Kenya,unsc;africa\n";

        var (report, list) = await Import(listId, csv);

        (report.Imported, report.Reused, report.Rejected, report.Added).ShouldBe((2, 0, 4, 2));
        report.Errors.Select(e => (e.Row, e.Field)).ShouldBe([(3, "name"), (4, "email"), (5, "row"), (6, "row")]);
        list.Members.Select(m => m.Name).ShouldBe(["Kazuyuki Yamazaki", "Mission of Kenya"]);
        list.Members[0].Organization.ShouldBe("Permanent Mission of Japan to the United Nations");
        (await TargetCount()).ShouldBe(2);

        await using var session = Store.LightweightSession();
        var japan = await session.LoadAsync<TargetDetails>(list.Members[0].Id);
        japan!.Address.ShouldBe("866 United Nations Plaza, New York");
        japan.Tags.ShouldBe(["unsc", "asia"]);
        (await session.Events.FetchStreamAsync(japan.Id)).Single().Data.ShouldBeOfType<TargetRegistered>().By.ShouldBe(TestStaffAuthentication.DefaultUser);
    }

    [Fact]
    public async Task importing_all_193_member_states_registers_each_mission_once()
    {
        var listId = await Host.CreateTargetList("UN member states");
        var countries = Enumerable.Range(1, 193).Select(i => $"Country {i:000}").ToList();
        var csv = Header + string.Concat(countries.Select(c =>
            $"Permanent Representative of {c},Ambassador,Permanent Mission of {c} to the United Nations,mission.{c.Replace(' ', '-').ToLowerInvariant()}@un.int,\"1 UN Plaza, New York\",{c},un-member\n"));

        var (report, list) = await Import(listId, csv);

        (report.Imported, report.Reused, report.Rejected, report.Added).ShouldBe((193, 0, 0, 193));
        list.Members.Count.ShouldBe(193);
        list.Members.Select(m => m.Country).ShouldBe(countries, ignoreOrder: true);
        (await Scenario(x => x.Get.Url("/api/targets?tag=un-member&pageSize=1"))).ReadAsJson<PageOf<TargetDetails>>()!.Total.ShouldBe(193);

        // the same file again re-uses every mission and changes nothing
        var (again, _) = await Import(listId, csv);
        (again.Imported, again.Reused, again.Added).ShouldBe((0, 193, 0));
        (await TargetCount()).ShouldBe(193);
    }

    [Fact]
    public async Task an_import_reuses_targets_known_by_email_or_by_name_and_organization()
    {
        var byEmail = await Host.RegisterTarget(new { name = "Mike Pompeo", organization = "U.S. Department of State", email = "secretary@state.gov" });
        var byName = await Host.RegisterTarget(new { name = "Permanent Mission of Chile", organization = "United Nations" });
        var listId = await Host.CreateTargetList("Appeal recipients");

        var (report, list) = await Import(listId, Header +
            "Secretary of State,,,SECRETARY@state.gov,,,\n" +
            "permanent mission of chile,,UNITED NATIONS,,,,\n");

        (report.Imported, report.Reused).ShouldBe((0, 2));
        report.Duplicates!.Select(d => (d.Row, d.TargetId, d.SameAsRow)).ShouldBe([(2, byEmail, (int?)null), (3, byName, null)]);
        list.Members.Select(m => m.Id).ShouldBe([byEmail, byName]);
        list.Members[0].Name.ShouldBe("Mike Pompeo");
    }

    [Fact]
    public async Task a_file_upload_from_a_form_is_imported_too()
    {
        var listId = await Host.CreateTargetList("Form upload");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("name,email\nKenya Mission,kenya@un.int\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "targets.csv");
        var bytes = await form.ReadAsByteArrayAsync();

        var result = await Scenario(x =>
        {
            x.PostBody($"/api/target-lists/{listId}/import", form.Headers.ContentType!.ToString(), bytes);
            x.StatusCodeShouldBe(200);
        });

        result.ReadAsJson<ImportReport>()!.Imported.ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Kazuyuki Yamazaki,Japan\nMission of Kenya,Kenya\n")]
    [InlineData("{\"name\": \"not csv\"}")]
    public async Task an_unreadable_file_is_refused_and_changes_nothing(string content)
    {
        var listId = await Host.CreateTargetList("UNSC");

        var result = await Scenario(x =>
        {
            x.PostBody($"/api/target-lists/{listId}/import", "text/csv", Encoding.UTF8.GetBytes(content));
            x.StatusCodeShouldBe(400);
            x.ContentTypeShouldBe("application/problem+json");
        });

        result.ReadAsJson<ValidationProblem>()!.Detail.ShouldNotBeNullOrWhiteSpace();
        (await TargetCount()).ShouldBe(0);
        await using var session = Store.LightweightSession();
        (await session.Events.FetchStreamAsync(listId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task binary_content_or_an_unknown_list_is_refused()
    {
        var listId = await Host.CreateTargetList("UNSC");
        await Scenario(x =>
        {
            x.PostBody($"/api/target-lists/{listId}/import", "text/csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF]);
            x.StatusCodeShouldBe(400);
        });
        await Scenario(x =>
        {
            x.PostBody($"/api/target-lists/{listId}/import", "application/pdf", [0x25, 0x50, 0x44, 0x46]);
            x.StatusCodeShouldBe(415);
        });
        await Scenario(x =>
        {
            x.PostBody($"/api/target-lists/{Guid.NewGuid()}/import", "text/csv", Encoding.UTF8.GetBytes("name\nA\n"));
            x.StatusCodeShouldBe(404);
        });
        (await TargetCount()).ShouldBe(0);
    }

    [Fact]
    public async Task a_contact_export_imports_by_header_and_reports_the_columns_it_ignored()
    {
        var listId = await Host.CreateTargetList("Ministers to write to");
        var before = await TargetCount();
        var (report, list) = await Import(listId, "First Name,Last Name,Job Title,Organisation,E-mail Address,Country,Phone\n" +
                                                  "Annalena,Baerbock,Federal Minister for Foreign Affairs,Government of Germany,minister@example.de,Germany,+49 30 1817 0\n");

        (report.Imported, report.Rejected, report.Added).ShouldBe((1, 0, 1));
        report.IgnoredColumns.ShouldBe(["Phone"]);
        (await TargetCount()).ShouldBe(before + 1);
        list.Members.ShouldHaveSingleItem().Name.ShouldBe("Annalena Baerbock");
    }
}
