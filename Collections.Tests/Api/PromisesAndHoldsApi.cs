using Collections.Api.Security;
using Collections.Domain.CreditHolds;
using Collections.Tests.Support;

namespace Collections.Tests.Api;

public class PromisesAndHoldsApi(AppFixture fixture) : ApiContext(fixture)
{
    private static object Promise(decimal amount = 1200m) =>
        new { amount, currency = "EUR", promisedDate = "2031-03-10", contactId = "cfo" };

    [Fact]
    public async Task a_promise_on_a_past_due_balance_is_recorded()
    {
        await OpenAccountWithPastDueInvoice();
        await Post("promises", Promise(), 200);
        (await Account()).OpenPromise!.PromisedDate.ShouldBe(new DateOnly(2031, 3, 10));
    }

    [Fact]
    public async Task a_promise_without_anything_past_due_is_refused()
    {
        await OpenAccount();
        await Post("invoices", NewInvoice(dueInDays: 10), 200);
        var result = await Post("promises", Promise(), 422);
        await ShouldRefuse(result, "amount", 2);
    }

    [Fact]
    public async Task a_promise_does_not_release_a_credit_hold_and_payment_lets_a_person_release_it()
    {
        await OpenAccountWithPastDueInvoice();
        await Post("credit-hold", new { reason = "40 days past due" }, 200);
        await Post("promises", Promise(), 200);

        var release = new { reason = "customer asked for the held order" };
        await ShouldRefuse(await Post("credit-hold/release", release, 422), "creditHold", 4);
        (await Account()).CreditHold.ShouldNotBeNull();

        await Post("payments", new { paymentId = "PAY-1", amount = 1200m, currency = "EUR" }, 200);
        (await Account()).OpenPromise.ShouldBeNull(); // kept
        (await Account()).CreditHold.ShouldNotBeNull(); // payment alone never lifts it

        await Post("credit-hold/release", release, 200);
        (await Account()).CreditHold.ShouldBeNull();
    }

    [Fact]
    public async Task a_hold_and_its_release_name_the_credit_managers_who_decided()
    {
        await OpenAccount();
        await Post("credit-hold", new { reason = "review" }, 200, Tokens.For(Roles.CreditManager, "morgan.hale"));
        await Post("credit-hold/release", new { reason = "ok" }, 200, Tokens.For(Roles.CreditManager, "maria.credit"));

        var events = await Events();
        events.OfType<CreditHoldPlaced>().ShouldHaveSingleItem().PlacedBy.ShouldBe("morgan.hale");
        events.OfType<CreditHoldReleased>().ShouldHaveSingleItem().ReleasedBy.ShouldBe("maria.credit");
        // A name in the body is no longer how the actor is given: it is refused, not stored.
        await ShouldRefuse(await Post("credit-hold/release", new { reason = "ok", releasedBy = "someone.else" }, 400), "releasedBy", 3);
    }
}
