using Collections.Tests.Support;

namespace Collections.Tests.Api;

public class InvoicesApi(AppFixture fixture) : ApiContext(fixture)
{
    [Fact]
    public async Task an_invoice_is_appended_to_the_account()
    {
        await OpenAccount();
        await Post("invoices", NewInvoice(), 200);

        var invoice = (await Account()).FindInvoice("INV-1")!;
        invoice.Amount.ShouldBe(1200m);
        invoice.Contract!.LateFee!.Percent.ShouldBe(5m);
        (await StreamVersion()).ShouldBe(2);
    }

    [Fact]
    public async Task the_same_invoice_sent_twice_writes_one_event()
    {
        await OpenAccount();
        await Post("invoices", NewInvoice(), 200);
        await Post("invoices", NewInvoice(), 200);
        (await StreamVersion()).ShouldBe(2);
    }

    [Fact]
    public async Task a_duplicate_invoice_number_with_other_details_is_a_conflict()
    {
        await OpenAccount();
        await Post("invoices", NewInvoice(), 200);
        await ShouldRefuse(await Post("invoices", NewInvoice(amount: 99m), 409), "invoiceNumber", 2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-50)]
    public async Task zero_or_negative_amounts_are_refused(decimal amount)
    {
        await OpenAccount();
        await ShouldRefuse(await Post("invoices", NewInvoice(amount: amount), 400), "amount", 1);
    }

    [Fact]
    public async Task an_unknown_currency_is_refused()
    {
        await OpenAccount();
        var body = new { invoiceNumber = "INV-1", amount = 10m, currency = "ABC", issueDate = "2031-02-10", dueDate = "2031-03-10" };
        await ShouldRefuse(await Post("invoices", body, 400), "currency", 1);
    }

    [Fact]
    public async Task missing_fields_are_named()
    {
        await OpenAccount();
        var result = await Post("invoices", new { amount = 10m }, 400);
        await ShouldRefuse(result, "invoiceNumber", 1);
        (await result.ReadAsJsonAsync<ProblemBody>())!.Errors!.Keys
            .ShouldBe(["invoiceNumber", "currency", "issueDate", "dueDate"], ignoreOrder: true);
    }

    [Fact]
    public async Task malformed_json_is_refused_naming_the_field()
    {
        await OpenAccount();
        var result = await PostRaw("invoices", """{"invoiceNumber": "INV-1", "amount": "lots"}""", 400);
        await ShouldRefuse(result, "amount", 1);
    }

    [Fact]
    public async Task a_misspelt_field_is_refused()
    {
        await OpenAccount();
        var result = await PostRaw("invoices", """{"invoiceNumber": "INV-1", "ammount": 10}""", 400);
        (await result.ReadAsJsonAsync<ProblemBody>())!.Detail!.ShouldContain("ammount");
        (await StreamVersion()).ShouldBe(1);
    }

    [Fact]
    public async Task an_unknown_account_is_not_found()
    {
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(NewInvoice()).ToUrl("/api/accounts/NOPE-1/invoices");
            x.StatusCodeShouldBe(404);
        });
        result.Context.Response.ContentType.ShouldStartWith("application/problem+json");
        (await StreamVersion("NOPE-1")).ShouldBe(0);
    }

    [Fact]
    public async Task a_stale_expected_version_is_a_conflict()
    {
        await OpenAccount();
        await Post("invoices", NewInvoice("INV-1"), 200);
        var stale = new
        {
            invoiceNumber = "INV-2", amount = 10m, currency = "EUR", issueDate = "2031-02-10", dueDate = "2031-03-10",
            expectedVersion = 1
        };
        await ShouldRefuse(await Post("invoices", stale, 409), "expectedVersion", 2);
        await Post("invoices", stale with { expectedVersion = 2 }, 200);
    }

    [Fact]
    public async Task a_retried_invoice_is_accepted_whatever_version_the_caller_saw()
    {
        await OpenAccount();
        var invoice = new
        {
            invoiceNumber = "INV-1", amount = 10m, currency = "EUR", issueDate = "2031-02-10", dueDate = "2031-03-10",
            expectedVersion = 1
        };
        await Post("invoices", invoice, 200);
        await Post("invoices", invoice, 200);
        (await StreamVersion()).ShouldBe(2);
    }
}
