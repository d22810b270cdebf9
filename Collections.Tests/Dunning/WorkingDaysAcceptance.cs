using Alba;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Tests.Support;
using System.Text.Json;

namespace Collections.Tests.Dunning;

/// <summary>
/// The default policy's working days through the real saga in virtual time: Monday to Friday, the public holidays of
/// the debtor's country (Germany unless the account names another), and our closure at the end of December.
/// </summary>
public class WorkingDaysAcceptance(AppFixture fixture) : EscalationContext(fixture)
{
    private const string Address = "1 Hauptstrasse, 10115 Berlin";

    private static DateTimeOffset Local(int month, int day, int hour, int offset) =>
        new(2031, month, day, hour, 0, 0, TimeSpan.FromHours(offset));

    /// <summary>An account in Berlin (or <paramref name="timeZone"/>) with one invoice due on <paramref name="due"/>.</summary>
    private async Task OpenWithInvoiceDue(DateOnly due, decimal amount = 1200m, string? country = null, string timeZone = "Europe/Berlin")
    {
        Timeline = new Timeline(Host, Clock);
        await Timeline.Http(x =>
        {
            x.Put.Json(new
            {
                debtorName = "Acme Widgets GmbH", timeZone, country,
                terms = new { netDays = 30, currency = "EUR" },
                contacts = new object[]
                {
                    new { contactId = "ap", name = "Ada Clerk", role = "apClerk", email = "ap@acme.test", postalAddress = Address },
                    new { contactId = "ctl", name = "Cleo Control", role = "controller", email = "ctl@acme.test", postalAddress = Address },
                    new { contactId = "cfo", name = "Carl Finance", role = "cfo", email = "cfo@acme.test", phone = "+49 30 1234", postalAddress = Address },
                    new { contactId = "own", name = "Otto Owner", role = "owner", email = "own@acme.test", postalAddress = Address }
                },
                collector = "collector-1"
            }).ToUrl(AccountUrl);
            x.StatusCodeShouldBe(201);
        });
        await Command("invoices", new { invoiceNumber = "INV-7", amount, currency = "EUR", issueDate = due.AddDays(-30), dueDate = due });
    }

    /// <summary>Two invoices paid late in the past year: the account climbs the chronic late payer's ladder.</summary>
    private async Task PaidLateTwice()
    {
        foreach (var (n, due) in new[] { (1, new DateOnly(2030, 10, 1)), (2, new DateOnly(2030, 12, 1)) })
        {
            await Command("invoices", new { invoiceNumber = $"OLD-{n}", amount = 100m, currency = "EUR", issueDate = due.AddDays(-30), dueDate = due });
            await Command("payments", new
            {
                paymentId = $"P-OLD-{n}", amount = 100m, currency = "EUR", receivedAt = due.AddDays(20).ToDateTime(TimeOnly.MinValue),
                appliedTo = new[] { new { invoiceNumber = $"OLD-{n}", amount = 100m } }
            });
        }
    }

    [Fact]
    public async Task a_call_that_falls_on_saturday_is_planned_for_monday()
    {
        // High value: the letter goes out on Thursday 20 March; its call "2d at 10:00" later would be Saturday.
        await OpenWithInvoiceDue(new DateOnly(2031, 3, 19), amount: 30_000m);
        await Timeline.RunUntil(Local(3, 22, 12, 1));

        var planned = (await Events<DunningStepScheduled>()).Single(s => s.StepId == "controller-call");
        planned.DueAt.ShouldBe(Local(3, 24, 10, 1));
        planned.Moved.ShouldNotBeNull().From.ShouldBe(Local(3, 22, 10, 1));
        planned.Moved.Reason.ShouldContain("Saturday 22 March 2031 is not a working day in DE");

        // The account shows the next step where it now falls, and why.
        var nextStep = (await AccountJson()).GetProperty("dunning").GetProperty("nextStep");
        nextStep.GetProperty("dueAt").GetDateTimeOffset().ShouldBe(Local(3, 24, 10, 1));
        nextStep.GetProperty("moved").GetProperty("reason").GetString()!.ShouldContain("Sunday 23 March 2031");
        (await Events<CollectionTaskCreated>()).ShouldNotContain(t => t.StepId == "controller-call");

        await Timeline.RunUntil(Local(3, 24, 12, 1));
        (await Events<CollectionTaskCreated>()).Single(t => t.StepId == "controller-call").DueAt.ShouldBe(Local(3, 24, 10, 1));
    }

