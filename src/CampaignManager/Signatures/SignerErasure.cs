using System.Text.RegularExpressions;
using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>
/// An admin erased the signer's personal data on their request: an individual's name, family name, title and email,
/// an organization's contact email and title (an organization's name is not personal data and stays). The signature
/// keeps counting and prints as "Name withheld". <see cref="Reason"/> is the request, never the data itself.
/// </summary>
public record SignerErased(Guid SignatureId, Guid LetterId, string Reason, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>The signer's email was erased alone, by the retention setting (<see cref="EmailRetention"/>); the name stays.</summary>
public record SignerEmailErased(Guid SignatureId, Guid LetterId, string Reason, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>
/// What erased data becomes, in the documents and, through Marten's event-data masking, in the stored events; and the
/// one scrub both use, so that folding the masked events gives exactly the documents the live erasure left.
/// </summary>
public static partial class SignerErasure
{
    /// <summary>An erased individual's name, as staff see it; everywhere else it prints as "Name withheld".</summary>
    public const string ErasedName = "Personal data erased";
    /// <summary>Where an event's email field cannot be empty (the email events), the address becomes this.</summary>
    public const string ErasedEmail = "(email erased)";

    /// <summary>The personal data of one signer, read from its stream before masking; what the scrub looks for in free text.</summary>
    public sealed record Data(SignatoryKind Kind, string Name, string? FamilyName, string? Title, string? Email, bool EmailOnly)
    {
        public static Data Of(Signature s, bool emailOnly) => new(s.Kind, s.Name, s.FamilyName, s.Title, s.Email, emailOnly);
    }

    /// <summary>The signer being masked, for the masking rules of the running <see cref="MaskSignerData"/>; none otherwise.</summary>
    private static readonly AsyncLocal<Data?> Masking = new();

    public static async Task MaskAsync(IDocumentStore store, Guid signatureId, Data data, CancellationToken token)
    {
        Masking.Value = data;
        try
        {
            await store.Advanced.ApplyEventDataMasking(x => x.IncludeStream(signatureId), token);
        }
        finally
        {
            Masking.Value = null;
        }
    }

    /// <summary>Free text (a reason, a relay's answer) without the signer's data in it; null stays null.</summary>
    public static string? Scrub(string? text, Data data)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var words = data.EmailOnly ? [data.Email] : new[] { data.Email, data.Kind == SignatoryKind.Individual ? data.Name : null,
            data.Kind == SignatoryKind.Individual ? data.FamilyName : null, data.Title };
        foreach (var word in words.Where(w => !string.IsNullOrWhiteSpace(w) && w != ErasedName && w != ErasedEmail).OrderByDescending(w => w!.Length))
        {
            // whole words only: a title of "Dr" is not erased out of "address"
            text = Regex.Replace(text, $@"(?<!\w){Regex.Escape(word!.Trim())}(?!\w)", word.Contains('@') ? ErasedEmail : "[erased]",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        return text;
    }

    /// <summary>
    /// A signer acting through a personal link is recorded as "Name &lt;email&gt; (… link)"; erased, "the signer (… link)",
    /// or without the email alone. A staff login is left as it is.
    /// </summary>
    public static string ScrubActor(string by, Data data)
    {
        var m = SignerActor().Match(by);
        if (!m.Success) return Scrub(by, data)!;
        return data.EmailOnly ? $"{m.Groups["name"].Value} ({m.Groups["via"].Value})" : $"the signer ({m.Groups["via"].Value})";
    }

    /// <summary>The signer as the actor of what they do through a personal link, with their email while it is on file.</summary>
    public static string Actor(Signature s, string via) =>
        s.ErasedAt is not null ? $"the signer ({via})" : s.Email is null ? $"{s.Name} ({via})" : $"{s.Name} <{s.Email}> ({via})";

    /// <summary>Whether the erasure reason repeats the data it erases: it is kept for good, so it must not.</summary>
    public static bool Repeats(string? reason, Signature s) =>
        !string.IsNullOrWhiteSpace(reason) && Scrub(reason, Data.Of(s, emailOnly: false)) != reason;

    [GeneratedRegex(@"^(?<name>.*) <[^<>]*> \((?<via>[^()]*link)\)$")]
    private static partial Regex SignerActor();

    /// <summary>Run only inside <see cref="MaskAsync"/>; any other masking pass leaves signature events as they are.</summary>
    private static T Mask<T>(T e, Func<T, Data, T> rule) => Masking.Value is { } data ? rule(e, data) : e;

    private static string MaskEmail(string email, Data data) => string.IsNullOrEmpty(email) ? email : ErasedEmail;

    public static void AddMaskingRules(StoreOptions opts)
    {
        var events = opts.Events;
        events.AddMaskingRuleForProtectedInformation<SignatureAdded>(e => Mask(e, (x, d) => x with
        {
            Name = d.EmailOnly || x.Kind == SignatoryKind.Organization ? x.Name : ErasedName,
            FamilyName = d.EmailOnly ? x.FamilyName : null,
            Title = d.EmailOnly ? x.Title : null,
            NameWithheld = x.NameWithheld || (!d.EmailOnly && x.Kind == SignatoryKind.Individual),
            Email = null,
            By = ScrubActor(x.By, d)
        }));
        events.AddMaskingRuleForProtectedInformation<SignatureEmailConfirmed>(e => Mask(e, (x, d) => x with { Email = MaskEmail(x.Email, d), By = ScrubActor(x.By, d) }));
        events.AddMaskingRuleForProtectedInformation<SignerEmailed>(e => Mask(e, (x, d) => x with { Email = MaskEmail(x.Email, d), By = ScrubActor(x.By, d) }));
        events.AddMaskingRuleForProtectedInformation<SignerEmailFailed>(e => Mask(e, (x, d) => x with
            { Email = MaskEmail(x.Email, d), Reason = Scrub(x.Reason, d)!, By = ScrubActor(x.By, d) }));
        events.AddMaskingRuleForProtectedInformation<ReconfirmationEmailed>(e => Mask(e, (x, d) => x with { Email = MaskEmail(x.Email, d), By = ScrubActor(x.By, d) }));
        events.AddMaskingRuleForProtectedInformation<ReconfirmationEmailFailed>(e => Mask(e, (x, d) => x with
            { Email = MaskEmail(x.Email, d), Reason = Scrub(x.Reason, d)!, By = ScrubActor(x.By, d) }));
        events.AddMaskingRuleForProtectedInformation<SignatureWithdrawn>(e => Mask(e, (x, d) => x with { Reason = Scrub(x.Reason, d), By = ScrubActor(x.By, d) }));
        events.AddMaskingRuleForProtectedInformation<SignatureRejected>(e => Mask(e, (x, d) => x with { Reason = Scrub(x.Reason, d), By = ScrubActor(x.By, d) }));
        events.AddMaskingRuleForProtectedInformation<SignatureReconfirmed>(e => Mask(e, (x, d) => x with { By = ScrubActor(x.By, d) }));
        events.AddMaskingRuleForProtectedInformation<SignatureRenewed>(e => Mask(e, (x, d) => x with { By = ScrubActor(x.By, d) }));
        events.AddMaskingRuleForProtectedInformation<SignatureApproved>(e => Mask(e, (x, d) => x with { By = ScrubActor(x.By, d) }));
        events.AddMaskingRuleForProtectedInformation<SignatureConfirmationExpired>(e => Mask(e, (x, d) => x with { By = ScrubActor(x.By, d) }));
    }
}
