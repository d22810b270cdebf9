using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Tests.Domain;

/// <summary>The policy's <c>orders</c> section, and merge fields that would render empty for the step that sends them.</summary>
public class OrderAndMergeFieldPolicyFiles
{
    private static readonly string DefaultJson =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "default.json"));

    private const string Orders = """  "orders": { "stopWithAgency": true, "stopAfterDaysPastDue": 14 },""";

    private static IReadOnlyList<string> Errors(string json) => CreditPolicyParser.Parse(json, "p.json").Errors;

    [Fact]
    public void without_an_orders_section_only_a_hold_or_a_write_off_stops_orders()
    {
        DefaultJson.ShouldContain(Orders);
        var json = DefaultJson.Replace(Orders, "").Replace(" under {{policyCitation}} orders stop once an invoice is more than {{orderStopDays}} days past due, unless a payment date is agreed.", "");
        var result = CreditPolicyParser.Parse(json, "p.json");
        result.Errors.ShouldBeEmpty();
        result.Policy!.Orders.ShouldBe(OrderRules.HoldOrWriteOffOnly);
    }

    [Fact]
    public void the_days_limit_is_checked_and_named_by_its_path()
    {
        Errors(DefaultJson.Replace(Orders, """  "orders": { "stopAfterDaysPastDue": -1 },"""))
            .ShouldHaveSingleItem().ShouldBe("p.json $.orders.stopAfterDaysPastDue: must be between 0 and 3650 days.");
        Errors(DefaultJson.Replace(Orders, """  "orders": { "stopAfterDays": 14 },"""))
            .ShouldHaveSingleItem().ShouldContain("'stopAfterDays' could not be mapped");
    }

    [Fact]
    public void an_order_limit_of_one_day_may_not_be_written_as_1_days()
    {
        Errors(DefaultJson.Replace(Orders, """  "orders": { "stopWithAgency": true, "stopAfterDaysPastDue": 1 },"""))
            .ShouldHaveSingleItem().ShouldBe("p.json $.templates.call-script: writes \"{{orderStopDays}} days\", which reads \"1 days\" " +
                                             "with $.orders.stopAfterDaysPastDue 1: write \"one day\" in the text, or choose more days.");
        Errors(DefaultJson.Replace(Orders, """  "orders": { "stopWithAgency": true, "stopAfterDaysPastDue": 2 },""")).ShouldBeEmpty();
    }

    [Fact]
    public void a_message_may_not_tell_of_an_order_limit_the_policy_does_not_have()
    {
        var errors = Errors(DefaultJson.Replace(Orders, """  "orders": { "stopWithAgency": true },"""));
        errors.ShouldHaveSingleItem().ShouldStartWith(
            "p.json $.templates.call-script: uses {{orderStopDays}}, which is empty without $.orders.stopAfterDaysPastDue");
    }

    [Fact]
    public void a_letter_of_demand_may_not_use_the_final_notices_fields()
    {
        var json = DefaultJson.Replace("This demand is made under {{policyCitation}}.",
            "This demand is made under {{policyCitation}}. Contact me by {{contactBy}} to avoid {{nextStep}}.");
        var errors = Errors(json);

        errors.Count.ShouldBe(2);
        errors.ShouldContain("p.json $.ladders.highValue.steps[5].template: 'letter-of-demand' uses {{contactBy}}, which is empty for a " +
                             "letterOfDemand step: only a final notice has a contact-by deadline and a next step.");
        errors.ShouldContain(e => e.StartsWith("p.json $.ladders.highValue.steps[5].template: 'letter-of-demand' uses {{nextStep}}"));
    }

    [Fact]
    public void a_reminder_sharing_a_template_with_a_final_notice_is_named_where_it_uses_it()
    {
        var json = DefaultJson.Replace("\"template\": \"friendly-email\"", "\"template\": \"final-notice\"");
        var errors = Errors(json);
        errors.Count.ShouldBe(2); // {{contactBy}} and {{nextStep}}, at the reminder only: the final notices may use them
        errors.ShouldAllBe(e => e.StartsWith("p.json $.ladders.firstTimeLatePayer.steps[1].template: 'final-notice' uses {{"));
    }
}
