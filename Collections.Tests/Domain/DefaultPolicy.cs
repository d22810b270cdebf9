using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Tests.Domain;

public static class DefaultPolicy
{
    public static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, "policies", "default.json");

    public static readonly CreditPolicy Policy = Load();

    /// <summary>
    /// The default ladders with every day a working day: for tests of the ladder's own rules, whose days are then
    /// plain offsets from the due date. What the calendar changes is tested with <see cref="Policy"/> (WorkingDayLadders).
    /// </summary>
    public static readonly CreditPolicy EveryDayWorked = Policy with { Calendar = CalendarRules.EveryDay };

    private static CreditPolicy Load()
    {
        var result = CreditPolicyParser.Parse(File.ReadAllText(Path), Path);
        result.Errors.ShouldBeEmpty();
        return result.Policy!;
    }
}
