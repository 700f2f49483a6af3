namespace CampaignManager.Hosting;

/// <summary>
/// A document a command names by id in its body (the letter to attach, the target whose position it records), loaded
/// in the endpoint's <c>LoadAsync</c> for <c>Validate</c> and <c>Post</c>. Wrapped so Wolverine does not try to bind the
/// document itself from the query string.
/// </summary>
public record Reference<T>(Guid? Id, T? Found) where T : class
{
    public static async Task<Reference<T>> LoadAsync(Guid? id, IQuerySession session, CancellationToken token) =>
        new(id, id is { } key ? await session.LoadAsync<T>(key, token) : null);
}
