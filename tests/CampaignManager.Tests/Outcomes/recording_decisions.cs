using CampaignManager.Campaigns;
using CampaignManager.Outcomes;
using CampaignManager.Tests.Campaigns;
using CampaignManager.Tests.Targets;
using Npgsql;

namespace CampaignManager.Tests.Outcomes;

[Collection(CampaignsCollection.Name)]
public class recording_decisions(AppFixture fixture) : IntegrationContext(fixture)
{
    // 22 December 2014: the Security Council voted 11-2-2 on a procedural question, putting the DPRK on its agenda
    private static object Agenda2014(Dictionary<Guid, string> votes, object? tally = null) => new
    {
        kind = "meetingHeld", date = "2014-12-22", body = "UN Security Council", venue = "7353rd meeting",
        nature = "procedural", result = "adoptedByVote", tally = tally ?? new { yes = 11, no = 2, abstain = 2 }, votes,
        status = "achieved", reason = "The situation in the DPRK is on the Council's agenda"
    };

    [Fact]
    public async Task a_procedural_vote_of_eleven_two_two_is_recorded_with_each_members_vote_and_the_whip_count_shows_expected_against_actual()
    {
        var campaign = await Host.LaunchAsync("DPRK on the Security Council agenda", "UN Security Council");
        var china = await Host.TargetAsync("China");
        var chad = await Host.TargetAsync("Chad");
        var france = await Host.TargetAsync("France");
        await Host.PositionAsync(campaign, china, "opposes", "2014-12-19");
        await Host.PositionAsync(campaign, chad, "supports", "2014-12-19");

        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes",
            Agenda2014(new() { [china] = "no", [chad] = "abstain", [france] = "yes" }), 201);

        var details = await Host.CampaignAsync(campaign);
        var facts = details.Outcomes.Single().Facts;
        (facts.Tally, facts.Nature, facts.Result, facts.Venue)
            .ShouldBe((new VoteTally(11, 2, 2), DecisionNature.Procedural, DecisionResult.AdoptedByVote, "7353rd meeting"));
        facts.Votes![chad].ShouldBe(MemberVote.Abstain);
        var whip = details.WhipCount.Targets.ToDictionary(t => t.Name);
        (whip["China"].Expected!.Position, whip["China"].Position, whip["China"].AsExpected)
            .ShouldBe((TargetPosition.Opposes, TargetPosition.VotedNo, true));
        (whip["Chad"].Expected!.Position, whip["Chad"].Position, whip["Chad"].AsExpected)
            .ShouldBe((TargetPosition.Supports, TargetPosition.Abstained, false));
        whip["France"].Position.ShouldBe(TargetPosition.VotedYes);
        whip["Chad"].Date.ShouldBe(new DateOnly(2014, 12, 22));

        var html = await Host.PageAsync($"/campaigns/{campaign}");
        html.ShouldContain("procedural, adopted by vote");
        html.ShouldContain($"data-target=\"{chad}\" data-as-expected=\"false\"");
    }

    [Fact]
    public async Task votes_that_exceed_the_tally_or_come_from_an_unknown_target_are_a_400_naming_the_field()
    {
        var campaign = await Host.LaunchAsync();
        var china = await Host.TargetAsync("China");
        var stranger = Guid.NewGuid();
        var tooMany = await Host.PostAsync($"/api/campaigns/{campaign}/outcomes",
            Agenda2014(new() { [china] = "no" }, new { yes = 13, no = 0, abstain = 2 }), 400);
        tooMany.ReadAsJson<ValidationProblem>()!.Errors!.Keys.ShouldBe(["votes"]);
        var unknown = await Host.PostAsync($"/api/campaigns/{campaign}/outcomes", Agenda2014(new() { [stranger] = "yes" }), 400);
        unknown.ReadAsJson<ValidationProblem>()!.Errors!.Keys.ShouldBe([$"votes.{stranger}"]);
        (await Host.CampaignAsync(campaign)).Outcomes.ShouldBeEmpty();
    }

    [Fact]
    public async Task an_explanation_of_vote_is_attached_to_the_targets_position_and_shown_with_it()
    {
        var campaign = await Host.LaunchAsync();
        var chad = await Host.TargetAsync("Chad");
        await Host.PostAsync($"/api/campaigns/{campaign}/explanations",
            new { targetId = chad, link = "https://example.org/chad", summary = "Abstained on the agenda question" }, 400);
        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes", Agenda2014(new() { [chad] = "abstain" }), 201);

        await Host.PostAsync($"/api/campaigns/{campaign}/explanations",
            new { targetId = chad, link = "https://example.org/chad", summary = "Abstained on the agenda question" }, 200);

        var details = await Host.CampaignAsync(campaign);
        var explanation = details.WhipCount.Targets.Single().Explanations!.Single();
        (explanation.Link, explanation.Summary).ShouldBe(("https://example.org/chad", "Abstained on the agenda question"));
        details.Timeline.Select(e => e.Event).ShouldContain("VoteExplained");
        (await Host.PageAsync($"/campaigns/{campaign}")).ShouldContain("Abstained on the agenda question");
    }

    /// <summary>
    /// The outcome events moved from Campaigns to Outcomes. Marten names an event type by its class name
    /// ("outcome_recorded"), not its namespace, so rows written before the move, naming the old CLR type and
    /// without the decision's fields, must still fold.
    /// </summary>
    [Fact]
    public async Task an_outcome_stored_under_the_old_namespace_without_the_decision_fields_still_folds()
    {
        var campaign = await Host.LaunchAsync();
        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes", new
        {
            kind = "resolutionAdopted", date = "2020-12-16", body = "UN General Assembly", consensus = true,
            status = "achieved", reason = "Adopted by consensus"
        }, 201);
        await using (var connection = new NpgsqlConnection(Fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var rewrite = new NpgsqlCommand("""
                update campaigns.mt_events
                set mt_dotnet_type = 'CampaignManager.Campaigns.OutcomeRecorded, CampaignManager',
                    data = jsonb_set(data, '{facts}', (data->'facts') - 'nature' - 'result' - 'venue' - 'vetoedBy' - 'votes')
                where stream_id = @id and type = 'outcome_recorded'
                """, connection);
            rewrite.Parameters.AddWithValue("id", campaign);
            (await rewrite.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var facts = (await Host.CampaignAsync(campaign)).Outcomes.Single().Facts;
        (facts.Kind, facts.Consensus, facts.Result, facts.Votes).ShouldBe((OutcomeKind.ResolutionAdopted, true, (DecisionResult?)null, null));
        DecisionRules.ResultOf(facts).ShouldBe(DecisionResult.AdoptedByConsensus);
    }
}
