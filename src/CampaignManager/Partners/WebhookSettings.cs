namespace CampaignManager.Partners;

/// <summary>Section <c>Webhooks</c>: where webhooks may go, how long a receiver gets to answer, and the retry schedule.</summary>
public sealed class WebhookSettings
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Seven attempts over about 10½ hours, the shape Standard Webhooks suggests: a receiver restarting is caught within
    /// a minute, one down for an afternoon still gets everything.
    /// </summary>
    public static readonly TimeSpan[] DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(8)
    ];

    /// <summary>
    /// Off in production: a staff member who may subscribe a URL must not be able to make the server post to itself,
    /// to the database's host or to a cloud metadata address (server-side request forgery). Tests and a receiver on
    /// the same machine turn it on.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    // null rather than the defaults: the configuration binder appends to an array it finds, it does not replace it
    public TimeSpan[]? RetryDelays { get; set; }

    public IReadOnlyList<TimeSpan> Delays => RetryDelays is { Length: > 0 } configured ? configured : DefaultRetryDelays;
}
