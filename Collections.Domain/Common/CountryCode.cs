using System.Globalization;

namespace Collections.Domain.Common;

/// <summary>ISO 3166-1 alpha-2 country codes, as the debtor's country and the credit policy's calendar name them.</summary>
public static class CountryCode
{
    /// <summary>
    /// Two capital letters that name a region ICU knows (.NET's <see cref="RegionInfo"/>, from the Unicode CLDR data the
    /// runtime ships with), so no list of our own has to be kept up to date. "de" and "UK" are refused: ISO writes "DE", "GB".
    /// </summary>
    public static bool IsKnown(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper)) return false;
        try
        {
            return new RegionInfo(code).TwoLetterISORegionName == code;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
