using Marten;

namespace Collections.Api.Infrastructure;

/// <summary>
/// Event timestamps come from the same clock as every domain decision, so "the account as of" a moment and
/// the decisions taken at that moment agree (and tests that move the clock see consistent history).
/// </summary>
public sealed class EventClock(TimeProvider clock) : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) => options.Events.TimeProvider = clock;
}
