using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Collections.Api.Contracts;

/// <summary>A readable summary for every operation, and an example body for every command and for what a write and a refusal answer.</summary>
public sealed class ContractOperations : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Requests = new()
    {
        ["PUT api/accounts/{accountNumber}"] = """
            {"debtorName":"Acme Widgets GmbH","segment":"standard","timeZone":"Europe/Berlin","country":"DE",
             "terms":{"netDays":30,"creditLimit":50000,"currency":"EUR"},
             "contacts":[{"contactId":"ap","name":"Ada Clerk","role":"apClerk","email":"ap@acme.example"},
                         {"contactId":"cfo","name":"Carl Finance","role":"cfo","email":"cfo@acme.example","phone":"+49 30 1234"}],
             "collector":"sam.porter"}
            """,
        ["POST api/accounts/{accountNumber}/invoices"] = """
            {"invoiceNumber":"INV-1001","amount":1200.00,"currency":"EUR","issueDate":"2026-10-01","dueDate":"2026-10-31",
             "contract":{"reference":"MSA-2024","lateFee":{"percent":5,"afterDaysPastDue":30}}}
            """,
        ["POST api/accounts/{accountNumber}/payments"] = """
            {"paymentId":"PAY-77","amount":500.00,"currency":"EUR","receivedAt":"2026-11-20T10:00:00Z",
             "appliedTo":[{"invoiceNumber":"INV-1001","amount":500.00}],"reference":"remittance 4411"}
            """,
        ["POST api/accounts/{accountNumber}/promises"] = """
            {"amount":700.00,"currency":"EUR","promisedDate":"2026-12-04","contactId":"ap","note":"Paying Friday"}
            """,
        ["POST api/accounts/{accountNumber}/promises/{promiseId}/approval"] = """{"note":"CFO confirmed the date in writing; the parent company guarantees it"}""",
        ["POST api/accounts/{accountNumber}/payment-plan"] = """
            {"currency":"EUR","instalments":[{"dueDate":"2026-12-15","amount":420.00},{"dueDate":"2027-01-15","amount":420.00},
             {"dueDate":"2027-02-15","amount":420.00}],"note":"Agreed with the CFO on the phone; confirmation sent by email"}
            """,
        ["POST api/accounts/{accountNumber}/contacts"] = """
            {"channel":"phone","direction":"outbound","contactId":"ap","summary":"Invoice approved, in Friday's run.","outcome":"reached"}
            """,
        ["PUT api/accounts/{accountNumber}/contacts/{contactId}"] = """
            {"name":"Carl Finance","role":"cfo","email":"cfo@acme.example","phone":"+49 30 1234",
             "postalAddress":"Acme Widgets GmbH, 1 Hauptstrasse, 10115 Berlin"}
            """,
        ["POST api/accounts/{accountNumber}/disputes"] = """{"invoiceNumbers":["INV-1001"],"reason":"Goods arrived damaged"}""",
        ["POST api/accounts/{accountNumber}/disputes/{disputeId}/resolution"] = """
            {"outcome":"inFavourOfCreditor","note":"Photos show the goods intact"}
            """,
        ["POST api/accounts/{accountNumber}/invoices/{invoiceNumber}/dunning-block"] = """{"reason":"Awaiting credit note CN-88","until":"2026-12-15"}""",
        ["POST api/accounts/{accountNumber}/invoices/{invoiceNumber}/dunning-block/lift"] = """{"reason":"Credit note CN-88 issued"}""",
        ["POST api/accounts/{accountNumber}/credit-hold"] = """{"reason":"INV-1001 45 days past due"}""",
        ["POST api/accounts/{accountNumber}/credit-hold/release"] = """{"reason":"Paid in full"}""",
        ["POST api/accounts/{accountNumber}/agency-referral"] = """{"agency":"Northwind Recoveries Ltd","reason":"No contact for 60 days"}""",
        ["POST api/accounts/{accountNumber}/write-off"] = """{"reason":"Debtor insolvent"}""",
        ["POST api/api-keys"] = """{"name":"Billing feed","roles":["integration"]}""",
        ["POST api/accounts/{accountNumber}/write-off/decision"] = """{"approve":true,"note":"Administrator's letter on file"}""",
        ["POST api/accounts/{accountNumber}/reopen"] = """{"reason":"Claim admitted by the administrator"}""",
        ["POST api/accounts/{accountNumber}/tasks/{taskId}/completion"] = """{"note":"Letter posted"}"""
    };

    /// <summary>"Reopen account" for <c>ReopenAccountEndpoint.Post</c>; "Order check" for <c>CreditHoldEndpoints.OrderCheck</c>.</summary>
    private static string SummaryOf(System.Reflection.MethodInfo method)
    {
        var name = method.Name is "Get" or "Post" or "Put" ? method.DeclaringType!.Name.Replace("Endpoints", "").Replace("Endpoint", "") : method.Name;
        var words = System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    private const string Written = """{"accountNumber":"ACME-0001","version":4,"eventsAppended":["PaymentReceived"]}""";

    private const string Refused = """
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The request is invalid","status":400,
         "detail":"amount: must be greater than zero.","errors":{"amount":["must be greater than zero."]},"traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}
        """;

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor is Wolverine.Http.WolverineActionDescriptor { Chain.Method.Method: var method })
        {
            // Wolverine's own are route-shaped ("POST_api_accounts_accountNumber_payments"): name them after the slice.
            operation.Summary = SummaryOf(method);
            operation.OperationId = operation.Summary.Replace(" ", "_");
        }
        var key = $"{context.Description.HttpMethod} {context.Description.RelativePath}";
        if (!Requests.TryGetValue(key, out var request)) return Task.CompletedTask;

        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true) body.Example = JsonNode.Parse(request);
        foreach (var (status, example) in new[] { ("200", Written), ("201", Written), ("400", Refused) })
            if (operation.Responses?.TryGetValue(status, out var response) == true && response.Content is { } content)
                foreach (var media in content.Values)
                    media.Example = JsonNode.Parse(example);
        return Task.CompletedTask;
    }
}
