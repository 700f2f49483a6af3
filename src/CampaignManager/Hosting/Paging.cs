namespace CampaignManager.Hosting;

/// <summary>One page of a list, with the total so the client can page.</summary>
public record PageOf<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize);

/// <summary>The one rule every numbered list applies to <c>page</c> and <c>pageSize</c>.</summary>
public static class Paging
{
    /// <summary>Large enough for the 193 UN member-state missions on one page.</summary>
    public const int MaxPageSize = 200;

    public static FieldErrors PageAndSize(this FieldErrors errors, int? page, int? pageSize) => errors
        .When(page < 1, "page", "must be 1 or more")
        .When(pageSize is < 1 or > MaxPageSize, "pageSize", $"must be between 1 and {MaxPageSize}");
}
