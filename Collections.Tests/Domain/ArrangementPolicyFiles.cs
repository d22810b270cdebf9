using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Tests.Domain;

/// <summary>The policy file's <c>promises</c> and <c>paymentPlans</c>: read, defaulted, and every error at its JSON path.</summary>
public class ArrangementPolicyFiles
{
    private static readonly string DefaultJson =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "default.json"));

    private const string Rules = "\"promises\": { \"minimumPercentOfPastDue\": 50, \"maximumHorizon\": \"14d\" },";

    private const string Plans = "\"paymentPlans\": { \"maximumInstalments\": 6, \"maximumHorizon\": \"180d\" },";

    [Fact]
    public void the_default_policy_accepts_half_within_two_weeks_and_plans_of_six_within_half_a_year()
    {
        DefaultPolicy.Policy.Promises.ShouldBe(new PromiseRules(50m, TimeSpan.FromDays(14)));
        DefaultPolicy.Policy.PaymentPlans.ShouldBe(new PaymentPlanRules(6, TimeSpan.FromDays(180)));
    }

    [Fact]
    public void without_the_sections_every_promise_is_accepted_and_plans_have_twelve_instalments_within_a_year()
    {
        DefaultJson.ShouldContain(Rules);
        DefaultJson.ShouldContain(Plans);
        var policy = CreditPolicyParser.Parse(DefaultJson.Replace(Rules, "").Replace(Plans, ""), "p.json").Policy.ShouldNotBeNull();
        policy.Promises.ShouldBe(PromiseRules.None);
        policy.PaymentPlans.ShouldBe(PaymentPlanRules.Default);
        PaymentPlanRules.Default.ShouldBe(new PaymentPlanRules(12, TimeSpan.FromDays(365)));
    }

    [Fact]
    public void out_of_range_values_are_reported_at_their_paths()
    {
        var json = DefaultJson
            .Replace(Rules, "\"promises\": { \"minimumPercentOfPastDue\": 101, \"maximumHorizon\": \"two weeks\" },")
            .Replace(Plans, "\"paymentPlans\": { \"maximumInstalments\": 0, \"maximumHorizon\": \"6 months\" },");
        var errors = CreditPolicyParser.Parse(json, "p.json").Errors;

        errors.ShouldContain("p.json $.promises.minimumPercentOfPastDue: must be between 0 and 100.");
        errors.ShouldContain(e => e.StartsWith("p.json $.promises.maximumHorizon: 'two weeks' is not a duration"));
        errors.ShouldContain("p.json $.paymentPlans.maximumInstalments: must be between 1 and 60.");
        errors.ShouldContain(e => e.StartsWith("p.json $.paymentPlans.maximumHorizon: '6 months' is not a duration"));
    }

    [Fact]
    public void a_misspelt_field_is_an_error_not_a_rule_silently_dropped()
    {
        var errors = CreditPolicyParser.Parse(DefaultJson.Replace("\"minimumPercentOfPastDue\"", "\"minimumShare\""), "p.json").Errors;
        errors.ShouldHaveSingleItem().ShouldContain("'minimumShare' could not be mapped");
    }
}
