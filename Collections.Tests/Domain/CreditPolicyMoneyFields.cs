using Collections.Domain.Common;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Tests.Domain;

/// <summary>The policy's money fields: thresholds that name their currency, and what to do with unapplied credit.</summary>
public class CreditPolicyMoneyFields
{
    private static readonly string DefaultJson =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "default.json"));

    private const string HighValue = "\"highValuePastDue\": { \"amount\": 25000, \"currency\": \"EUR\" }";

    private static IReadOnlyList<string> Errors(string json) => CreditPolicyParser.Parse(json, "p.json").Errors;

    [Fact]
    public void the_default_policy_measures_high_value_in_euros_and_applies_credit()
    {
        DefaultPolicy.Policy.HighValuePastDue.ShouldBe(new Money(25_000m, "EUR"));
        DefaultPolicy.Policy.UnappliedCredit.ShouldBe(UnappliedCreditRule.Apply);
    }

    [Fact]
    public void a_threshold_without_its_currency_is_refused_with_the_form_to_write()
    {
        DefaultJson.ShouldContain(HighValue);
        Errors(DefaultJson.Replace(HighValue, "\"highValuePastDue\": 25000")).ShouldHaveSingleItem()
            .ShouldBe("p.json $.segments.highValuePastDue: must name its currency, e.g. { \"amount\": 25000, \"currency\": \"EUR\" }.");
    }

    [Fact]
    public void a_thresholds_currency_and_amount_are_checked()
    {
        var errors = Errors(DefaultJson.Replace(HighValue, "\"highValuePastDue\": { \"amount\": 0, \"currency\": \"Euro\" }"));
        errors.ShouldContain("p.json $.segments.highValuePastDue.currency: is required: an ISO 4217 currency code such as \"EUR\".");
        errors.ShouldContain("p.json $.segments.highValuePastDue.amount: must be greater than zero.");
        Errors(DefaultJson.Replace(HighValue, "\"highValuePastDue\": { \"amount\": 1, \"currency\": \"EUR\", \"perCurrency\": true }"))
            .ShouldHaveSingleItem().ShouldStartWith("p.json $.segments.highValuePastDue: The JSON property 'perCurrency'");
        Errors(DefaultJson.Replace(HighValue + "\n", "")).ShouldHaveSingleItem().ShouldContain("$.segments.highValuePastDue: is required");
    }

    [Fact]
    public void credit_can_be_only_netted_and_nothing_else()
    {
        const string apply = "\"unappliedCredit\": \"apply\",";
        DefaultJson.ShouldContain(apply);
        CreditPolicyParser.Parse(DefaultJson.Replace(apply, "\"unappliedCredit\": \"net\","), "p.json").Policy!
            .UnappliedCredit.ShouldBe(UnappliedCreditRule.Net);
        CreditPolicyParser.Parse(DefaultJson.Replace(apply, ""), "p.json").Policy!.UnappliedCredit.ShouldBe(UnappliedCreditRule.Apply);
        Errors(DefaultJson.Replace(apply, "\"unappliedCredit\": \"ignore\",")).ShouldHaveSingleItem().ShouldContain("$.unappliedCredit");
    }
}
