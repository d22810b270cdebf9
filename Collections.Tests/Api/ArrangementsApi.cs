using System.Text.Json;
using Alba;
using Collections.Api.Security;
using Collections.Domain.PaymentPlans;
using Collections.Domain.Promises;
using Collections.Tests.Support;
using Tenants = Collections.Api.Tenancy.Tenants;

namespace Collections.Tests.Api;

/// <summary>Payment plans and approvals of promises over HTTP: what is refused and how, what the account shows, who is named.</summary>
public class ArrangementsApi(AppFixture fixture) : ApiContext(fixture)
{
    private static readonly string CreditManager = Tokens.For(Roles.CreditManager, "morgan.hale");

    private static readonly DateOnly Today = DateOnly.FromDateTime(TestClock.Start.UtcDateTime);

    private static object Plan(params (int Days, decimal Amount)[] instalments) => new
    {
        currency = "EUR",
        instalments = instalments.Select(i => new { dueDate = Today.AddDays(i.Days), amount = i.Amount }),
        note = "Agreed with the CFO"
    };

    [Fact]
    public async Task a_plan_with_faulty_instalments_is_refused_naming_each_one_and_writes_nothing()
    {
        await OpenAccountWithPastDueInvoice();
        var version = await StreamVersion();
        var result = await Post("payment-plan", Plan((-1, 600m), (30, 600.001m), (30, 0m)), 400, CreditManager);

        await ShouldRefuse(result, "instalments[0].dueDate", version);
        var problem = (await result.ReadAsJsonAsync<ProblemBody>())!;
        problem.Errors!.Keys.ShouldBe(["instalments[0].dueDate", "instalments[1].amount", "instalments[2].dueDate", "instalments[2].amount"],
            ignoreOrder: true);
        problem.Errors["instalments[0].dueDate"].ShouldBe(["must not be in the past."]);
    }

    [Fact]
    public async Task a_plan_short_of_the_past_due_balance_or_beyond_the_policy_is_refused_with_the_reason()
    {
        await OpenAccountWithPastDueInvoice();
        var version = await StreamVersion();
        var result = await Post("payment-plan", Plan((10, 500m), (200, 600m)), 422, CreditManager);

        await ShouldRefuse(result, "instalments", version);
        var problem = (await result.ReadAsJsonAsync<ProblemBody>())!;
        problem.Errors!["instalments"].ShouldHaveSingleItem().ShouldContain("must cover the 1200.00 EUR past due");
        problem.Errors["instalments[1].dueDate"].ShouldHaveSingleItem().ShouldContain("the latest date the credit policy allows");
    }

    [Fact]
    public async Task an_agreed_plan_is_on_the_account_with_who_agreed_it_and_each_instalment()
    {
        await OpenAccountWithPastDueInvoice();
        var answer = await Post("payment-plan", Plan((10, 600m), (40, 600m)), 200, CreditManager);
        (await answer.ReadAsJsonAsync<JsonElement>()).GetProperty("eventsAppended").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(["PaymentPlanAgreed"]);

        var plan = (await Get(AccountUrl)).GetProperty("paymentPlan");
        plan.GetProperty("planId").GetString().ShouldBe("PP-1");
        plan.GetProperty("status").GetString().ShouldBe("open");
        plan.GetProperty("agreedBy").GetString().ShouldBe("morgan.hale");
        plan.GetProperty("total").GetProperty("amount").GetDecimal().ShouldBe(1200m);
        plan.GetProperty("instalments").EnumerateArray().Select(i => (i.GetProperty("dueDate").GetString(), i.GetProperty("status").GetString()))
            .ShouldBe([(Today.AddDays(10).ToString("yyyy-MM-dd"), "upcoming"), (Today.AddDays(40).ToString("yyyy-MM-dd"), "upcoming")]);

        await using var session = Store.QuerySession(Tenants.Default);
        var agreed = (await session.Events.FetchStreamAsync(AccountNumber)).Single(e => e.Data is PaymentPlanAgreed);
        agreed.UserName.ShouldBe("morgan.hale");
        await Post("payment-plan", Plan((10, 1200m)), 422, CreditManager); // one plan at a time
    }

    [Fact]
    public async Task a_promise_outside_the_policy_shows_awaiting_approval_and_the_approval_names_the_credit_manager()
    {
        await OpenAccountWithPastDueInvoice();
        var promise = new { amount = 100m, currency = "EUR", promisedDate = Today.AddDays(7), contactId = "cfo" };
        var recorded = await Post("promises", promise, 200, Tokens.For(Roles.Collector, "collector-1"));
        (await recorded.ReadAsJsonAsync<JsonElement>()).GetProperty("eventsAppended").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(["PromiseMade", "PromiseReferredForApproval"]);

        var open = (await Get(AccountUrl)).GetProperty("openPromise");
        open.GetProperty("acceptance").GetString().ShouldBe("awaitingApproval");
        open.GetProperty("isAccepted").GetBoolean().ShouldBeFalse();
        open.GetProperty("outsidePolicy").EnumerateArray().ShouldHaveSingleItem().GetString()!.ShouldContain("8.33% of the 1200.00 EUR");

        await Post("promises/PR-1/approval", new { note = "Board approved the payment run" }, 200, CreditManager);
        open = (await Get(AccountUrl)).GetProperty("openPromise");
        open.GetProperty("acceptance").GetString().ShouldBe("approved");
        open.GetProperty("approvedBy").GetString().ShouldBe("morgan.hale");
        (await Events()).OfType<PromiseApproved>().ShouldHaveSingleItem().Note.ShouldBe("Board approved the payment run");
        (await Account()).HasAcceptedArrangement().ShouldBeTrue();
    }

    [Fact]
    public async Task an_approval_needs_a_note_and_the_open_promise()
    {
        await OpenAccountWithPastDueInvoice();
        var version = await StreamVersion();
        await ShouldRefuse(await Post("promises/PR-1/approval", new { note = "" }, 400, CreditManager), "note", version);
        await ShouldRefuse(await Post("promises/PR-1/approval", new { note = "ok" }, 422, CreditManager), "promiseId", version);
    }
}
