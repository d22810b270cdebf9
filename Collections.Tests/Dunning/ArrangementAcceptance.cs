using System.Text.Json;
using Alba;
using Collections.Api.Security;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.PaymentPlans;
using Collections.Domain.Promises;
using Collections.Tests.Support;

namespace Collections.Tests.Dunning;

/// <summary>
/// Promises outside the credit policy and payment plans, through HTTP and the real saga in virtual time, on the default
/// policy: a promise holds the escalation by itself only for half of what is past due within two weeks, plans have at
/// most six instalments within 180 days, and the grace after a date is two days.
/// </summary>
public class ArrangementAcceptance(AppFixture fixture) : EscalationContext(fixture)
{
    private static readonly string Collector = Tokens.For(Roles.Collector, "collector-1");
    private static readonly string CreditManager = Tokens.For(Roles.CreditManager, "morgan.hale");

    private Task<IScenarioResult> CommandAs(string token, string path, object body, int status = 200) =>
        Timeline.Http(x =>
        {
            x.Post.Json(body).ToUrl($"{AccountUrl}/{path}");
            x.WithRequestHeader("Authorization", token);
            x.StatusCodeShouldBe(status);
        });

    private Task Pay(string id, decimal amount) => Command("payments", new { paymentId = id, amount, currency = "EUR" });

    private static object Plan(params (int Day, decimal Amount)[] instalments) => new
    {
        currency = "EUR",
        instalments = instalments.Select(i => new { dueDate = DueDate.AddDays(i.Day), amount = i.Amount }),
        note = "Agreed with Carl Finance on the phone"
    };

    private Task<JsonElement> AccountView() => Get(AccountUrl);

    private static string[] InstalmentStatuses(JsonElement view) =>
        view.GetProperty("paymentPlan").GetProperty("instalments").EnumerateArray().Select(i => i.GetProperty("status").GetString()!).ToArray();

    /// <summary>1.00 EUR of 10,000 EUR, 300 days out, the day after the final notice went out.</summary>
    private async Task TokenPromiseAfterTheFinalNotice()
    {
        await OpenAccountWithInvoiceFallingDue(10_000m);
        await RunUntilDay(29); // the final notice went out at 13:00 on day 29 (day 27 is Easter Sunday): a credit hold at 13:00 on day 31
        (await Events<ObligationRecorded>()).ShouldHaveSingleItem();
        await CommandAs(Collector, "promises", new { amount = 1m, currency = "EUR", promisedDate = DueDate.AddDays(29 + 300), contactId = "cfo" });
    }

