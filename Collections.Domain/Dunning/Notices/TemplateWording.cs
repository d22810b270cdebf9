using Collections.Domain.Dunning.PolicyFile;
using System.Text.RegularExpressions;

namespace Collections.Domain.Dunning.Notices;

/// <summary>Template text that would read wrongly for some accounts, found when the policy is loaded rather than in a letter.</summary>
public static partial class TemplateWording
{
    [GeneratedRegex(@"\{\{\s*oldestDaysPastDue\s*\}\}\s+days?\b")]
    private static partial Regex BareNumberOfDays();

    public static IEnumerable<string> Problems(MessageTemplate template)
    {
        if (BareNumberOfDays().IsMatch(template.Subject + "\n" + template.Body))
            yield return "writes \"{{oldestDaysPastDue}} days\", which reads \"1 days\" for an invoice one day past due: " +
                         "write {{oldestPastDue}} (\"1 day\", \"23 days\").";
    }
}
