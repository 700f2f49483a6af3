using System.Collections.Frozen;
using System.Linq.Expressions;

namespace CampaignManager.Hosting;

/// <summary>
/// Folds a stream's events in memory through the aggregate's own <c>Create</c> and <c>Apply</c> methods: the ones Marten
/// calls for the inline snapshots. "As of" views and decision tests used to keep a hand-written switch beside those
/// methods, and an event given an <c>Apply</c> but no case there vanished from every past view without a sound. Here
/// there is nothing to forget: a new <c>Apply</c> is folded the moment it exists.
/// </summary>
public static class EventFold<T> where T : class
{
    private static readonly FrozenDictionary<Type, Func<T?, object, T?>> Steps = Discover();
    private static readonly Action<T>? CountVersion = VersionCounter();

    /// <summary>
    /// Like Marten's live aggregation: nothing exists until a creating event, events it has no method for still count
    /// towards <c>Version</c>, and an <c>Apply</c> before any <c>Create</c> is skipped.
    /// </summary>
    public static T? Fold(IEnumerable<object> events)
    {
        T? state = null;
        foreach (var e in events)
        {
            if (Steps.TryGetValue(e.GetType(), out var step)) state = step(state, e);
            if (state is not null) CountVersion?.Invoke(state);
        }
        return state;
    }

    /// <summary>One more event on a state already folded: an endpoint answering with the aggregate its decision made.</summary>
    public static T? Apply(T? state, object e) => Steps.TryGetValue(e.GetType(), out var step) ? step(state, e) : state;

    /// <summary>The event types this aggregate folds; a test holds them against each capability's events.</summary>
    public static IReadOnlyCollection<Type> FoldedEventTypes => Steps.Keys;

    private static FrozenDictionary<Type, Func<T?, object, T?>> Discover()
    {
        var steps = new Dictionary<Type, Func<T?, object, T?>>();
        var state = Expression.Parameter(typeof(T), "state");
        var data = Expression.Parameter(typeof(object), "e");
        foreach (var m in typeof(T).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance))
        {
            if (m.GetParameters() is not [{ ParameterType: var eventType }] || eventType == typeof(object) || eventType.IsInterface) continue;
            var typed = Expression.Convert(data, eventType);
            Expression body;
            if (m is { Name: "Create", IsStatic: true } && m.ReturnType == typeof(T))
                body = Expression.Call(m, typed);
            else if (m is { Name: "Apply", IsStatic: false } && m.ReturnType == typeof(void))
                // Marten ignores an Apply that arrives before the stream's creating event; so does this.
                body = Expression.Condition(Expression.Equal(state, Expression.Constant(null, typeof(T))),
                    Expression.Constant(null, typeof(T)),
                    Expression.Block(Expression.Call(state, m, typed), state));
            else continue;
            steps[eventType] = Expression.Lambda<Func<T?, object, T?>>(body, state, data).Compile();
        }
        return steps.ToFrozenDictionary();
    }

    private static Action<T>? VersionCounter()
    {
        if (typeof(T).GetProperty("Version") is not { PropertyType: var t, CanWrite: true } version || t != typeof(int)) return null;
        var state = Expression.Parameter(typeof(T), "state");
        var property = Expression.Property(state, version);
        return Expression.Lambda<Action<T>>(Expression.Assign(property, Expression.Increment(property)), state).Compile();
    }
}
