using Collections.Tests.Support;

namespace Collections.Tests.Api;

public class PaymentsApi(AppFixture fixture) : ApiContext(fixture)
{
    private static object Payment(string id = "PAY-1", decimal amount = 500m, string currency = "EUR") =>
        new { paymentId = id, amount, currency, reference = "SEPA 4711" };

    [Fact]
    public async Task a_payment_reduces_the_open_invoice()
    {
        await OpenAccountWithPastDueInvoice();
        await Post("payments", Payment(), 200);
        (await Account()).FindInvoice("INV-1")!.Open.ShouldBe(700m);
    }

    [Fact]
    public async Task the_same_payment_sent_twice_is_applied_once()
    {
        await OpenAccountWithPastDueInvoice();
        await Post("payments", Payment(), 200);
        await Post("payments", Payment(), 200);
        (await Account()).FindInvoice("INV-1")!.Open.ShouldBe(700m);
        (await StreamVersion()).ShouldBe(3);
    }

    [Fact]
    public async Task a_payment_id_reused_for_another_amount_is_a_conflict()
    {
        await OpenAccountWithPastDueInvoice();
        await Post("payments", Payment(), 200);
        await ShouldRefuse(await Post("payments", Payment(amount: 10m), 409), "paymentId", 3);
    }

    [Fact]
    public async Task an_overpayment_is_kept_as_credit()
    {
        await OpenAccountWithPastDueInvoice();
        await Post("payments", Payment(amount: 1500m), 200);
        (await Account()).UnappliedCredit["EUR"].ShouldBe(300m);
    }

    [Theory]
    [InlineData(0, "EUR", "amount")]
    [InlineData(-1, "EUR", "amount")]
    [InlineData(10, "EURO", "currency")]
    public async Task bad_amounts_and_currencies_are_refused(decimal amount, string currency, string field)
    {
        await OpenAccountWithPastDueInvoice();
        await ShouldRefuse(await Post("payments", Payment(amount: amount, currency: currency), 400), field, 2);
    }

    [Fact]
    public async Task a_payment_applied_to_an_invoice_in_another_currency_is_refused()
    {
        await OpenAccountWithPastDueInvoice();
        var body = new { paymentId = "PAY-1", amount = 10m, currency = "USD", appliedTo = new[] { new { invoiceNumber = "INV-1", amount = 10m } } };
        await ShouldRefuse(await Post("payments", body, 400), "appliedTo[0].invoiceNumber", 2);
    }
}
