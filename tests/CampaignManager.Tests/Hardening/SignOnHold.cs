using CampaignManager.Signatures;

namespace CampaignManager.Tests.Hardening;

/// <summary>
/// Stops sign-ons and other changes to a signature just before they commit (they have read the letter's state, and
/// hold whatever locks they took), so a race test can put a close or finalize exactly into the window that used to
/// let a signature change land after it.
/// </summary>
public sealed class SignOnHold : DocumentSessionListenerBase
{
    private TaskCompletionSource _release = Released();
    private TaskCompletionSource _allHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected = int.MaxValue;
    private int _held;

    /// <summary>From now on every sign-on waits at commit; <see cref="AllHeld"/> completes once <paramref name="signOns"/> wait.</summary>
    public void Arm(int signOns)
    {
        (_expected, _held) = (signOns, 0);
        _allHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public Task AllHeld => _allHeld.Task;

    public void Release() => _release.TrySetResult();

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var release = _release.Task;
        if (release.IsCompleted || !session.PendingChanges.Streams().Any(s => s.Events.Any(e => e.Data is SignatureAdded or SignatureWithdrawn))) return;
        if (Interlocked.Increment(ref _held) == _expected) _allHeld.TrySetResult();
        await release.WaitAsync(token);
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }
}
