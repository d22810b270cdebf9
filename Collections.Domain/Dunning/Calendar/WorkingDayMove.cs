namespace Collections.Domain.Dunning.Calendar;

/// <summary>
/// Recorded with a step or deadline that was moved off a non-working day, so an auditor sees when it would have
/// fallen and why it did not.
/// </summary>
/// <param name="From">When it would have fallen.</param>
/// <param name="Reason">The days skipped and why each is not a working day, e.g. "Saturday 5 April 2031 is not a working day in DE".</param>
public sealed record WorkingDayMove(DateTimeOffset From, string Reason);

/// <summary>A moment on a working day, and the move that put it there, if any.</summary>
public sealed record WorkingDayTime(DateTimeOffset At, WorkingDayMove? Moved);
