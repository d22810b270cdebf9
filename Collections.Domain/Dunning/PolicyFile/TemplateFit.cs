using Collections.Domain.Dunning.Notices;
using System.Text.Json;

namespace Collections.Domain.Dunning.PolicyFile;

/// <summary>
/// A template must not use a merge field that renders empty for the step that sends it: a letter of demand saying
/// "please contact me by " with nothing after it tells the debtor nothing and reads like a threat without a date.
/// </summary>
internal static class TemplateFit
{
    /// <summary>Filled only when a final notice runs: its deadline and the consequence it announces.</summary>
    private static readonly string[] FinalNoticeOnly = ["contactBy", "nextStep"];

    /// <summary>A template that tells the debtor when orders stop needs a policy that stops them by days past due.</summary>
    public static void CheckOrderStopDays(IReadOnlyDictionary<string, MessageTemplate> templates, OrderRules orders,
        Action<string, string> error)
    {
        if (orders.StopAfterDaysPastDue is not null) return;
        foreach (var (name, template) in templates.Where(t => MessageRenderer.FieldsUsed(t.Value).Contains("orderStopDays")))
            error($"$.templates.{name}", "uses {{orderStopDays}}, which is empty without $.orders.stopAfterDaysPastDue: " +
                                          "never tell the debtor of a rule the policy does not have.");
    }

    public static void Check(StepAction action, string name, MessageTemplate template, string path, Action<string, string> error)
    {
        if (action == StepAction.FinalNotice) return;
        foreach (var field in MessageRenderer.FieldsUsed(template).Where(FinalNoticeOnly.Contains))
            error(path, $"'{name}' uses {{{{{field}}}}}, which is empty for a {JsonNamingPolicy.CamelCase.ConvertName(action.ToString())} " +
                        "step: only a final notice has a contact-by deadline and a next step.");
    }
}
