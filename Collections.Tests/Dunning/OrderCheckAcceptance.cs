using System.Text.Json;
using Collections.Api.Security;
using Collections.Domain.Orders;
using Collections.Tests.Support;

namespace Collections.Tests.Dunning;

/// <summary>The order check by the default policy's <c>orders</c>, against accounts the real saga escalates.</summary>
public class OrderCheckAcceptance(AppFixture fixture) : EscalationContext(fixture)
{
    private async Task<JsonElement> OrderCheck() =>
        (await Timeline.Http(x =>
        {
            x.Get.Url($"{AccountUrl}/order-check");
            x.WithRequestHeader("Authorization", Tokens.For(Roles.Integration, "order-service"));
            x.StatusCodeShouldBe(200);
        })).ReadAsJson<JsonElement>();

    [Fact]
    public async Task orders_stop_for_an_account_with_the_agency()
    {
        await OpenAccountWithInvoiceFallingDue(600m);
        await RunUntilDay(3);
        await Command("agency-referral", new { agency = "Harbour Collections", reason = "debtor unreachable" });

        var check = await OrderCheck();
        check.GetProperty("mayPlaceOrders").GetBoolean().ShouldBeFalse();
        check.GetProperty("rule").GetString().ShouldBe("withAgency");
        check.GetProperty("reason").GetString().ShouldBe("With the collection agency Harbour Collections.");
        check.GetProperty("since").GetDateTimeOffset().ShouldBe(Clock.Now);
    }

    [Fact]
    public async Task orders_stop_when_past_due_beyond_the_policys_days()
    {
        await OpenAccountWithInvoiceFallingDue(600m);
        await RunUntilDay(14, hour: 12);
        (await OrderCheck()).GetProperty("mayPlaceOrders").GetBoolean().ShouldBeTrue(); // 14 days past due: not beyond the limit
        (await Events<InvoicePassedOrderLimit>()).ShouldBeEmpty();

        await RunUntilDay(20, hour: 12);
        var check = await OrderCheck();
        check.GetProperty("mayPlaceOrders").GetBoolean().ShouldBeFalse();
        check.GetProperty("rule").GetString().ShouldBe("pastDue");
        check.GetProperty("reason").GetString().ShouldBe("600.00 EUR more than 14 days past due (INV-7 20 days), and no accepted promise to pay or payment plan.");
        (await Account()).CreditHold.ShouldBeNull(); // no hold: the policy's days alone stop orders

        // The clock's change is recorded, at the moment it happened, for order services that listen.
        var passed = (await Events<InvoicePassedOrderLimit>()).ShouldHaveSingleItem();
        passed.InvoiceNumber.ShouldBe("INV-7");
        passed.LimitDays.ShouldBe(14);
        check.GetProperty("since").GetDateTimeOffset().ShouldBe(passed.PassedAt);

        // An accepted promise lets orders ship while it stands.
        await Command("promises", new { amount = 600m, currency = "EUR", promisedDate = DueDate.AddDays(25) });
        (await OrderCheck()).GetProperty("mayPlaceOrders").GetBoolean().ShouldBeTrue();
        await RunUntilDay(29); // promised date plus two days' grace passed unpaid: the promise is broken
        (await Events<Collections.Domain.Promises.PromiseBroken>()).ShouldHaveSingleItem();
        (await OrderCheck()).GetProperty("rule").GetString().ShouldBe("pastDue");
    }

    [Fact]
    public async Task a_disputed_invoice_does_not_stop_orders()
    {
        await OpenAccountWithInvoiceFallingDue(600m);
        await RunUntilDay(2);
        await Command("disputes", new { invoiceNumbers = new[] { "INV-7" }, reason = "never delivered" });
        await RunUntilDay(40);

        (await OrderCheck()).GetProperty("mayPlaceOrders").GetBoolean().ShouldBeTrue();
        await Command("disputes/D-1/resolution", new { outcome = "inFavourOfCreditor", note = "signed delivery note" });
        (await OrderCheck()).GetProperty("rule").GetString().ShouldBe("pastDue");
    }
}
