using System.Text;
using Collections.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Tests.Api;

/// <summary>
/// One example of each kind of hostile input: each is refused with problem details naming the field, and the
/// event store does not move (no events, no tombstones). <see cref="GeneratedInput"/> throws thousands more.
/// </summary>
public class HostileInputApi(AppFixture fixture) : ApiContext(fixture)
{
    private async Task<RawRequests.Answer> ShouldRefuse(string endpoint, string body, int status, string field,
        string? contentType = "application/json") =>
        await ShouldRefuse(endpoint, Encoding.UTF8.GetBytes(body), status, field, contentType);

    private async Task<RawRequests.Answer> ShouldRefuse(string endpoint, byte[] body, int status, string field,
        string? contentType = "application/json")
    {
        var before = await Host.EventStoreMark();
        var write = WriteEndpoint.Named(endpoint);
        var answer = await Host.Send(write.Method, write.Url(AccountNumber), body, contentType);
        answer.Status.ShouldBe(status, answer.Body);
        answer.ContentType.ShouldStartWith("application/problem+json");
        answer.ErrorFields.ShouldContain(field, answer.Body);
        (await Host.EventStoreMark()).ShouldBe(before);
        return answer;
    }

    private async Task OpenAccountWithInvoice()
    {
        await OpenAccount();
        await Post("invoices", NewInvoice(), 200);
    }

    [Fact]
    public void the_list_of_write_endpoints_is_complete()
    {
        var routes = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT").Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Where(r => r.Contains("/api/"))
            // Wolverine's own operator endpoints (list and replay dead letters): see DeadLettersAndHealth.
            .Where(r => !r.Contains("/api/dead-letters"))
            // Creating an API key writes no account: see ApiKeysApi.
            .Where(r => !r.Contains("/api/api-keys"))
            .Order().ToList();
        var listed = WriteEndpoint.All
            .Select(e => $"{e.Method} /api/accounts/{{accountNumber}}{e.Path.Replace("D-1", "{disputeId}").Replace("T-1", "{taskId}").Replace("INV-1", "{invoiceNumber}").Replace("/contacts/ap", "/contacts/{contactId}").Replace("PR-1", "{promiseId}")}")
            .Order().ToList();
        listed.ShouldBe(routes);
    }

    [Theory, MemberData(nameof(WriteEndpoint.Names), MemberType = typeof(WriteEndpoint))]
    public async Task a_null_body_is_refused_naming_the_body(string endpoint)
    {
        await OpenAccountWithInvoice();
        await ShouldRefuse(endpoint, "null", 400, "body");
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("[{\"reason\":\"x\"}]")]
    [InlineData("42")]
    [InlineData("\"a string\"")]
    [InlineData("{")]
    public async Task an_empty_or_non_object_body_is_refused_naming_the_body(string body)
    {
        await OpenAccountWithInvoice();
        await ShouldRefuse("place credit hold", body, 400, "body");
    }

    [Fact]
    public async Task a_nul_character_is_refused_before_anything_is_appended()
    {
        await OpenAccountWithInvoice();
        var answer = await ShouldRefuse("place credit hold", """{"reason":"late\u0000"}""", 400, "reason");
        answer.Body.ShouldContain("U+0000");
        await ShouldRefuse("open account", WriteEndpoint.Named("open account").ValidBody.Replace("ap@acme.test", "ap\\u0000@acme.test"),
            400, "contacts[0].email");
    }

    [Fact]
    public async Task a_key_repeated_in_another_case_is_refused_under_the_field_name()
    {
        await OpenAccountWithInvoice();
        await ShouldRefuse("record payment", """{"paymentId":"Z","amount":1,"Amount":2,"currency":"EUR"}""", 400, "amount");
    }

