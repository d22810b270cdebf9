using Collections.Domain.Dunning.PolicyFile;
using System.Text.RegularExpressions;

namespace Collections.Domain.Dunning.Notices;

/// <summary>Template text that would read wrongly for some accounts, found when the policy is loaded rather than in a letter.</summary>
public static partial class TemplateWording
{
    [GeneratedRegex(@"\{\{\s*oldestDaysPastDue\s*\}\}\s+days?\b")]
    private static partial Regex BareNumberOfDays();

    [GeneratedRegex(@"\{\{\s*orderStopDays\s*\}\}\s+days\b")]
    private static partial Regex OrderStopInDays();

    /// <param name="orderStopDays">The policy's <c>orders.stopAfterDaysPastDue</c>, which <c>{{orderStopDays}}</c> renders.</param>
    public static IEnumerable<string> Problems(MessageTemplate template, int? orderStopDays)
    {
        var text = template.Subject + "\n" + template.Body;
        if (BareNumberOfDays().IsMatch(text))
            yield return "writes \"{{oldestDaysPastDue}} days\", which reads \"1 days\" for an invoice one day past due: " +
                         "write {{oldestPastDue}} (\"1 day\", \"23 days\").";
        if (orderStopDays == 1 && OrderStopInDays().IsMatch(text))
            yield return "writes \"{{orderStopDays}} days\", which reads \"1 days\" with $.orders.stopAfterDaysPastDue 1: " +
                         "write \"one day\" in the text, or choose more days.";
    }
}
