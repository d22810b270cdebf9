using System.Text.Json;
using Alba;
using Collections.Tests.Dunning;
using Collections.Tests.Support;

namespace Collections.Tests.ReadSide;

public class WorkQueues(AppFixture fixture) : EscalationContext(fixture)
{
    private async Task OpenOther(string number, string collector, int dueInDays, decimal amount = 500m)
    {
        await Timeline.Http(x =>
        {
            x.Put.Json(new
            {
                debtorName = $"{number} GmbH", timeZone = "Europe/Berlin", terms = new { netDays = 30, currency = "EUR" },
                contacts = new[] { new { contactId = "ap", name = "Ada", role = "apClerk", email = $"ap@{number}.test", postalAddress = PostalAddress } },
                collector
            }).ToUrl($"/api/accounts/{number}");
            x.StatusCodeShouldBe(201);
        });
        await Timeline.Http(x =>
        {
            x.Post.Json(new { invoiceNumber = $"{number}-1", amount, currency = "EUR", issueDate = DueDate.AddDays(dueInDays - 30), dueDate = DueDate.AddDays(dueInDays) })
                .ToUrl($"/api/accounts/{number}/invoices");
            x.StatusCodeShouldBe(200);
        });
    }

    [Fact]
    public async Task a_collectors_queue_lists_exactly_the_accounts_that_need_action_today()
    {
        await OpenAccountWithInvoiceFallingDue();                 // collector-1: the policy's first call falls on day 8
        await OpenOther("PROMISER-1", "collector-1", dueInDays: -20);   // collector-1: a promise falls due tomorrow
        await OpenOther("NOT-DUE-1", "collector-1", dueInDays: 40);     // collector-1: nothing to do yet
        await OpenOther("OTHER-1", "collector-2", dueInDays: 0);        // someone else's account

        await RunUntilDay(8, hour: 11);
        await Timeline.Http(x =>
        {
            x.Post.Json(new { amount = 500m, currency = "EUR", promisedDate = DueDate.AddDays(9) })
                .ToUrl("/api/accounts/PROMISER-1/promises");
            x.StatusCodeShouldBe(200);
        });
        await CatchUp();

        var queue = await Get("/api/work-queue?collector=collector-1");
        var items = queue.GetProperty("data").GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("accountNumber").GetString()).Distinct()
            .ShouldBe([AccountNumber, "PROMISER-1"], ignoreOrder: true);
        items.ShouldContain(i => i.GetProperty("kind").GetString() == "call" && i.GetProperty("accountNumber").GetString() == AccountNumber);
        items.ShouldContain(i => i.GetProperty("kind").GetString() == "promiseFallingDue");
        queue.GetProperty("freshness").GetProperty("eventsBehind").GetInt64().ShouldBe(0);

        // Highest priority first: 1,200 EUR 8 days late outranks 500 EUR 28 days late? 1200*1.27 > 500*1.93.
        items[0].GetProperty("accountNumber").GetString().ShouldBe(AccountNumber);

        // PROMISER-1 has been on its ladder for four weeks: its own calls are due too.
        var calls = (await Get("/api/work-queue?collector=collector-1&kind=call")).GetProperty("data");
        calls.GetProperty("total").GetInt32().ShouldBe(items.Count(i => i.GetProperty("kind").GetString() == "call"));
        calls.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("kind").GetString() == "call");
        await Host.Scenario(x =>
        {
            x.Get.Url("/api/work-queue?kind=lunch");
            x.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task a_completed_call_leaves_the_queue_and_enters_the_contact_history()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(8, hour: 11);
        var task = (await Account()).OpenTasks.Single(t => t.StepId == "first-call");

        await Command($"tasks/{task.TaskId}/completion", new { note = "AP says it is in Friday's payment run" });
        await CatchUp();

        (await Get("/api/work-queue?collector=collector-1&kind=call")).GetProperty("data").GetProperty("total").GetInt32().ShouldBe(0);
        var history = (await Get($"{AccountUrl}/contact-history")).GetProperty("data").EnumerateArray().ToList();
        history.Select(h => h.GetProperty("kind").GetString()).ShouldBe(["sent", "task", "sent", "task", "done"]);
        var letter = history[0];
        letter.GetProperty("channel").GetString().ShouldBe("letter");
        letter.GetProperty("from").GetString()!.ShouldStartWith("Sam Porter");
        letter.GetProperty("text").GetString()!.ShouldContain("INV-7");
        history[^1].GetProperty("text").GetString().ShouldBe("AP says it is in Friday's payment run");
    }

    [Fact]
    public async Task holds_are_listed_and_order_services_hear_of_a_hold_at_once()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(2);
        await Command("credit-hold", new { reason = "Credit manager's decision" });

        // No catch-up: the order check reads the inline snapshot written with the hold.
        var check = await Get($"{AccountUrl}/order-check");
        check.GetProperty("mayPlaceOrders").GetBoolean().ShouldBeFalse();
        check.GetProperty("reason").GetString().ShouldBe("Credit manager's decision");

        await CatchUp();
        var holds = await Get("/api/credit-holds");
        holds.GetProperty("data").GetProperty("items")[0].GetProperty("accountNumber").GetString().ShouldBe(AccountNumber);

        var summary = await Get($"{AccountUrl}/summary");
        var account = summary.GetProperty("data").GetProperty("account");
        account.GetProperty("creditHold").ValueKind.ShouldBe(JsonValueKind.Object);
        account.GetProperty("dunning").GetProperty("segment").GetString().ShouldBe("firstTimeLatePayer");
        account.GetProperty("dunning").GetProperty("nextStep").GetProperty("stepId").GetString().ShouldBe("friendly-email");
    }
}