    [Fact]
    public async Task other_control_characters_and_unpaired_surrogates_are_refused()
    {
        await OpenAccountWithInvoice();
        await ShouldRefuse("place credit hold", """{"reason":"a\u001bb"}""", 400, "reason");
        (await ShouldRefuse("place credit hold", """{"reason":"\ud800"}""", 400, "reason"))
            .Body.ShouldContain("unpaired surrogate");
        await ShouldRefuse("place credit hold", """{"reason":"x\udc00y"}""", 400, "reason");
        // Not JSON text at all: an unpaired surrogate encoded as UTF-8 bytes.
        var bytes = Encoding.UTF8.GetBytes("""{"reason":"?"}""");
        var at = Array.IndexOf(bytes, (byte)'?');
        byte[] body = [.. bytes[..at], 0xED, 0xA0, 0x80, .. bytes[(at + 1)..]];
        await ShouldRefuse("place credit hold", body, 400, "reason");
        // Line breaks are text in a reason, but not in a name.
        await ShouldRefuse("refer to agency", """{"agency":"Northwind\nRecoveries"}""", 400, "agency");
        await Post("credit-hold", new { reason = "two lines:\r\n\tlate" }, 200);
    }

    [Fact]
    public async Task a_due_date_beyond_2100_is_refused_not_a_server_error()
    {
        await OpenAccountWithInvoice();
        var invoice = WriteEndpoint.Named("issue invoice").ValidBody;
        await ShouldRefuse("issue invoice", invoice.Replace("2095-01-31", "9999-12-31"), 400, "dueDate");
        await ShouldRefuse("issue invoice", invoice.Replace("2095-01-01", "1999-12-31"), 400, "issueDate");
        await ShouldRefuse("issue invoice", invoice.Replace("2095-01-31", "2095-02-30"), 400, "dueDate");
        await ShouldRefuse("record promise", WriteEndpoint.Named("record promise").ValidBody.Replace("2031-03-20", "9999-12-31"),
            400, "promisedDate");
        await ShouldRefuse("log contact", WriteEndpoint.Named("log contact").ValidBody.Replace("2031-03-01T08:15:00Z", "0001-01-01T00:00:00Z"),
            400, "occurredAt");
        await ShouldRefuse("issue invoice", invoice.Replace("\"afterDaysPastDue\":30", "\"afterDaysPastDue\":2147483647"),
            400, "contract.lateFee.afterDaysPastDue");
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("7.9e28")]
    [InlineData("1000000000000.01")]
    [InlineData("1e40")]
    [InlineData("-1e40")]
    [InlineData("\"120.50\"")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("{\"amount\":1}")]
    public async Task an_amount_that_is_too_large_or_not_a_number_is_refused(string amount)
    {
        await OpenAccountWithInvoice();
        await ShouldRefuse("issue invoice", WriteEndpoint.Named("issue invoice").ValidBody.Replace("120.50", amount), 400, "amount");
    }

    [Fact]
    public async Task the_refusals_say_what_is_wrong_in_words()
    {
        await OpenAccountWithInvoice();
        var invoice = WriteEndpoint.Named("issue invoice").ValidBody;
        (await ShouldRefuse("issue invoice", invoice.Replace("120.50", "1e40"), 400, "amount")).Says("must be a JSON number within range (not a string).");
        (await ShouldRefuse("issue invoice", invoice.Replace("120.50", "\"120.50\""), 400, "amount")).Says("must be a JSON number within range (not a string).");
        (await ShouldRefuse("issue invoice", invoice.Replace("120.50", "79228162514264337593543950335"), 400, "amount")).Says("must be at most 1000000000000.");
        (await ShouldRefuse("issue invoice", invoice.Replace("invoiceNumber", "invoiceNo"), 400, "invoiceNo")).Says("is not a known field.");
        (await ShouldRefuse("place credit hold", "null", 400, "body")).Says("must be a JSON object, not null.");
        (await ShouldRefuse("log contact", WriteEndpoint.Named("log contact").ValidBody.Replace("\"phone\"", "\"fone\""), 400, "channel"))
            .Body.ShouldContain("must be one of letter, email, phone, certifiedLetter, courier, fax, sms, meeting.");
    }

