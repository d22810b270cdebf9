using System.Reflection;
using Collections.Api.Integration.Contract;
using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Tests.Support;

namespace Collections.Tests.Integration;

public class ContractCoverage
{
    public static TheoryData<Type> EventTypes => new(AccountEvents.All);

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void every_account_event_has_a_public_contract(Type eventType)
    {
        var data = ContractMapping.ToContract(Sample(eventType));
        ContractMapping.DataTypes.ShouldContain(data.GetType());
        data.GetType().Name.ShouldEndWith("V1");
        File.ReadAllText(Path.Combine(Repository.Root, "docs", "events.md")).ShouldContain(ContractMapping.TypeOf(data.GetType()));
    }

    /// <summary>An instance with plausible values in every constructor parameter.</summary>
    private static object Sample(Type type)
    {
        if (type == typeof(string)) return "x";
        if (type == typeof(decimal)) return 1m;
        if (type == typeof(int) || type == typeof(long)) return Convert.ChangeType(1, type);
        if (type == typeof(bool)) return false;
        if (type == typeof(DateOnly)) return new DateOnly(2026, 11, 23);
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        if (type == typeof(TimeSpan)) return TimeSpan.FromHours(1);
        if (type == typeof(Money)) return new Money(1m, "EUR");
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0)!;
        if (Nullable.GetUnderlyingType(type) is { } inner) return Sample(inner);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var list = Array.CreateInstance(type.GetGenericArguments()[0], 1);
            list.SetValue(Sample(type.GetGenericArguments()[0]), 0);
            return list;
        }

        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke(constructor.GetParameters().Select(p => Sample(p.ParameterType)).ToArray());
    }
}
