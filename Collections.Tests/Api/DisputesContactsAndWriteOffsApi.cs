using Collections.Tests.Support;

namespace Collections.Tests.Api;

public class DisputesContactsAndWriteOffsApi(AppFixture fixture) : ApiContext(fixture)
{
    [Fact]
    public async Task a_call_is_logged_with_its_outcome()
    {
        await OpenAccountWithPastDueInvoice();
        await Post("contacts", new
        {
            channel = "phone", direction = "outbound", contactId = "ap",
            summary = "AP clerk says the invoice is approved for the next payment run", outcome = "reached"
        }, 200);
        (await StreamVersion()).ShouldBe(3);
    }

    [Fact]
    public async Task a_contact_with_an_unknown_person_is_refused()
    {
        await OpenAccountWithPastDueInvoice();
        var body = new { channel = "phone", direction = "outbound", contactId = "ceo", summary = "x", outcome = "reached" };
        await ShouldRefuse(await Post("contacts", body, 400), "contactId", 2);
    }

    [Fact]
    public async Task a_dispute_is_raised_and_resolved()
    {
        await OpenAccountWithPastDueInvoice();
        await Post("disputes", new { invoiceNumbers = new[] { "INV-1" }, reason = "goods damaged" }, 200);
        (await Account()).OpenDisputes.ShouldHaveSingleItem().DisputeId.ShouldBe("D-1");

        await Post("disputes/D-1/resolution", new { outcome = "inFavourOfCreditor", note = "delivery note signed" }, 200);
        (await Account()).OpenDisputes.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_dispute_on_an_unknown_invoice_is_refused()
    {
        await OpenAccountWithPastDueInvoice();
        await ShouldRefuse(await Post("disputes", new { invoiceNumbers = new[] { "INV-404" }, reason = "?" }, 400),
            "invoiceNumbers[0]", 2);
    }

    [Fact]
    public async Task an_account_is_escalated_to_an_agency_by_hand()
    {
        await OpenAccountWithPastDueInvoice();
        await Post("agency-referral", new { agency = "Northwind Recoveries" }, 200);
        (await Account()).AgencyReferral!.AmountsReferred.ShouldHaveSingleItem().Amount.ShouldBe(1200m);
    }

    [Fact]
    public async Task a_written_off_account_takes_nothing_but_a_reopening()
    {
        await OpenAccountWithPastDueInvoice();
        await Post("write-off", new { reason = "debtor insolvent" }, 200);
        await ShouldRefuse(await Post("payments", new { paymentId = "P", amount = 5m, currency = "EUR" }, 422), "accountNumber", 3);

        await Post("reopen", new { reason = "dividend from the insolvency estate" }, 200);
        await Post("payments", new { paymentId = "P", amount = 5m, currency = "EUR" }, 200);
    }
}
