using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.Dunning.Notices;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collections.Domain.Dunning.PolicyFile;

/// <summary>Reads a credit policy file and checks it whole; every error names its line or JSON path.</summary>
public static partial class CreditPolicyParser
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) }
    };

    private static readonly StepAction[] Consequences =
        [StepAction.CreditHold, StepAction.LetterOfDemand, StepAction.AgencyReferral, StepAction.CreditBureauReport];

    public sealed record Result(CreditPolicy? Policy, IReadOnlyList<string> Errors);

    public static Result Parse(string json, string source)
    {
        PolicyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<PolicyFile>(json, Json);
        }
        catch (JsonException e)
        {
            return new Result(null, [$"{source} line {e.LineNumber + 1}: {e.Message}"]);
        }

        if (file is null) return new Result(null, [$"{source}: the file is empty."]);
        var errors = new List<string>();
        var policy = Build(file, (path, message) => errors.Add($"{source} {path}: {message}"));
        return errors.Count == 0 ? new Result(policy, []) : new Result(null, errors);
    }

    private static CreditPolicy Build(PolicyFile file, Action<string, string> error)
    {
        Required(file.Version, "$.version", error);
        Required(file.Citation, "$.citation", error);
        Required(file.Agency, "$.agency", error);
        Required(file.CreditBureau, "$.creditBureau", error);
        var segments = file.Segments ?? new SegmentRules(0, 0, default);
        if (file.Segments is null) error("$.segments", "is required.");
        if (segments.ChronicLookbackMonths is < 1 or > 60) error("$.segments.chronicLookbackMonths", "must be between 1 and 60.");
        if (segments.LatePaymentsForChronic < 1) error("$.segments.latePaymentsForChronic", "must be 1 or more.");
        var highValue = file.Segments is null ? new Money(0, "") : ParseThreshold(segments.HighValuePastDue, "$.segments.highValuePastDue", error);

        var templates = file.Templates ?? new Dictionary<string, MessageTemplate>();
        foreach (var (name, template) in templates)
        {
            Required(template.Subject, $"$.templates.{name}.subject", error);
            Required(template.Body, $"$.templates.{name}.body", error);
            foreach (var field in MessageRenderer.UnknownFields(template))
                error($"$.templates.{name}", $"uses the unknown merge field {{{{{field}}}}}; known: {string.Join(", ", MessageRenderer.Fields)}.");
            foreach (var problem in TemplateWording.Problems(template, file.Orders?.StopAfterDaysPastDue)) error($"$.templates.{name}", problem);
        }

        var staff = BuildStaff(file.Staff, error);
        var senders = BuildSenders(file.Senders, staff, error);

        var ladders = new Dictionary<CollectionSegment, Ladder>();
        foreach (var segment in Enum.GetValues<CollectionSegment>())
        {
            var path = $"$.ladders.{JsonNamingPolicy.CamelCase.ConvertName(segment.ToString())}";
            if (file.Ladders is null || !file.Ladders.TryGetValue(segment, out var ladder))
                error(path, "is required.");
            else
                ladders[segment] = BuildLadder(ladder, path, templates, error);
        }

        var orders = OrderRules.From(file.Orders, error);
        TemplateFit.CheckOrderStopDays(templates, orders, error);

        return new CreditPolicy(file.Version, file.Citation, segments.ChronicLookbackMonths,
            segments.LatePaymentsForChronic, highValue,
            ParseDuration(file.PromiseGrace ?? "0d", "$.promiseGrace", error), file.ReleaseHoldOnFullPayment,
            file.Agency, file.CreditBureau, senders, ladders, templates)
        {
            WriteOffApproval = BuildWriteOffApproval(file.WriteOffs, error),
            Calendar = BuildCalendar(file, error),
            Notices = BuildNoticeRules(file.FinalNotices, error),
            UnappliedCredit = file.UnappliedCredit ?? UnappliedCreditRule.Apply,
            Orders = orders,
            Staff = staff,
            MissingContacts = BuildMissingContacts(file.MissingContacts, ladders, templates, error),
            Promises = BuildPromiseRules(file.Promises, error),
            PaymentPlans = BuildPaymentPlanRules(file.PaymentPlans, error)
        };
    }

    private static WriteOffApproval BuildWriteOffApproval(WriteOffFile? file, Action<string, string> error)
    {
        if (file?.SecondApprovalAbove is not { } limits) return WriteOffApproval.AlwaysTwo;
        foreach (var (currency, limit) in limits)
        {
            var path = $"$.writeOffs.secondApprovalAbove.{currency}";
            if (!CurrencyCode.IsKnown(currency)) error(path, "is not an ISO 4217 currency code.");
            if (limit < 0) error(path, "must be zero or more.");
        }

        return new WriteOffApproval(limits);
    }

    private static NoticeRules BuildNoticeRules(NoticeFile? file, Action<string, string> error)
    {
        if (file is null) return NoticeRules.Default;
        var contact = file.ContactThatCounts;
        if (contact is not null)
        {
            if (contact.Directions is not { Count: > 0 }) error("$.finalNotices.contactThatCounts.directions", "must name at least one direction.");
            if (contact.Channels is not { Count: > 0 }) error("$.finalNotices.contactThatCounts.channels", "must name at least one channel.");
            if (contact.Outcomes is not { Count: > 0 }) error("$.finalNotices.contactThatCounts.outcomes", "must name at least one outcome.");
        }

        var delivery = new Dictionary<Channel, PolicyDuration>();
        foreach (var (channel, text) in file.DeliveryTime ?? [])
            delivery[channel] = ParseDuration(text, $"$.finalNotices.deliveryTime.{Camel<Channel>(channel)}", error);
        return new NoticeRules(
            contact is null
                ? ContactThatCounts.Default
                : new ContactThatCounts((contact.Directions ?? []).ToHashSet(), (contact.Channels ?? []).ToHashSet(), (contact.Outcomes ?? []).ToHashSet()),
            file.FollowUpGrace is { } grace ? ParseDuration(grace, "$.finalNotices.followUpGrace", error) : NoticeRules.Default.FollowUpGrace,
            file.DeliveryTime is null ? NoticeRules.Default.DeliveryTime : delivery);
    }

    private static Ladder BuildLadder(LadderFile ladder, string path, IReadOnlyDictionary<string, MessageTemplate> templates,
        Action<string, string> error)
    {
        var files = ladder.Steps ?? [];
        if (files.Count == 0) error($"{path}.steps", "must have at least one step.");
        var steps = new List<PolicyStep>();
        for (var i = 0; i < files.Count; i++)
        {
            var at = $"{path}.steps[{i}]";
            var step = files[i];
            var previous = i > 0 ? files[i - 1] : null;
            var runsAtDeadline = previous?.Action == StepAction.FinalNotice;

            Required(step.Id, $"{at}.id", error);
            if (files.Take(i).Any(s => s.Id == step.Id)) error($"{at}.id", $"'{step.Id}' is used by an earlier step.");
            Defined(step.Channel, $"{at}.channel", error);
            Defined(step.Sender, $"{at}.sender", error);
            Defined(step.Recipient, $"{at}.recipient", error);
            Defined(step.Action, $"{at}.action", error);

            if (step.Action is StepAction.Reminder or StepAction.PhoneCall or StepAction.FinalNotice or StepAction.LetterOfDemand)
            {
                if (string.IsNullOrWhiteSpace(step.Template)) error($"{at}.template", $"is required for a {step.Action} step.");
                else if (!templates.TryGetValue(step.Template, out var template)) error($"{at}.template", $"names no template in $.templates: '{step.Template}'.");
                else TemplateFit.Check(step.Action, step.Template, template, $"{at}.template", error);
            }

            if (runsAtDeadline)
            {
                if (step.After is not null || step.At is not null)
                    error($"{at}.after", "must be left out: the step after a final notice runs at the deadline it announced.");
                if (step.Action != previous!.Consequence)
                    error($"{at}.action", $"must be '{Camel<StepAction>(previous.Consequence)}', the consequence the final notice before it announces.");
            }
            else if (step.After is null) error($"{at}.after", "is required (e.g. \"3d\", \"48h\", \"30s\").");

            if (i == 0 && step.From == StepAnchor.PreviousStep) error($"{at}.from", "the first step counts from the due date.");
            if (!runsAtDeadline && step.From == 0) error($"{at}.from", "is required: dueDate or previousStep.");

            PolicyDuration? window = null;
            if (step.Action == StepAction.FinalNotice)
            {
                if (step.ResponseWindow is null) error($"{at}.responseWindow", "is required for a final notice (e.g. \"48h\").");
                else window = ParseDuration(step.ResponseWindow, $"{at}.responseWindow", error);
                if (step.Consequence is not { } consequence || !Consequences.Contains(consequence))
                    error($"{at}.consequence", $"must be one of {string.Join(", ", Consequences.Select(c => Camel<StepAction>(c)))}.");
                else if (i == files.Count - 1)
                    error($"{at}.consequence", "needs a following step that carries it out: never announce what will not be done.");
            }
            else if (step.Consequence is not null) error($"{at}.consequence", "only a final notice announces a consequence.");

            steps.Add(new PolicyStep(step.Id, ParseDuration(step.After ?? "0s", $"{at}.after", error),
                step.From == 0 ? StepAnchor.PreviousStep : step.From, ParseTime(step.At, $"{at}.at", error), step.Channel,
                step.Template, step.Sender, step.Recipient, step.Action, window, step.Consequence)
            {
                RunsAtDeadline = runsAtDeadline
            });
        }

        if (ladder.ResumeAfterBrokenPromiseAt is { } resume && files.All(s => s.Id != resume))
            error($"{path}.resumeAfterBrokenPromiseAt", $"names no step of this ladder: '{resume}'.");
        return new Ladder(steps, ladder.ResumeAfterBrokenPromiseAt);
    }

    private static PolicyDuration ParseDuration(string text, string path, Action<string, string> error)
    {
        if (PolicyDuration.TryParse(text, out var duration)) return duration;
        error(path, $"'{text}' is not a duration like \"3d\", \"2wd\", \"48h\", \"15m\" or \"30s\".");
        return PolicyDuration.Seconds(0);
    }

    private static TimeOnly? ParseTime(string? text, string path, Action<string, string> error)
    {
        if (text is null) return null;
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        error(path, $"'{text}' is not a time of day like \"09:00\".");
        return null;
    }

    private static void Required(string? value, string path, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(value)) error(path, "is required.");
    }

    private static void Defined<TEnum>(TEnum value, string path, Action<string, string> error) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value)) error(path, $"is required: one of {string.Join(", ", Enum.GetValues<TEnum>().Select(v => Camel<TEnum>(v)))}.");
    }

    private static string Camel<TEnum>(TEnum? value) where TEnum : struct, Enum =>
        value is null ? "" : JsonNamingPolicy.CamelCase.ConvertName(value.Value.ToString());

    private sealed record SegmentRules(int ChronicLookbackMonths, int LatePaymentsForChronic, JsonElement HighValuePastDue);

    private sealed record StepFile(string Id, string? After, StepAnchor From, string? At, Channel Channel, string? Template,
        SenderRole Sender, ContactRole Recipient, StepAction Action, string? ResponseWindow, StepAction? Consequence);

    private sealed record LadderFile(string? ResumeAfterBrokenPromiseAt, IReadOnlyList<StepFile>? Steps);

    private sealed record PolicyFile(
        string Version,
        string Citation,
        SegmentRules? Segments,
        string? PromiseGrace,
        bool ReleaseHoldOnFullPayment,
        string Agency,
        string CreditBureau,
        Dictionary<SenderRole, string>? Senders,
        Dictionary<CollectionSegment, LadderFile>? Ladders,
        Dictionary<string, MessageTemplate>? Templates,
        WriteOffFile? WriteOffs = null,
        CalendarFile? Calendar = null,
        NoticeFile? FinalNotices = null,
        UnappliedCreditRule? UnappliedCredit = null,
        OrderRulesFile? Orders = null,
        Dictionary<string, StaffFile>? Staff = null,
        MissingContactsFile? MissingContacts = null,
        PromisesFile? Promises = null,
        PaymentPlansFile? PaymentPlans = null);

    private sealed record WriteOffFile(Dictionary<string, decimal>? SecondApprovalAbove);

    private sealed record ContactFile(List<ContactDirection>? Directions, List<Channel>? Channels, List<ContactOutcome>? Outcomes);

    private sealed record NoticeFile(ContactFile? ContactThatCounts, string? FollowUpGrace, Dictionary<Channel, string>? DeliveryTime);
}
