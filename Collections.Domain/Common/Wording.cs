using System.Globalization;

namespace Collections.Domain.Common;

/// <summary>Numbers in the prose of messages and reasons. By hand: one English noun does not need a pluralisation library.</summary>
public static class Wording
{
    /// <summary>"1 day", "23 days": never "1 days" in a letter to a debtor.</summary>
    public static string Days(int n) => n.ToString(CultureInfo.InvariantCulture) + (n == 1 ? " day" : " days");
}
