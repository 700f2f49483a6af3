using CampaignManager.Targets;

namespace CampaignManager.Tests.Targets;

public class import_decisions
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid ListId = Guid.NewGuid();
    private static TargetList EmptyList() => TargetList.Fold([new TargetListCreated(ListId, "UN member states", null, "staff", At)])!;

    private static ImportDecision Decide(string csv, IEnumerable<KnownTarget>? known = null, TargetList? list = null)
    {
        var parsed = TargetCsv.Parse(csv);
        parsed.Error.ShouldBeNull();
        return ImportTargetsEndpoint.Decide(list ?? EmptyList(), parsed.Rows, known ?? [], Guid.NewGuid, "staff", At);
    }

    private static (int Imported, int Reused, int Rejected, int Added) Counts(ImportReport r) => (r.Imported, r.Reused, r.Rejected, r.Added);

    [Fact]
    public void good_rows_register_targets_and_join_the_list()
    {
        var d = Decide("name,title,organization,email,address,country,tags\n" +
                       "Kazuyuki Yamazaki,Ambassador,Permanent Mission of Japan to the United Nations,p-m@ny.mofa.go.jp,\"866 UN Plaza\nNew York\",Japan,unsc;asia\n");

        Counts(d.Report).ShouldBe((1, 0, 0, 1));
        d.Report.Errors.ShouldBeEmpty();
        var e = d.Registered.Single();
        e.Address.ShouldBe("866 UN Plaza\nNew York");
        e.Tags.ShouldBe(["unsc", "asia"]);
        d.Added!.TargetIds.ShouldBe([e.TargetId]);
    }

    [Fact]
    public void bad_rows_are_reported_with_their_row_and_field_and_good_rows_still_count()
    {
        var d = Decide("name,email\n" +
                       "Good One,good@example.org\n" +
                       ",nobody@example.org\n" +
                       "Bad Email,not-an-email\n" +
                       "Too,many,columns\n" +
                       "Good Two,\n");

        d.Report.Imported.ShouldBe(2);
        d.Report.Rejected.ShouldBe(3);
        d.Report.Errors.ShouldBe([
            new ImportError(3, 3, "name", "is required"),
            new ImportError(4, 4, "email", "is not a valid email address"),
            new ImportError(5, 5, "row", "has 3 columns, the header has 2")
        ]);
    }

    [Fact]
    public void a_row_with_broken_quoting_is_rejected()
    {
        var d = Decide("name,email\nO\"Brien,ob@example.org\nGood,g@example.org\n");
        d.Report.Rejected.ShouldBe(1);
        d.Report.Errors.Single().ShouldBe(new ImportError(2, 2, "row", "could not be parsed: a quote inside an unquoted value"));
        d.Registered.Single().Name.ShouldBe("Good");
    }

    [Fact]
    public void the_report_gives_the_spreadsheet_row_and_the_files_line_which_part_after_a_value_spanning_lines()
    {
        // row 2 spans lines 2-4 (a quoted address), line 5 is empty: row 3 starts on line 6, row 4 on line 7
        var d = Decide("name,email,address\n" +
                       "Japan Mission,japan@un.int,\"866 UN Plaza\nSuite 2\nNew York\"\n" +
                       "\n" +
                       ",nobody@un.int,\n" +
                       "Japan Mission Again,JAPAN@un.int,\n");

        d.Report.Errors.ShouldBe([new ImportError(3, 6, "name", "is required")]);
        d.Report.Duplicates!.ShouldBe([new ImportDuplicate(4, 7, d.Registered.Single().TargetId, "Japan Mission", 2, 2)]);
    }

    [Fact]
    public void a_known_email_or_name_and_organization_is_reused_not_registered_again()
    {
        var byEmail = new KnownTarget(Guid.NewGuid(), "Someone Else", null, "mission@un.int");
        var byName = new KnownTarget(Guid.NewGuid(), "The Ambassador", "Permanent Mission of Chile", null);

        var d = Decide("name,organization,email\n" +
                       "Mission,,MISSION@un.int\n" +
                       "the  ambassador,PERMANENT MISSION OF CHILE,\n" +
                       "New Person,,new@un.int\n" +
                       "New Person Again,,new@un.int\n",
            [byEmail, byName]);

        Counts(d.Report).ShouldBe((1, 3, 0, 3));
        d.Report.Errors.ShouldBeEmpty();
        var newPerson = d.Registered.Single().TargetId;
        d.Report.Duplicates!.ShouldBe([
            new ImportDuplicate(2, 2, byEmail.Id, "Someone Else", null, null),
            new ImportDuplicate(3, 3, byName.Id, "The Ambassador, Permanent Mission of Chile", null, null),
            new ImportDuplicate(5, 5, newPerson, "New Person", 4, 4)
        ]);
        d.Added!.TargetIds.ShouldBe([byEmail.Id, byName.Id, d.Registered.Single().TargetId]);
    }

    [Fact]
    public void targets_already_on_the_list_are_not_added_again()
    {
        var known = new KnownTarget(Guid.NewGuid(), "A", null, "a@example.org");
        var list = EmptyList();
        list.Apply(new TargetsAddedToList(ListId, [known.Id], "staff", At));

        var d = Decide("name,email\nA,a@example.org\n", [known], list);

        Counts(d.Report).ShouldBe((0, 1, 0, 0));
        d.Report.Errors.ShouldBeEmpty();
        d.Added.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("Kazuyuki Yamazaki,Japan\n")]
    [InlineData("{\"name\": \"json\"}")]
    [InlineData("person,phone\nA,555-0100\n")]
    [InlineData("name,full_name\nA,B\n")]
    public void a_file_without_our_header_is_refused_as_a_whole(string text)
    {
        var csv = TargetCsv.Parse(text);
        csv.Error.ShouldNotBeNull();
        csv.Rows.ShouldBeEmpty();
    }
}