    [Fact]
    public async Task a_token_promise_far_out_does_not_stop_the_final_notice()
    {
        await TokenPromiseAfterTheFinalNotice();
        (await Events<PromiseReferredForApproval>()).ShouldHaveSingleItem().Reasons.Count.ShouldBe(2);
        var view = await AccountView();
        view.GetProperty("openPromise").GetProperty("acceptance").GetString().ShouldBe("awaitingApproval");
        view.GetProperty("openPromise").GetProperty("acceptanceReason").GetString()!.ShouldContain("0.01% of the 10000.00 EUR past due");
        view.GetProperty("dunning").GetProperty("pausedFor").ValueKind.ShouldBe(JsonValueKind.Null);

        await RunUntilDay(31);
        var obligation = (await Events<ObligationRecorded>()).ShouldHaveSingleItem();
        (await Events<CreditHoldPlaced>()).ShouldHaveSingleItem().PlacedAt.ShouldBe(obligation.Deadline);
        (await Events<ObligationFulfilled>()).ShouldHaveSingleItem();
        (await Events<ObligationCancelled>()).ShouldBeEmpty();
        (await Events<DunningPaused>()).ShouldBeEmpty();
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_credit_manager_approving_a_promise_outside_policy_pauses_the_escalation()
    {
        await TokenPromiseAfterTheFinalNotice();
        var approval = new { note = "Parent company guarantee received" };
        var before = (await Events()).Count;
        await CommandAs(Collector, "promises/PR-1/approval", approval, 403);
        (await Events()).Count.ShouldBe(before);

        await CommandAs(CreditManager, "promises/PR-1/approval", approval);
        (await Events<PromiseApproved>()).ShouldHaveSingleItem().ApprovedBy.ShouldBe("morgan.hale");
        (await Events<ObligationCancelled>()).ShouldHaveSingleItem().Reason.ShouldContain("promise PR-1");
        (await Events<DunningPaused>()).ShouldHaveSingleItem().Reason.ShouldContain("promise PR-1");
        var sent = (await Events<ReminderSent>()).Count;

        await RunUntilDay(90);
        (await Events<CreditHoldPlaced>()).ShouldBeEmpty();
        (await Events<ReminderSent>()).Count.ShouldBe(sent);
        var view = await AccountView();
        view.GetProperty("openPromise").GetProperty("acceptance").GetString().ShouldBe("approved");
        view.GetProperty("openPromise").GetProperty("acceptanceReason").GetString()!.ShouldContain("approved by morgan.hale");
        view.GetProperty("dunning").GetProperty("pausedFor").GetString()!.ShouldContain("promise PR-1");
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_payment_plan_pauses_the_escalation_while_instalments_arrive()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(5); // reminder letter and friendly email
        await CommandAs(CreditManager, "payment-plan", Plan((10, 400m), (20, 400m), (30, 400m)));
        (await Events<PaymentPlanAgreed>()).ShouldHaveSingleItem().AgreedBy.ShouldBe("morgan.hale");
        (await Events<DunningPaused>()).ShouldHaveSingleItem().Reason.ShouldStartWith("payment plan PP-1");

        await RunUntilDay(9);
        await Pay("PAY-1", 400m);
        await RunUntilDay(19);
        await Pay("PAY-2", 400m);
        await RunUntilDay(29);
        var view = await AccountView();
        InstalmentStatuses(view).ShouldBe(["met", "met", "upcoming"]);
        view.GetProperty("dunning").GetProperty("pausedFor").GetString()!.ShouldStartWith("payment plan PP-1");

        await Pay("PAY-3", 400m);
        await RunUntilDay(60);
        (await Events<ReminderSent>()).Select(r => r.StepId).ShouldBe(["reminder-letter", "friendly-email"]);
        (await Events<CollectionTaskCreated>()).ShouldAllBe(t => t.StepId == "reminder-letter");
        (await Events<PaymentPlanInstalmentMet>()).Select(m => m.Number).ShouldBe([1, 2, 3]);
        (await Events<PaymentPlanCompleted>()).ShouldHaveSingleItem();
        (await Events<PaymentPlanBroken>()).ShouldBeEmpty();
        (await Events<DunningCompleted>()).ShouldHaveSingleItem().Reason.ShouldContain("paid");
        (await AccountView()).GetProperty("paymentPlan").GetProperty("status").GetString().ShouldBe("completed");
    }

    [Fact]
    public async Task a_missed_instalment_breaks_the_plan_and_the_ladder_resumes_firmer()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(5);
        await CommandAs(CreditManager, "payment-plan", Plan((10, 600m), (20, 600m)));
        await RunUntilDay(9);
        await Pay("PAY-1", 600m);
        await RunUntilDay(21);
        (await Events<PaymentPlanBroken>()).ShouldBeEmpty("instalment 2 (day 20) is awaited until 00:00 on day 23");

        await RunUntilDay(29);
        var broken = (await Events<PaymentPlanBroken>()).ShouldHaveSingleItem();
        broken.Number.ShouldBe(2);
        broken.AmountShort.Amount.ShouldBe(600m);
        (await Events<DunningResumed>()).ShouldHaveSingleItem().NextStepId.ShouldBe("controller-email");
        // The first call is never made: after a broken plan the ladder goes straight to the controller.
        (await Events<ReminderSent>()).Select(r => r.StepId).ShouldBe(["reminder-letter", "friendly-email", "controller-email"]);
        (await Events<CollectionTaskCreated>()).ShouldNotContain(t => t.StepId == "first-call");

        var view = await AccountView();
        view.GetProperty("paymentPlan").GetProperty("status").GetString().ShouldBe("broken");
        InstalmentStatuses(view).ShouldBe(["met", "missed"]);
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_payment_plan_never_releases_a_credit_hold()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(31); // held at 13:00 on day 29; the contract's late fee of 60.00 EUR added on day 31
        (await Account()).CreditHold.ShouldNotBeNull();
        await CommandAs(CreditManager, "payment-plan", Plan((35, 630m), (45, 630m)));

        var release = new { reason = "A payment plan is agreed" };
        await CommandAs(CreditManager, "credit-hold/release", release, 422);
        (await Get($"{AccountUrl}/order-check")).GetProperty("mayPlaceOrders").GetBoolean().ShouldBeFalse();

        await RunUntilDay(34);
        await Pay("PAY-1", 630m);
        await RunUntilDay(44);
        await Pay("PAY-2", 630m);
        await RunUntilDay(60);

        (await Events<PaymentPlanCompleted>()).ShouldHaveSingleItem();
        (await Events<DunningCompleted>()).ShouldHaveSingleItem();
        (await Events<ReminderSent>()).ShouldNotContain(r => r.StepId == "last-chance");
        (await Events<CreditHoldReleased>()).ShouldBeEmpty();
        (await Get($"{AccountUrl}/order-check")).GetProperty("mayPlaceOrders").GetBoolean().ShouldBeFalse();

        await CommandAs(CreditManager, "credit-hold/release", release with { reason = "Plan paid in full" });
        (await Events<CreditHoldReleased>()).ShouldHaveSingleItem().ReleasedBy.ShouldBe("morgan.hale");
        await NoObligationShouldBeOverdue();
    }
}