    [Fact]
    public async Task a_48h_notice_emailed_before_easter_runs_out_on_the_tuesday_after()
    {
        // First-time ladder, its final notice an email to the CFO: Wednesday 9 April at 13:00, 48 hours to Good Friday.
        await OpenWithInvoiceDue(new DateOnly(2031, 3, 11));
        await Timeline.RunUntil(Local(4, 12, 18, 2));

        var notice = (await Events<ReminderSent>()).Single(r => r.StepId == "final-notice");
        notice.SentAt.ShouldBe(Local(4, 9, 13, 2));
        notice.Subject.ShouldContain("by 1:00 pm on Tuesday, 15 April 2031 (Europe/Berlin)");
        notice.RenderedText.ShouldContain("Please contact me by 1:00 pm on Tuesday, 15 April 2031 (Europe/Berlin)");

        var obligation = (await Events<ObligationRecorded>()).ShouldHaveSingleItem();
        obligation.Deadline.ShouldBe(Local(4, 15, 13, 2));
        obligation.DeadlineMoved.ShouldNotBeNull().From.ShouldBe(Local(4, 11, 13, 2));
        obligation.DeadlineMoved.Reason.ShouldContain("Friday 11 April 2031 is a public holiday in DE (Karfreitag)");
        (await Events<CreditHoldPlaced>()).ShouldBeEmpty(); // Good Friday 13:00 has passed: nothing is done over Easter

        var listed = (await Obligations("status=open")).GetProperty("items")[0];
        listed.GetProperty("deadline").GetDateTimeOffset().ShouldBe(Local(4, 15, 13, 2));
        listed.GetProperty("deadlineMoved").GetProperty("from").GetDateTimeOffset().ShouldBe(Local(4, 11, 13, 2));

        await Timeline.RunUntil(Local(4, 15, 14, 2));
        (await Events<CreditHoldPlaced>()).ShouldHaveSingleItem().PlacedAt.ShouldBe(Local(4, 15, 13, 2));
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_certified_notice_posted_on_wednesday_runs_out_on_monday_not_sunday()
    {
        // Chronic ladder: the final notice, a certified letter, is ready on Monday 17 March at 13:00 for a person to post.
        await OpenWithInvoiceDue(new DateOnly(2031, 3, 4));
        await PaidLateTwice();
        await Timeline.RunUntil(Local(3, 19, 11, 1));
        (await Events<DunningStarted>()).ShouldHaveSingleItem().Segment.ShouldBe(CollectionSegment.ChronicLatePayer);
        var waiting = (await Events<FinalNoticeAwaitingDispatch>()).ShouldHaveSingleItem();
        waiting.PreparedAt.ShouldBe(Local(3, 17, 13, 1));

        // Posted on Wednesday at 11:00: "2d" in the post to Friday, then 48 hours to Sunday 11:00.
        await Command($"tasks/{waiting.TaskId}/completion", new { note = "posted, certified" });
        var notice = (await Events<ReminderSent>()).Single(r => r.StepId == "final-notice");
        notice.SentAt.ShouldBe(Local(3, 19, 11, 1));
        notice.RenderedText.ShouldContain("Please contact me by 11:00 am on Monday, 24 March 2031 (Europe/Berlin)");

        var obligation = (await Events<ObligationRecorded>()).ShouldHaveSingleItem();
        obligation.Deadline.ShouldBe(Local(3, 24, 11, 1));
        obligation.DeadlineMoved.ShouldNotBeNull().From.ShouldBe(Local(3, 23, 11, 1));
        obligation.DeadlineMoved.Reason.ShouldBe("moved to the next working day: Sunday 23 March 2031 is not a working day in DE");

        await Timeline.RunUntil(Local(3, 23, 18, 1));
        (await Events<CreditHoldPlaced>()).ShouldBeEmpty();
        await Timeline.RunUntil(Local(3, 24, 12, 1));
        (await Events<CreditHoldPlaced>()).ShouldHaveSingleItem().PlacedAt.ShouldBe(Local(3, 24, 11, 1));
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_debtor_in_great_britain_hears_nothing_on_a_uk_bank_holiday()
    {
        // Due Sunday 4 May; the letter "1d at 09:00" would go out on the Early May bank holiday.
        await OpenWithInvoiceDue(new DateOnly(2031, 5, 4), country: "GB", timeZone: "Europe/London");
        var account = await AccountJson();
        account.GetProperty("country").GetString().ShouldBe("GB");
        var workingDays = account.GetProperty("workingDays");
        workingDays.GetProperty("country").GetString().ShouldBe("GB");
        workingDays.GetProperty("countryFrom").GetString().ShouldBe("account");
        workingDays.GetProperty("publicHolidays").GetString().ShouldBe("library");

        await Timeline.RunUntil(Local(5, 6, 12, 1));
        var letter = (await Events<ReminderSent>()).ShouldHaveSingleItem();
        letter.SentAt.ShouldBe(Local(5, 6, 9, 1));
        letter.RenderedText.ShouldContain("due 2031-05-04, 2 days past due");
        (await Events<DunningStepScheduled>()).First().Moved!.Reason.ShouldContain("Monday 5 May 2031 is a public holiday in GB");
    }

    [Fact]
    public async Task an_account_without_a_country_keeps_the_policy_default_and_shows_its_coming_days_off()
    {
        Clock.Now = Local(4, 9, 9, 2); // Wednesday before Easter
        await OpenWithInvoiceDue(new DateOnly(2031, 4, 30));

        var account = await AccountJson();
        account.GetProperty("country").ValueKind.ShouldBe(JsonValueKind.Null);
        var workingDays = account.GetProperty("workingDays");
        workingDays.GetProperty("country").GetString().ShouldBe("DE");
        workingDays.GetProperty("countryFrom").GetString().ShouldBe("policy");
        workingDays.GetProperty("workingWeek").EnumerateArray().Select(d => d.GetString())
            .ShouldBe(["monday", "tuesday", "wednesday", "thursday", "friday"]);
        var coming = workingDays.GetProperty("coming").EnumerateArray()
            .ToDictionary(d => d.GetProperty("date").GetString()!, d => d.GetProperty("reason").GetString());
        coming.Keys.ShouldBe(["2031-04-11", "2031-04-12", "2031-04-13", "2031-04-14", "2031-04-19", "2031-04-20"]);
        coming["2031-04-11"].ShouldBe("a public holiday in DE (Karfreitag)");
    }

    [Fact]
    public async Task a_country_that_is_not_an_iso_code_is_refused_and_nothing_is_written()
    {
        Timeline = new Timeline(Host, Clock);
        var refused = await Timeline.Http(x =>
        {
            x.Put.Json(new
            {
                debtorName = "Cobalt Freight Ltd", timeZone = "Europe/London", country = "UK",
                terms = new { netDays = 30, currency = "GBP" },
                contacts = new object[] { new { contactId = "ap", name = "Dana Payables", role = "apClerk", email = "ap@cobalt.test" } }
            }).ToUrl(AccountUrl);
            x.StatusCodeShouldBe(400);
        });
        var problem = refused.ReadAsJson<JsonElement>();
        problem.GetProperty("errors").GetProperty("country")[0].GetString()!.ShouldContain("ISO 3166-1 alpha-2");
        (await Events()).ShouldBeEmpty();
    }

    private Task<JsonElement> AccountJson() => Host.GetAsJson<JsonElement>(AccountUrl);
}