    [Fact]
    public async Task an_amount_at_the_limit_is_accepted_and_sums_of_them_stay_readable()
    {
        await OpenAccount();
        await Post("invoices", NewInvoice("INV-1", 1_000_000_000_000m), 200);
        await Post("invoices", NewInvoice("INV-2", 1_000_000_000_000m), 200);
        (await Get(AccountUrl)).GetProperty("openBalance")[0].GetProperty("amount").GetDecimal().ShouldBe(2_000_000_000_000.00m);
    }

    [Fact]
    public async Task wrong_types_and_numbers_sent_as_strings_name_the_field()
    {
        await OpenAccountWithInvoice();
        var account = WriteEndpoint.Named("open account").ValidBody;
        await ShouldRefuse("open account", account.Replace("\"netDays\":30", "\"netDays\":\"30\""), 400, "terms.netDays");
        await ShouldRefuse("open account", account.Replace("\"netDays\":30", "\"netDays\":30.5"), 400, "terms.netDays");
        await ShouldRefuse("open account", account.Replace("\"netDays\":30", "\"netDays\":2147483648"), 400, "terms.netDays");
        await ShouldRefuse("open account", account.Replace("\"role\":\"apClerk\"", "\"role\":3"), 400, "contacts[0].role");
        await ShouldRefuse("open account", account.Replace("\"role\":\"apClerk\"", "\"role\":\"boss\""), 400, "contacts[0].role");
        await ShouldRefuse("open account", account.Replace("\"debtorName\":\"Acme Widgets GmbH\"", "\"debtorName\":[\"Acme\"]"), 400, "debtorName");
        await ShouldRefuse("raise dispute", """{"invoiceNumbers":"INV-9","reason":"damaged"}""", 400, "invoiceNumbers");
    }

    [Fact]
    public async Task a_key_given_twice_is_refused()
    {
        await OpenAccountWithInvoice();
        await ShouldRefuse("place credit hold", """{"reason":"a","reason":"b"}""", 400, "reason");
        await ShouldRefuse("open account", WriteEndpoint.Named("open account").ValidBody.Replace("\"netDays\":30", "\"netDays\":30,\"netDays\":31"),
            400, "terms.netDays");
    }

