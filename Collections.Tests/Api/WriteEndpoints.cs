namespace Collections.Tests.Api;

/// <summary>Every POST and PUT under /api, with a body it accepts (for <c>accountNumber</c>'s account).</summary>
public sealed record WriteEndpoint(string Name, string Method, string Path, string ValidBody)
{
    public string Url(string accountNumber) => $"/api/accounts/{accountNumber}{Path}";

    public override string ToString() => Name;

    public static readonly IReadOnlyList<WriteEndpoint> All =
    [
        new("open account", "PUT", "", """
            {"debtorName":"Acme Widgets GmbH","segment":"standard","timeZone":"Europe/Berlin","country":"DE",
             "terms":{"netDays":30,"creditLimit":50000,"currency":"EUR"},
             "contacts":[{"contactId":"ap","name":"Ada Clerk","role":"apClerk","email":"ap@acme.test","phone":"+49 30 1","postalAddress":"1 Main St\nBerlin"}],
             "collector":"collector-1"}
            """),
        new("issue invoice", "POST", "/invoices", """
            {"invoiceNumber":"INV-9","amount":120.50,"currency":"EUR","issueDate":"2095-01-01","dueDate":"2095-01-31",
             "contract":{"reference":"MSA-2024","lateFee":{"percent":5,"afterDaysPastDue":30}},"expectedVersion":null}
            """),
        new("record payment", "POST", "/payments", """
            {"paymentId":"PAY-9","amount":10.00,"currency":"EUR","receivedAt":"2031-03-01T10:00:00Z",
             "appliedTo":[{"invoiceNumber":"INV-9","amount":10.00}],"reference":"remittance\t4411"}
            """),
        new("record promise", "POST", "/promises", """
            {"amount":100,"currency":"EUR","promisedDate":"2031-03-20","contactId":"ap","note":"will pay"}
            """),
        new("approve promise", "POST", "/promises/PR-1/approval", """{"note":"CFO confirmed the date in writing","expectedVersion":null}"""),
        new("agree payment plan", "POST", "/payment-plan", """
            {"currency":"EUR","instalments":[{"dueDate":"2031-03-20","amount":600.00},{"dueDate":"2031-04-20","amount":600.00}],
             "note":"agreed with the CFO","expectedVersion":null}
            """),
        new("place credit hold", "POST", "/credit-hold", """{"reason":"past due"}"""),
        new("release credit hold", "POST", "/credit-hold/release", """{"reason":"paid"}"""),
        new("log contact", "POST", "/contacts", """
            {"channel":"phone","direction":"outbound","contactId":"ap",
             "summary":"Called.\r\nWill pay.","outcome":"reached","occurredAt":"2031-03-01T08:15:00Z"}
            """),
        new("raise dispute", "POST", "/disputes", """{"invoiceNumbers":["INV-9"],"reason":"damaged"}"""),
        new("resolve dispute", "POST", "/disputes/D-1/resolution",
            """{"outcome":"inFavourOfCreditor","note":"photos show the goods intact"}"""),
        new("refer to agency", "POST", "/agency-referral", """{"agency":"Northern Recoveries","reason":"no contact"}"""),
        new("write off", "POST", "/write-off", """{"reason":"insolvent"}"""),
        new("decide write-off", "POST", "/write-off/decision", """{"approve":true,"note":"administrator's letter on file"}"""),
        new("reopen", "POST", "/reopen", """{"reason":"claim admitted"}"""),
        new("complete task", "POST", "/tasks/T-1/completion", """{"note":"called"}"""),
        new("place dunning block", "POST", "/invoices/INV-1/dunning-block", """{"reason":"awaiting credit note","until":"2095-01-31"}"""),
        new("lift dunning block", "POST", "/invoices/INV-1/dunning-block/lift", """{"reason":"credit note issued"}"""),
        new("record contact details", "PUT", "/contacts/ap", """
            {"name":"Ada Clerk","role":"apClerk","email":"ada.clerk@acme.test","phone":"+49 30 2","postalAddress":"2 Main St\nBerlin"}
            """),
    ];

    public static TheoryData<string> Names => new(All.Select(e => e.Name));

    public static WriteEndpoint Named(string name) => All.Single(e => e.Name == name);
}
