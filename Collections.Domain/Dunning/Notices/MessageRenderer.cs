using Collections.Domain.Dunning.PolicyFile;
using System.Text.RegularExpressions;

namespace Collections.Domain.Dunning.Notices;

/// <summary>Fills <c>{{field}}</c> merge fields. The rendered text is stored in the event, so auditors read what was sent.</summary>
public static partial class MessageRenderer
{
    public static readonly IReadOnlyList<string> Fields =
    [
        "accountNumber", "debtorName", "contactName", "contactRole", "invoiceLines", "totalDue", "lateFeeLines",
        "oldestDaysPastDue", "contactBy", "nextStep", "policyCitation", "senderName", "senderTitle", "today",
        "orderStopDays"
    ];

    [GeneratedRegex(@"\{\{\s*(\w+)\s*\}\}")]
    private static partial Regex MergeField();

    public static IEnumerable<string> FieldsUsed(MessageTemplate template) =>
        MergeField().Matches(template.Subject + "\n" + template.Body).Select(m => m.Groups[1].Value).Distinct();

    public static IEnumerable<string> UnknownFields(MessageTemplate template) => FieldsUsed(template).Where(f => !Fields.Contains(f));

    public static RenderedMessage Render(MessageTemplate template, IReadOnlyDictionary<string, string> values) =>
        new(Fill(template.Subject, values), Fill(template.Body, values));

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        MergeField().Replace(text, m => values.GetValueOrDefault(m.Groups[1].Value, ""));
}

public sealed record RenderedMessage(string Subject, string Body)
{
    public override string ToString() => $"{Subject}\n\n{Body}";
}
