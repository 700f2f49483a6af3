using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampaignManager.Coalitions;
using CampaignManager.Hosting;
using CampaignManager.Signatures;
using CampaignManager.Tests.Appeals;
using CampaignManager.Tests.Campaigns;
using Marten.Events;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Wolverine.Marten;
using Wolverine.Tracking;

namespace CampaignManager.Tests.Signatures;

/// <summary>An admin erases a public signer who confirmed their email and re-confirmed after a revision: the whole database is searched.</summary>
[Collection(AppealsCollection.Name)]
public partial class erasing_a_signers_personal_data(AppealsFixture fixture) : IntegrationContext(fixture)
{
    private SmtpServerFixture Smtp => fixture.Smtp;
    private const string Name = "Zofia Quillbrook-Wręczycka";
    private const string Title = "Rapporteuse for Tidewater Affairs";
    private const string Affiliation = "University of Gdańsk";

    private Task<ITrackedSession> TrackedAsync(Func<Task> action) =>
        Host.TrackActivity().Timeout(AppealApi.FanOutPatience).IncludeExternalTransports()
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ => action()));

    private async Task<(Guid Letter, Guid Signature, string Email, string Mine)> SignedConfirmedAndReconfirmedAsync()
    {
        var letter = await Host.OpenDraftAsync();
        await Host.SetPolicyAsync(letter, confirmedEmail: true, staffApproval: false);
        var link = (await Host.LetterAsync(letter)).PublicSignOnUrl!;
        // typed with capitals: the dedupe key folds it, the dump is searched in any case
        var email = $"Zofia.Quillbrook-{Guid.NewGuid():N}@Tidewater.example";
        await TrackedAsync(() => Host.SubmitAsync(link, ("Form.Kind", "individual"), ("Form.Name", Name), ("Form.Title", Title),
            ("Form.Affiliation", Affiliation), ("Form.Email", email)));
        await TrackedAsync(() => Host.SubmitToAsync(Smtp.ConfirmLinkTo(email)!, "Confirm"));
        var mine = Smtp.ManageLinkTo(email)!;
        await Host.SignAsync(letter, LetterApi.Organization("Control Foundation for Erasure Tests", email: "control@foundation.example"));
        await TrackedAsync(() => Host.ReviseAsync(letter, new { body = "Dear Minister,\n\nWe ask again, more firmly." }));
        var reconfirm = ReconfirmLink().Match(Smtp.MessagesTo(email).Last().Message.TextBody!).Value;
        (await Host.SubmitToAsync(new Uri(reconfirm).AbsolutePath, "Reconfirm")).ShouldContain("now stands on <strong>version 2</strong>");
        var signature = (await Host.LetterAsync(letter)).Signatories.Single(s => s.Name == Name);
        signature.SignedVersion.ShouldBe(2);
        (await Host.GetAsText(mine)).ShouldContain("Withdraw my signature");
        return (letter, signature.Id, email, mine);
    }

    private Task<IScenarioResult> EraseAsync(Guid letter, Guid signature, string reason = "Erasure request received by post, ref. E-7",
        string role = "admin", int? status = 200) =>
        Host.Scenario(x =>
        {
            x.Post.Json(new { reason }).ToUrl($"/api/letters/{letter}/signatures/{signature}/erase");
            x.WithRequestHeader(TestStaffAuthentication.Header, "ada.admin");
            x.WithRequestHeader(TestStaffAuthentication.RoleHeader, role);
            if (status is { } expected) x.StatusCodeShouldBe(expected);
            else x.IgnoreStatusCode();
        });

    [Fact]
    public async Task an_erased_signer_is_nowhere_in_a_dump_of_the_whole_database_and_still_counts()
    {
        var (letter, signature, email, mine) = await SignedConfirmedAndReconfirmedAsync();
        (await Host.GetAsText($"/api/letters/{letter}/signatories.csv")).ShouldContain(Name);
        (await Host.GetAsText($"/letters/{letter}/print")).ShouldContain("Zofia Quillbrook");
        var before = (await Host.LetterAsync(letter)).Counts;

        var erasing = await TrackedAsync(() => EraseAsync(letter, signature));
        erasing.AllExceptions().ShouldBeEmpty("the masking and the clean-up ran through at the first attempt");
        erasing.Executed.MessagesOf<MaskSignerData>().ShouldHaveSingleItem();
        await ((IHost)Host).PauseThenCatchUpOnMartenDaemonActivityAsync();

        var after = await Host.LetterAsync(letter);
        after.Counts.ShouldBe(before);
        var erased = after.Signatories.Single(s => s.Id == signature);
        (erased.Name, erased.Title, erased.Email, erased.NameWithheld, erased.Affiliation)
            .ShouldBe((SignerErasure.ErasedName, null, null, true, Affiliation));
        foreach (var export in new[] { $"/api/letters/{letter}/signatories.csv", $"/letters/{letter}/print", $"/api/letters/{letter}",
                     $"/letters/{letter}", $"/letters/{letter}/history" })
        {
            var text = await Host.GetAsText(export);
            foreach (var secret in Secrets(email)) text.ShouldNotContain(secret, Case.Insensitive, export);
        }
        (await Host.GetAsText($"/letters/{letter}/print")).ShouldContain(SignatoryView.Withheld);
        await using (var session = Store.QuerySession())
        {
            (await session.Query<SignerLink>().Where(x => x.SignatureId == signature).CountAsync()).ShouldBe(0, "no personal link opens anything");
            (await session.Query<ReconfirmationLink>().Where(x => x.SignatureId == signature).CountAsync()).ShouldBe(0);
            (await session.Query<SignerKey>().Where(x => x.SignatureId == signature).CountAsync()).ShouldBe(0);
        }
        await Host.Scenario(x => { x.Get.Url(mine); x.StatusCodeShouldBe(404); });
        var history = await Host.GetAsJson<List<LetterHistoryEntry>>($"/api/letters/{letter}/history");
        history!.ShouldContain(h => h.Summary.StartsWith("Personal data erased by ada.admin on 2026-") && h.By == "ada.admin");

        var dump = await DumpAsync();
        dump.ShouldContain("Control Foundation for Erasure Tests", customMessage: "the dump holds what was not erased");
        dump.ShouldContain(signature.ToString());
        foreach (var secret in Secrets(email)) dump.ShouldNotContain(secret, Case.Insensitive);

        // what the masked events give back is what the live erasure left
        var live = await DocumentsAsync(signature);
        await ((IHost)Host).PauseThenCatchUpOnMartenDaemonActivityAsync(CatchUpMode.AndDoNothing);
        using (var daemon = await Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync("Signature", CancellationToken.None);
            await daemon.RebuildProjectionAsync<CoalitionSignatureProjection>(CancellationToken.None);
        }
        await ((IHost)Host).PauseThenCatchUpOnMartenDaemonActivityAsync();
        (await DocumentsAsync(signature)).ShouldBe(live);
        (await Host.LetterAsync(letter)).Counts.ShouldBe(before);
    }

    [Fact]
    public async Task erasing_twice_is_a_conflict_an_editor_may_not_erase_and_an_unknown_signature_is_not_found()
    {
        var letter = await Host.OpenDraftAsync();
        var signer = await Host.SignAsync(letter, LetterApi.Individual("Roberta Quince", "Professor", null, email: "rq@univ.example"));

        (await Host.GetAsText($"/letters/{letter}")).ShouldNotContain("/erase", customMessage: "an editor is not offered it");
        var asAdmin = await Host.Scenario(x =>
        {
            x.Get.Url($"/letters/{letter}");
            x.WithRequestHeader(TestStaffAuthentication.RoleHeader, "admin");
        });
        (await asAdmin.ReadAsTextAsync()).ShouldContain($"data-post=\"/api/letters/{letter}/signatures/{signer.Id}/erase\"");
        var gone = await Host.SignAsync(letter, LetterApi.Organization("Withdrawn Quill Society", email: "q@society.example"));
        await Host.PostAsync($"/api/letters/{letter}/signatures/{gone.Id}/withdraw", new { }, 200);
        (await Host.Scenario(x => { x.Get.Url($"/letters/{letter}"); x.WithRequestHeader(TestStaffAuthentication.RoleHeader, "admin"); }))
            .ReadAsText().ShouldContain($"/signatures/{gone.Id}/erase", customMessage: "a withdrawn signer can be erased too");
        await EraseAsync(letter, signer.Id, role: "editor", status: 403);
        await EraseAsync(letter, Guid.NewGuid(), status: 404);
        await EraseAsync(letter, signer.Id, reason: "Roberta Quince asked us", status: 400);
        (await Host.LetterAsync(letter)).Signatories.Single().Name.ShouldBe("Roberta Quince", "a refused erasure changes nothing");
        await TrackedAsync(() => EraseAsync(letter, signer.Id));
        var again = await EraseAsync(letter, signer.Id, status: 409);
        (await again.ReadAsTextAsync()).ShouldContain("already erased by ada.admin");
    }

    [Fact]
    public async Task erasures_racing_withdrawals_of_the_same_signatures_end_with_both_recorded_and_no_name_left()
    {
        var letter = await Host.OpenDraftAsync();
        var signers = new List<(Guid Id, string Name)>();
        for (var i = 0; i < 6; i++)
            signers.Add(((await Host.SignAsync(letter, LetterApi.Individual($"Racer Quillfeather{i}", null, "Oxfam", email: $"racer{i}@q.example"))).Id,
                $"Racer Quillfeather{i}"));

        var statuses = new List<(int Erase, int Withdraw)>();
        await TrackedAsync(async () =>
        {
            foreach (var (id, _) in signers)
            {
                var erase = EraseAsync(letter, id, status: null);
                var withdraw = Host.Scenario(x =>
                {
                    x.Post.Json(new { reason = "Board decision" }).ToUrl($"/api/letters/{letter}/signatures/{id}/withdraw");
                    x.IgnoreStatusCode();
                });
                await Task.WhenAll(erase, withdraw);
                statuses.Add((erase.Result.Context.Response.StatusCode, withdraw.Result.Context.Response.StatusCode));
            }
            // the loser of a race met the other's commit on the stream's version (409) and changed nothing; again, it succeeds
            foreach (var ((id, _), (e, w)) in signers.Zip(statuses))
            {
                if (e == 409) await EraseAsync(letter, id);
                if (w == 409) await Host.Scenario(x => x.Post.Json(new { reason = "Board decision" }).ToUrl($"/api/letters/{letter}/signatures/{id}/withdraw"));
            }
        });

        statuses.ShouldAllBe(s => (s.Erase == 200 || s.Erase == 409) && (s.Withdraw == 200 || s.Withdraw == 409) && (s.Erase == 200 || s.Withdraw == 200));
        var after = await Host.LetterAsync(letter);
        (after.Counts.Signatories, after.Counts.Withdrawn).ShouldBe((0, 6));
        after.Withdrawn.ShouldAllBe(s => s.Name == SignerErasure.ErasedName && s.Email == null);
        await using var session = Store.QuerySession();
        foreach (var (id, name) in signers)
        {
            var events = await session.Events.FetchStreamAsync(id);
            events.Select(e => e.Data.GetType().Name).ShouldBe([nameof(SignatureAdded), .. events.Skip(1).Select(e => e.Data.GetType().Name)]);
            events.Select(e => e.Data).OfType<SignatureWithdrawn>().ShouldHaveSingleItem();
            events.Select(e => e.Data).OfType<SignerErased>().ShouldHaveSingleItem();
            JsonSerializer.Serialize(events.Select(e => e.Data).ToList()).ShouldNotContain("Quillfeather");
        }
    }

    [Fact]
    public async Task erasures_racing_re_confirmations_through_the_signers_links_leave_no_name_in_any_event()
    {
        var letter = await Host.OpenDraftAsync();
        var signers = new List<(Guid Id, string Email)>();
        for (var i = 0; i < 4; i++)
        {
            var email = $"reconfirmer{i}-{Guid.NewGuid():N}@q.example";
            signers.Add(((await Host.SignAsync(letter, LetterApi.Individual($"Reconfirmer Quillstone{i}", "Fellow", null, email: email))).Id, email));
        }
        await TrackedAsync(() => Host.ReviseAsync(letter, new { body = "Dear Minister,\n\nWe ask again." }));

        var erasures = new List<Task<IScenarioResult>>();
        await TrackedAsync(async () =>
        {
            foreach (var (id, email) in signers)
            {
                var link = new Uri(ReconfirmLink().Match(Smtp.MessagesTo(email).Last().Message.TextBody!).Value).AbsolutePath;
                // the erasure starts as the signer presses the button: either may commit first
                await Host.SubmitToAsync(link, "Reconfirm", status: null, meanwhile: () =>
                {
                    erasures.Add(EraseAsync(letter, id, status: null));
                    return Task.CompletedTask;
                });
            }
            await Task.WhenAll(erasures);
            foreach (var ((id, _), erase) in signers.Zip(erasures))
                if (erase.Result.Context.Response.StatusCode == 409) await EraseAsync(letter, id);
        });

        erasures.ShouldAllBe(e => e.Result.Context.Response.StatusCode == 200 || e.Result.Context.Response.StatusCode == 409);
        var after = await Host.LetterAsync(letter);
        after.Counts.Signatories.ShouldBe(4, "an erased signer keeps counting");
        after.Signatories.ShouldAllBe(s => s.Name == SignerErasure.ErasedName && s.Email == null && s.NameWithheld);
        await using var session = Store.QuerySession();
        foreach (var (id, email) in signers)
        {
            var events = (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).ToList();
            var json = JsonSerializer.Serialize(events);
            json.ShouldNotContain("Quillstone");
            json.ShouldNotContain(email.Split('@')[0]);
            events.OfType<SignatureReconfirmed>().ShouldAllBe(r => r.By == "the signer (re-confirmation link)");
            (await session.LoadAsync<Signature>(id))!.SignedVersion.ShouldBe(events.OfType<SignatureReconfirmed>().Any() ? 2 : 1);
        }
    }

    [Fact]
    public async Task an_erased_signer_leaves_the_appeals_already_sent_and_their_stored_emails_as_name_withheld()
    {
        var (letter, signature, email, _) = await SignedConfirmedAndReconfirmedAsync();
        await Host.LifecycleAsync(letter, "close");
        await Host.Scenario(x => x.Post.Json(new { unconfirmed = "keep" }).ToUrl($"/api/letters/{letter}/finalize"));
        var (target, mission) = await CampaignManager.Tests.Appeals.AppealApi.TargetAsync(Host, "Norway");
        var (appeal, _) = await Host.SendTrackedAsync(letter, new { targetIds = new[] { target }, channel = "email" });
        Smtp.MessagesTo(mission).ShouldHaveSingleItem().Message.TextBody!.ShouldContain(Name);
        (await Host.AppealAsync(appeal)).SignatoryLines.ShouldContain(l => l.StartsWith(Name));
        // the mission answers quoting the letter, as the mailbox reader records a reply (its own tests read Dovecot)
        var quoted = $"Received with thanks.\n\n> {Name}, {Title}, {Affiliation}\n";
        var mail = new CampaignManager.Appeals.Inbox.InboundMail
        {
            Id = Guid.NewGuid(), Folder = "INBOX", UidValidity = 1, Uid = 7, Processed = true, Kind = "reply", From = mission,
            Subject = "Re: the letter", Text = quoted, FetchedAt = Fixture.Clock.GetUtcNow(), AppealId = appeal, TargetId = target
        };
        var raw = new MimeKit.MimeMessage { Subject = "Re: the letter", Body = new MimeKit.TextPart("plain") { Text = quoted } };
        raw.From.Add(MimeKit.MailboxAddress.Parse(mission));
        var rawBytes = new MemoryStream();
        raw.WriteTo(rawBytes);
        await using (var session = Store.LightweightSession())
        {
            session.Store(mail);
            session.Store(new CampaignManager.Appeals.Inbox.InboundRawMail { Id = mail.Id, Content = rawBytes.ToArray() });
            session.Events.Append(CampaignManager.Appeals.AppealRecipient.StreamId(appeal, target), new CampaignManager.Appeals.Inbox.AppealReplyReceived(
                appeal, target, mail.Id, mission, mail.Subject, quoted, null, [], "message-id", "inbox", Fixture.Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }

        await TrackedAsync(() => EraseAsync(letter, signature));
        await ((IHost)Host).PauseThenCatchUpOnMartenDaemonActivityAsync();

        var sent = await Host.AppealAsync(appeal);
        sent.SignatoryLines.ShouldContain(SignatoryView.Withheld);
        sent.SignatoryLines.ShouldContain(l => l.StartsWith("Control Foundation for Erasure Tests"), "the other signers' lines stay");
        var evidence = await Host.Scenario(x => x.Get.Url($"/api/appeals/{appeal}/recipients/{target}/evidence"));
        var body = new MemoryStream();
        await evidence.Context.Response.Body.CopyToAsync(body);
        body.Position = 0;
        using var zip = new System.IO.Compression.ZipArchive(body);
        var facts = new StreamReader(zip.GetEntry("delivery.txt")!.Open()).ReadToEnd();
        facts.ShouldContain("personal data was erased from this copy");
        // the stored copy is base64 inside its JSON, where no dump search could see the name: read it back instead
        await using (var session = Store.QuerySession())
        {
            var stored = (await session.Query<CampaignManager.Appeals.Delivery.SentAppealEmail>().Where(e => e.AppealId == appeal).ToListAsync()).ShouldHaveSingleItem();
            var copy = MimeKit.MimeMessage.Load(new MemoryStream(stored.Content));
            foreach (var text in new[] { copy.TextBody!, copy.HtmlBody! })
            {
                text.ShouldNotContain("Quillbrook");
                text.ShouldNotContain(Title);
                text.ShouldContain(SignatoryView.Withheld);
                text.ShouldContain("Control Foundation for Erasure Tests");
            }
            var reply = (await session.LoadAsync<CampaignManager.Appeals.AppealRecipient>(CampaignManager.Appeals.AppealRecipient.StreamId(appeal, target)))!
                .Replies.ShouldHaveSingleItem();
            reply.Text.ShouldStartWith("Received with thanks.");
            reply.Text.ShouldNotContain("Quillbrook");
            (await session.LoadAsync<CampaignManager.Appeals.Inbox.InboundMail>(mail.Id))!.Text!.ShouldNotContain(Title);
            MimeKit.MimeMessage.Load(new MemoryStream((await session.LoadAsync<CampaignManager.Appeals.Inbox.InboundRawMail>(mail.Id))!.Content))
                .TextBody!.ShouldNotContain("Quillbrook");
        }
        var dump = await DumpAsync();
        dump.ShouldContain("Control Foundation for Erasure Tests");
        foreach (var secret in Secrets(email)) dump.ShouldNotContain(secret, Case.Insensitive);
    }

    private async Task<string> DocumentsAsync(Guid signature)
    {
        await using var session = Store.QuerySession();
        var options = new JsonSerializerOptions { WriteIndented = false };
        return JsonSerializer.Serialize(await session.LoadAsync<Signature>(signature), options) + "\n" +
               JsonSerializer.Serialize(await session.LoadAsync<CoalitionSignature>(signature), options);
    }

    /// <summary>Every form the data could be stored in: as typed, folded, JSON- and HTML-escaped, and as UTF-8 in hex (bytea).</summary>
    private static IEnumerable<string> Secrets(string email)
    {
        var plain = new[] { Name, Title, email, "Quillbrook", "Wręczycka", "Tidewater Affairs", email.Split('@')[0] };
        foreach (var s in plain)
        {
            yield return s;
            yield return TextRules.NameKey(s);
            yield return JsonSerializer.Serialize(s)[1..^1];
            yield return System.Text.Encodings.Web.HtmlEncoder.Default.Encode(s);
            yield return Convert.ToHexString(Encoding.UTF8.GetBytes(s));
        }
    }

    private async Task<string> DumpAsync()
    {
        var c = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString);
        var conninfo = $"host={c.Host} port={c.Port} user={c.Username} password={c.Password} dbname={c.Database}";
        var pgDump = PostgresBinaries.Find("pg_dump") ?? throw new InvalidOperationException("pg_dump is not installed");
        var (exit, output) = await PostgresBinaries.RunAsync(pgDump, [$"--dbname={conninfo}"], null, CancellationToken.None);
        exit.ShouldBe(0);
        output.Length.ShouldBeGreaterThan(10_000);
        return output;
    }

    [GeneratedRegex(@"http://\S+/sign/[^/\s]+/[0-9a-f]{64}(?=\s|$)")]
    private static partial Regex ReconfirmLink();
}
