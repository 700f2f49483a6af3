using CampaignManager.Targets;

namespace CampaignManager.Tests.Targets;

public class target_list_decisions
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid ListId = Guid.NewGuid();
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid();

    [Fact]
    public void creating_a_list_with_members_records_the_list_then_its_members_once()
    {
        var events = CreateTargetListEndpoint.Decide(ListId, new CreateTargetList(" UN Security Council 2019 ", "  ", [A, B, A]), "staff", At);

        events[0].ShouldBe(new TargetListCreated(ListId, "UN Security Council 2019", null, "staff", At));
        events[1].ShouldBeOfType<TargetsAddedToList>().TargetIds.ShouldBe([A, B]);
    }

    [Fact]
    public void creating_an_empty_list_records_only_the_list()
    {
        CreateTargetListEndpoint.Decide(ListId, new CreateTargetList("Empty", null, null), "staff", At)
            .Single().ShouldBeOfType<TargetListCreated>();
    }

    [Fact]
    public void adding_targets_skips_those_already_on_the_list()
    {
        var list = TargetList.Fold([new TargetListCreated(ListId, "L", null, "staff", At), new TargetsAddedToList(ListId, [A], "staff", At)])!;

        var added = AddTargetsToListEndpoint.Decide(list, [A, B], "staff", At).Single().ShouldBeOfType<TargetsAddedToList>();

        added.TargetIds.ShouldBe([B]);
    }

    [Fact]
    public void adding_only_existing_members_records_nothing()
    {
        var list = TargetList.Fold([new TargetListCreated(ListId, "L", null, "staff", At), new TargetsAddedToList(ListId, [A], "staff", At)])!;
        AddTargetsToListEndpoint.Decide(list, [A], "staff", At).ShouldBeEmpty();
    }

    [Fact]
    public void a_removed_target_is_no_longer_a_member()
    {
        var list = TargetList.Fold([
            new TargetListCreated(ListId, "L", null, "staff", At),
            new TargetsAddedToList(ListId, [A, B], "staff", At),
            RemoveTargetFromListEndpoint.Decide(TargetList.Fold([new TargetListCreated(ListId, "L", null, "staff", At)])!, A, "staff", At)
        ])!;
        list.Members.ShouldBe([B]);
    }
}
