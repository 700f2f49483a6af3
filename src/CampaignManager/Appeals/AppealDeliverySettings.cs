namespace CampaignManager.Appeals;

/// <summary>
/// How often a recipient is tried again when the relay is unreachable or busy (<c>Appeals:RedeliveryDelays</c>), on
/// top of the sender's own short retries. Once these run out the recipient is failed and staff may retry it.
/// </summary>
public sealed class AppealDeliverySettings
{
    public const string Section = "Appeals";
    public static readonly TimeSpan[] DefaultRedeliveryDelays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4)];

    // null rather than the defaults: the configuration binder appends to an array it finds, it does not replace it
    public TimeSpan[]? RedeliveryDelays { get; set; }

    public IReadOnlyList<TimeSpan> Delays => RedeliveryDelays is { Length: > 0 } configured ? configured : DefaultRedeliveryDelays;
}