    [Fact]
    public async Task deep_nesting_is_refused_naming_the_field()
    {
        await OpenAccountWithInvoice();
        var deep = string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000));
        await ShouldRefuse("raise dispute", $$"""{"invoiceNumbers":{{deep}},"reason":"x"}""", 400, "invoiceNumbers[0]");
        await ShouldRefuse("place credit hold", deep, 400, "body");
        var objects = string.Concat(Enumerable.Repeat("{\"lateFee\":", 50)) + "{}" + new string('}', 50);
        await ShouldRefuse("issue invoice", WriteEndpoint.Named("issue invoice").ValidBody
            .Replace("""{"reference":"MSA-2024","lateFee":{"percent":5,"afterDaysPastDue":30}}""", objects), 400, "contract.lateFee.lateFee");
    }

    [Fact]
    public async Task an_unknown_field_is_refused_naming_it()
    {
        await OpenAccountWithInvoice();
        await ShouldRefuse("issue invoice", WriteEndpoint.Named("issue invoice").ValidBody.Replace("invoiceNumber", "invoiceNo"), 400, "invoiceNo");
        await ShouldRefuse("open account", WriteEndpoint.Named("open account").ValidBody.Replace("\"netDays\"", "\"netdayz\""), 400, "terms.netdayz");
        var before = await Host.EventStoreMark();
        foreach (var key in new[] { "\\ud800", "a\\u0000", "\\udc00x", "" })
        {
            var answer = await Host.Send("POST", $"{AccountUrl}/credit-hold", $$"""{"{{key}}":"x","reason":"a"}""");
            answer.Status.ShouldBe(400, answer.Body);
            answer.ErrorFields.ShouldNotBeEmpty();
        }

        (await Host.EventStoreMark()).ShouldBe(before);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=utf-16")]
    public async Task a_body_that_is_not_declared_as_json_is_415(string? contentType)
    {
        await OpenAccountWithInvoice();
        await ShouldRefuse("place credit hold", """{"reason":"late"}""", 415, "Content-Type", contentType);
    }

    [Fact]
    public async Task a_json_body_with_charset_utf8_is_accepted()
    {
        await OpenAccountWithInvoice();
        var answer = await Host.Send("POST", $"{AccountUrl}/credit-hold", """{"reason":"late"}""",
            "application/json; charset=utf-8");
        answer.Status.ShouldBe(200, answer.Body);
    }

    [Fact]
    public async Task a_10_MB_reason_is_413()
    {
        await OpenAccountWithInvoice();
        await ShouldRefuse("place credit hold", $$"""{"reason":"{{new string('x', 10_000_000)}}"}""", 413, "body");
    }

    [Fact]
    public async Task a_reason_over_its_limit_is_400()
    {
        await OpenAccountWithInvoice();
        await ShouldRefuse("place credit hold", $$"""{"reason":"{{new string('x', 2001)}}"}""", 400, "reason");
        await ShouldRefuse("refer to agency", $$"""{"agency":"{{new string('x', 201)}}"}""", 400, "agency");
    }

    [Fact]
    public async Task a_100000_item_array_is_refused_and_lists_have_a_maximum()
    {
        await OpenAccountWithInvoice();
        var huge = string.Join(",", Enumerable.Repeat("\"INV-1\"", 100_000));
        await ShouldRefuse("raise dispute", $$"""{"invoiceNumbers":[{{huge}}],"reason":"x"}""", 413, "body");
        var tooMany = string.Join(",", Enumerable.Repeat("\"INV-1\"", 101));
        await ShouldRefuse("raise dispute", $$"""{"invoiceNumbers":[{{tooMany}}],"reason":"x"}""", 400, "invoiceNumbers");
        var allocations = string.Join(",", Enumerable.Repeat("""{"invoiceNumber":"INV-1","amount":79228162514264337593543950335}""", 101));
        await ShouldRefuse("record payment", $$"""{"paymentId":"P-1","amount":1,"currency":"EUR","appliedTo":[{{allocations}}]}""", 400, "appliedTo");
        var two = string.Join(",", Enumerable.Repeat("""{"invoiceNumber":"INV-1","amount":79228162514264337593543950335}""", 2));
        await ShouldRefuse("record payment", $$"""{"paymentId":"P-1","amount":1,"currency":"EUR","appliedTo":[{{two}}]}""", 400, "appliedTo[0].amount");
    }

    [Theory]
    [InlineData("/api/obligations")]
    [InlineData("/api/credit-holds")]
    [InlineData("/api/work-queue")]
    public async Task page_and_page_size_are_bounded_on_every_list(string list)
    {
        foreach (var (query, field) in new[]
                 {
                     ("page=2147483647", "page"), ("page=10001", "page"), ("page=0", "page"), ("pageSize=501", "pageSize"),
                     ("pageSize=0", "pageSize")
                 })
        {
            var result = await Host.Scenario(x =>
            {
                x.Get.Url($"{list}?{query}");
                x.StatusCodeShouldBe(400);
            });
            result.Context.Response.ContentType.ShouldStartWith("application/problem+json");
            (await result.ReadAsTextAsync()).ShouldContain($"\"{field}\"");
        }

        await Host.Scenario(x => x.Get.Url($"{list}?page=10000&pageSize=500"));
    }
}

internal static class AnswerAssertions
{
    public static void Says(this RawRequests.Answer answer, string message) =>
        answer.Body.ShouldContain(message, Case.Sensitive, answer.Body);
}
