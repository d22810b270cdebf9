using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Collections.Tests.Support;
using CsCheck;
using Wolverine;
using Wolverine.Tracking;

namespace Collections.Tests.Api;

/// <summary>
/// Thousands of generated requests over every write endpoint, valid and hostile mixed (wrong types, extreme numbers,
/// odd Unicode with NUL and unpaired surrogates, long strings, impossible dates, deep nesting, unknown fields, nulls,
/// duplicate keys, wrong content types). The server never answers 5xx, every refusal is problem details, no answer
/// names anything internal (<see cref="InternalDetails"/>), and a refused request leaves the event store exactly as
/// it was: same rows, same highest sequence, so no tombstone.
/// </summary>
/// <remarks>
/// 10,000 requests by default; <c>COLLECTIONS_GENERATED_REQUESTS</c> runs more, <c>COLLECTIONS_GENERATED_SEED</c>
/// replays a run (CsCheck prints the seed of a failure).
/// </remarks>
public class GeneratedInput(AppFixture fixture) : ApiContext(fixture)
{
    private static readonly string[] Accounts = ["GEN-1", "GEN-2", "GEN-3", "GEN-4"];

    [Fact]
    public async Task generated_requests_never_fail_the_server_and_refused_ones_write_nothing()
    {
        var requests = int.TryParse(Environment.GetEnvironmentVariable("COLLECTIONS_GENERATED_REQUESTS"), out var n) ? n : 10_000;
        var seed = Environment.GetEnvironmentVariable("COLLECTIONS_GENERATED_SEED") is { Length: > 0 } s ? s : null;
        foreach (var account in Accounts) await OpenWithInvoices(account);

        var byEndpoint = new Dictionary<string, int>();
        var byStatus = new SortedDictionary<int, int>();
        var byKind = new Dictionary<string, int>();
        var mark = await Host.EventStoreMark();
        var clock = Stopwatch.StartNew();

        await Requests.SampleAsync(async request =>
        {
            var answer = await Send(request);
            var after = await Host.EventStoreMark();
            Count(byEndpoint, request.Endpoint.Name);
            Count(byKind, request.Kind);
            Count(byStatus, answer.Status);

            answer.Status.ShouldBeLessThan(500, answer.Body);
            answer.Body.ShouldNameNothingInternal($"{request.Endpoint.Url(request.Account)} {Encoding.UTF8.GetString(request.Body)}", request.ToString());
            if (answer.Status >= 400)
            {
                answer.ContentType.ShouldNotBeNull().ShouldStartWith("application/problem+json", customMessage: answer.Body);
                if (answer.Status is 400 or 413 or 415) answer.ErrorFields.ShouldNotBeEmpty(answer.Body);
                after.ShouldBe(mark, $"a refused request ({answer.Status}) moved the event store: {answer.Body}");
            }

            mark = after;
        }, iter: requests, threads: 1, seed: seed, print: r => r.ToString());

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{requests} generated requests in {clock.Elapsed.TotalSeconds:0.0} s; {mark.Rows} events stored.");
        output?.WriteLine("By endpoint: " + string.Join(", ", byEndpoint.OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value}")));
        output?.WriteLine("By kind: " + string.Join(", ", byKind.OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value}")));
        output?.WriteLine("By status: " + string.Join(", ", byStatus.Select(e => $"{e.Key} {e.Value}")));

        byEndpoint.Keys.Order().ShouldBe(WriteEndpoint.All.Select(e => e.Name).Order());
        byEndpoint.Values.ShouldAllBe(count => count >= requests / WriteEndpoint.All.Count / 3);
        byStatus.Keys.ShouldContain(200);
        byStatus.Keys.ShouldContain(400);
    }

    private async Task OpenWithInvoices(string account)
    {
        var open = WriteEndpoint.Named("open account");
        (await Host.Send(open.Method, open.Url(account), open.ValidBody)).Status.ShouldBe(201);
        foreach (var invoice in new[] { "INV-1", "INV-2" })
        {
            var body = $$"""{"invoiceNumber":"{{invoice}}","amount":5000,"currency":"EUR","issueDate":"2095-01-01","dueDate":"2095-03-01"}""";
            (await Host.Send("POST", $"/api/accounts/{account}/invoices", body)).Status.ShouldBe(200);
        }
    }

    /// <summary>Waits for what an accepted request cascades (the escalation hearing of it) before the next one.</summary>
    private async Task<RawRequests.Answer> Send(Request request)
    {
        RawRequests.Answer answer = null!;
        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync(
            (Func<IMessageContext, Task>)(async _ => answer = await Host.Send(request.Endpoint.Method,
                request.Endpoint.Url(request.Account), request.Body, request.ContentType)));
        return answer;
    }

    private static void Count<T>(IDictionary<T, int> counts, T key) where T : notnull =>
        counts[key] = counts.TryGetValue(key, out var c) ? c + 1 : 1;

    public sealed record Request(WriteEndpoint Endpoint, string Account, string Kind, byte[] Body, string? ContentType)
    {
        public override string ToString()
        {
            var text = Encoding.UTF8.GetString(Body);
            return $"{Endpoint.Method} {Endpoint.Url(Account)} [{Kind}] Content-Type: {ContentType ?? "(none)"}; " +
                   $"{Body.Length} bytes: {(text.Length > 400 ? text[..400] + "…" : text)}";
        }
    }

    // ---- JSON as a tree of raw texts, so that anything (also what no serializer writes) can be put anywhere ----

    public abstract record J
    {
        public abstract void Write(StringBuilder to);

        public string Text()
        {
            var builder = new StringBuilder();
            Write(builder);
            return builder.ToString();
        }
    }

    public sealed record Raw(string Json) : J
    {
        public override void Write(StringBuilder to) => to.Append(Json);
    }

    public sealed record Obj(IReadOnlyList<(string Key, J Value)> Fields) : J
    {
        public override void Write(StringBuilder to)
        {
            to.Append('{');
            for (var i = 0; i < Fields.Count; i++)
            {
                if (i > 0) to.Append(',');
                to.Append('"').Append(Fields[i].Key).Append("\":"); // keys are JSON text already: hostile ones too
                Fields[i].Value.Write(to);
            }

            to.Append('}');
        }
    }

    public sealed record Arr(IReadOnlyList<J> Items) : J
    {
        public override void Write(StringBuilder to)
        {
            to.Append('[');
            for (var i = 0; i < Items.Count; i++)
            {
                if (i > 0) to.Append(',');
                Items[i].Write(to);
            }

            to.Append(']');
        }
    }

    private static J Str(string value) => new Raw(JsonSerializer.Serialize(value));
    private static readonly J Null = new Raw("null");

    private static Obj O(params (string, J)[] fields) => new(fields);

    /// <summary>Every object in the tree, with a function that puts a replacement for it back into the whole.</summary>
    private static IEnumerable<(Obj Node, Func<J, J> Replace)> Objects(J root, Func<J, J> put)
    {
        switch (root)
        {
            case Obj o:
                yield return (o, put);
                for (var i = 0; i < o.Fields.Count; i++)
                {
                    var at = i;
                    foreach (var inner in Objects(o.Fields[i].Value,
                                 v => put(new Obj(o.Fields.Select((f, j) => j == at ? (f.Key, v) : f).ToList()))))
                        yield return inner;
                }

                break;
            case Arr a:
                for (var i = 0; i < a.Items.Count; i++)
                {
                    var at = i;
                    foreach (var inner in Objects(a.Items[i], v => put(new Arr(a.Items.Select((x, j) => j == at ? v : x).ToList()))))
                        yield return inner;
                }

                break;
        }
    }

    /// <summary>Every value below the root, with a function that puts a replacement for it back into the whole.</summary>
    private static IEnumerable<(string Path, Func<J, J> Replace)> Values(J root, string path, Func<J, J> put)
    {
        if (path.Length > 0) yield return (path, put);
        switch (root)
        {
            case Obj o:
                for (var i = 0; i < o.Fields.Count; i++)
                {
                    var at = i;
                    var key = o.Fields[i].Key;
                    foreach (var inner in Values(o.Fields[i].Value, path.Length == 0 ? key : $"{path}.{key}",
                                 v => put(new Obj(o.Fields.Select((f, j) => j == at ? (f.Key, v) : f).ToList()))))
                        yield return inner;
                }

                break;
            case Arr a:
                for (var i = 0; i < a.Items.Count; i++)
                {
                    var at = i;
                    foreach (var inner in Values(a.Items[i], $"{path}[{i}]", v => put(new Arr(a.Items.Select((x, j) => j == at ? v : x).ToList()))))
                        yield return inner;
                }

                break;
        }
    }

    // ---- valid values ----

    private static readonly Gen<J> Identifier = Gen.String[Gen.Char["ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-"], 1, 12].Select(Str);

    private static readonly Gen<string> NameText = Gen.OneOf<string>(
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz ABCDEF.'&"], 1, 30].Where(x => x.Trim().Length > 0),
        Gen.OneOf("Müller & Söhne GmbH", "株式会社テスト", "Ζήτα Α.Ε.", "O'Brien Ltd", "Emoji 😀 Ltd", "Ñandú S.A.", "collector-1"));

    private static readonly Gen<J> Name = NameText.Select(Str);

    private static readonly Gen<J> FreeText = Gen.OneOf<string>(NameText,
        Gen.OneOf("two\nlines", "tab\there", "windows\r\nline", "late; see ticket #4411")).Select(Str);

    private static readonly Gen<J> Amount = Gen.Int[1, 99_999_999].Select(c => (J)new Raw((c / 100m).ToString(CultureInfo.InvariantCulture)));

    private static readonly Gen<J> Currency = Gen.OneOf("EUR", "EUR", "EUR", "GBP", "JPY").Select(Str);

    /// <summary>Dates far ahead of both clocks: nothing falls due, so no timer writes behind the test's back.</summary>
    private static readonly Gen<DateOnly> FarDate = Gen.Int[0, 3000].Select(d => new DateOnly(2090, 1, 1).AddDays(d));

    private static J Date(DateOnly d) => Str(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static readonly Gen<J> PastInstant = Gen.Int[0, 400 * 24].Select(h =>
        Str(TestClock.Start.AddHours(-h).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));

    private static readonly Gen<J> InvoiceNumber = Gen.Frequency<J>((4, Gen.Int[1, 3].Select(i => Str($"INV-{i}"))), (1, Identifier));

    private static readonly Gen<J> ExpectedVersion = Gen.Frequency<J>((5, Gen.Const(Null)), (1, Gen.Int[0, 30].Select(v => (J)new Raw($"{v}"))));

    private static Gen<J> Maybe(Gen<J> gen) => Gen.Frequency<J>((3, gen), (1, Gen.Const(Null)));

    private static readonly Gen<J> Contact = Gen.Select(Gen.OneOf("apClerk", "controller", "cfo", "owner", "personalGuarantor"),
        Name, Gen.Bool, (role, name, email) => (J)O(("contactId", Str("ap")), ("name", name), ("role", Str(role)),
            email ? ("email", Str("ap@acme.test")) : ("phone", Str("+49 30 1234"))));

    private static readonly Gen<J> OpenAccountBody = Gen.Select(Name, Gen.OneOf("Europe/Berlin", "America/New_York", "UTC", "Asia/Tokyo"),
        Gen.Int[0, 365], Maybe(Amount), Contact, Maybe(Gen.OneOf("collector-1", "collector-2", "sam.porter").Select(Str)),
        (debtor, zone, netDays, limit, contact, collector) => (J)O(("debtorName", debtor), ("segment", Str("standard")),
            ("timeZone", Str(zone)),
            ("terms", O(("netDays", new Raw($"{netDays}")), ("creditLimit", limit), ("currency", Str("EUR")))),
            ("contacts", new Arr([contact])), ("collector", collector)));

    private static readonly Gen<J> ContactDetails = Gen.Select(Gen.OneOf("apClerk", "controller", "cfo", "owner", "personalGuarantor"),
        Name, Gen.Int[0, 2], ExpectedVersion, (role, name, detail, version) => (J)O(("name", name), ("role", Str(role)),
            detail switch { 0 => ("email", Str("ap@acme.test")), 1 => ("phone", Str("+49 30 1234")), _ => ("postalAddress", Str("1 Main St\nBerlin")) },
            ("expectedVersion", version)));

    private static readonly Gen<J> Invoice = Gen.Select(Gen.Int[1, 500], Amount, FarDate, Gen.Int[0, 90], Gen.Bool, Gen.Int[0, 60],
        (number, amount, issued, days, contract, afterDays) => (J)O(("invoiceNumber", Str($"INV-{number}")), ("amount", amount),
            ("currency", Str("EUR")), ("issueDate", Date(issued)), ("dueDate", Date(issued.AddDays(days))),
            ("contract", contract
                ? O(("reference", Str("MSA-2024")), ("lateFee", O(("percent", new Raw("5")), ("afterDaysPastDue", new Raw($"{afterDays}")))))
                : Null)));

    private static readonly Gen<J> Payment = Gen.Select(Gen.Int[1, 100_000], Amount, Maybe(PastInstant), Gen.Bool, InvoiceNumber, Maybe(FreeText),
        (id, amount, at, applied, invoice, reference) => (J)O(("paymentId", Str($"PAY-{id}")), ("amount", amount), ("currency", Str("EUR")),
            ("receivedAt", at), ("appliedTo", applied ? new Arr([O(("invoiceNumber", invoice), ("amount", new Raw("1.00")))]) : Null),
            ("reference", reference)));

    private static readonly Gen<J> Promise = Gen.Select(Amount, Gen.Int[0, 60], Maybe(FreeText), ExpectedVersion,
        (amount, days, note, version) => (J)O(("amount", amount), ("currency", Str("EUR")),
            ("promisedDate", Date(DateOnly.FromDateTime(TestClock.Start.UtcDateTime).AddDays(days))), ("contactId", Str("ap")),
            ("note", note), ("expectedVersion", version)));

    private static readonly Gen<J> Instalment = Gen.Select(Gen.Int[0, 400], Amount,
        (days, amount) => (J)O(("dueDate", Date(DateOnly.FromDateTime(TestClock.Start.UtcDateTime).AddDays(days))), ("amount", amount)));

    private static readonly Gen<J> PaymentPlan = Gen.Select(Currency, Instalment.Array[1, 6], Maybe(FreeText), ExpectedVersion,
        (currency, instalments, note, version) => (J)O(("currency", currency), ("instalments", new Arr(instalments)), ("note", note),
            ("expectedVersion", version)));

    private static Gen<J> Text(string text) =>
        Gen.Select(FreeText, ExpectedVersion, (t, v) => (J)O((text, t), ("expectedVersion", v)));

    private static readonly Gen<J> LogContact = Gen.Select(Gen.OneOf("letter", "email", "phone", "meeting", "sms"),
        Gen.OneOf("outbound", "inbound"), Gen.OneOf("reached", "noAnswer", "leftMessage", "promisedToPay", "other"),
        FreeText, Maybe(PastInstant),
        (channel, direction, outcome, summary, at) => (J)O(("channel", Str(channel)), ("direction", Str(direction)),
            ("contactId", Str("ap")), ("summary", summary), ("outcome", Str(outcome)), ("occurredAt", at)));

    private static readonly Gen<J> Dispute = Gen.Select(InvoiceNumber.Array[1, 3], FreeText,
        (invoices, reason) => (J)O(("invoiceNumbers", new Arr(invoices)), ("reason", reason)));

    private static readonly Gen<J> Resolution = Gen.Select(Gen.OneOf("inFavourOfCreditor", "inFavourOfDebtor", "compromise"),
        FreeText, (outcome, note) => (J)O(("outcome", Str(outcome)), ("note", note)));

    private static readonly Gen<J> DunningBlock = Gen.Select(FreeText, Gen.Int[-3, 90], ExpectedVersion, (reason, days, version) =>
        (J)O(("reason", reason), ("until", Date(DateOnly.FromDateTime(TestClock.Start.UtcDateTime).AddDays(days))), ("expectedVersion", version)));

    private static readonly Gen<J> Agency = Gen.Select(Name, Maybe(FreeText),
        (agency, reason) => (J)O(("agency", agency), ("reason", reason)));

    private static readonly Gen<J> WriteOffDecision = Gen.Select(Gen.Bool, FreeText, ExpectedVersion,
        (approve, note, version) => (J)O(("approve", new Raw(approve ? "true" : "false")), ("note", note), ("expectedVersion", version)));

    private static Gen<J> ValidBody(WriteEndpoint endpoint) => endpoint.Name switch
    {
        "open account" => OpenAccountBody,
        "issue invoice" => Invoice,
        "record payment" => Payment,
        "record promise" => Promise,
        "approve promise" => Text("note"),
        "agree payment plan" => PaymentPlan,
        "place credit hold" => Text("reason"),
        "release credit hold" => Text("reason"),
        "log contact" => LogContact,
        "raise dispute" => Dispute,
        "resolve dispute" => Resolution,
        "refer to agency" => Agency,
        "write off" => Text("reason"),
        "decide write-off" => WriteOffDecision,
        "reopen" => Text("reason"),
        "complete task" => Text("note"),
        "place dunning block" => DunningBlock,
        "lift dunning block" => Text("reason"),
        "record contact details" => ContactDetails,
        _ => throw new ArgumentOutOfRangeException(endpoint.Name)
    };

    // ---- hostile values ----

    private static readonly string[] WrongTypes = ["\"12.5\"", "\"\"", "\"   \"", "true", "false", "[]", "{}", "[1,2]",
        "{\"a\":1}", "null", "0", "\"null\"", "[null]", "[[]]"];

    private static readonly string[] ExtremeNumbers = ["1e40", "-1e40", "1e400", "79228162514264337593543950335",
        "79228162514264337593543950336", "-79228162514264337593543950335", "7.9e28", "1e-30", "-0", "-1", "-0.01",
        "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1.0000000000000000000000000000001",
        "1000000000000", "1000000000000.01", "1000000000001", "0.001", "0.0000001", "1E2", "123456789012345678901234567890",
        "NaN", "Infinity", "01", "1.", ".5", "+1", "0x10", "1_000"];

    /// <summary>Values of the wrong type and extreme numbers, as JSON text (whole bodies in <c>NothingInternalInAnswers</c>).</summary>
    public static IEnumerable<string> HostileValues => WrongTypes.Concat(ExtremeNumbers);

    private static readonly Gen<J> WrongType = Gen.OneOf(WrongTypes).Select(x => (J)new Raw(x));

    private static readonly Gen<J> ExtremeNumber = Gen.OneOf(ExtremeNumbers).Select(x => (J)new Raw(x));

    private static readonly Gen<string> Injection = Gen.OneOf("\\u0000", "\\u0001", "\\u0008", "\\u000b", "\\u001b", "\\u001f",
        "\\u007f", "\\u0085", "\\u009f", "\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\ud800\\u0041", "\\udc00\\ud800", "\\n", "\\t",
        "\\r", "\\u2028", "\\\"", "\\\\", "\\/", "\u202e", "\u200b", "\ufeff", "\U0001F600", "e\u0301", "\uffff", "\ufffe", "\u00a0",
        "%00", "'; drop table mt_events; --", "<script>", "${jndi:ldap://x}", "\\u0000\\u0000\\u0000");

    private static readonly Gen<J> OddString = Gen.Select(Gen.OneOf("", "a", "INV-1", "collector-1"), Injection,
        Gen.OneOf("", "b", " tail"), (before, odd, after) => (J)new Raw($"\"{before}{odd}{after}\""));

    private static readonly Gen<J> LongString = Gen.Select(Gen.OneOf(13, 63, 64, 65, 199, 200, 201, 254, 255, 500, 501, 1999, 2000,
            2001, 4000, 4001, 20_000, 100_000, 300_000), Gen.OneOf("x", "ä", "€", "😀"),
        (length, unit) => (J)new Raw($"\"{string.Concat(Enumerable.Repeat(unit, length))}\""));

    private static readonly Gen<J> ImpossibleDate = Gen.OneOf("2026-02-30", "2026-02-29", "2028-02-30", "9999-12-31", "0001-01-01",
        "1999-12-31", "2101-01-01", "2100-12-31", "2000-01-01", "2026-13-01", "2026-00-10", "2026-1-1", "26-01-01", "yesterday",
        "2026-11-23T10:00:00Z", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-14:00", "2031-03-03T09:10:00+00:00",
        "2031-03-03T09:04:00Z", "1970-01-01T00:00:00Z", "2026-11-23T25:00:00Z", "", "20261123").Select(x => (J)new Raw($"\"{x}\""));

    private static readonly Gen<J> DeepNesting = Gen.Select(Gen.OneOf(2, 5, 8, 9, 10, 64, 65, 200, 2_000, 20_000), Gen.Bool,
        (depth, arrays) => (J)new Raw(arrays
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)));

    private static readonly Gen<J> Hostile = Gen.Frequency<J>((3, WrongType), (3, ExtremeNumber), (4, OddString), (2, LongString),
        (2, ImpossibleDate), (1, DeepNesting));

    public static readonly string?[] HostileContentTypes = [null, "", "text/plain", "application/xml",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
        "application/json; charset=iso-8859-1", "application/jsonx", "text/json", "application/problem+json", "*/*", "json",
        "application/json;charset=UTF-8", "APPLICATION/JSON", "application/json; charset=\"utf-8\""];

    private static readonly Gen<string?> HostileContentType = Gen.OneOf(HostileContentTypes);

    public static readonly string[] WholeBodies = ["null", "", " ", "\n", "[]", "[{}]", "[null]", "123", "-1e40",
        "\"text\"", "true", "{", "}", "{\"a\":", "{}}", "{} {}", "{,}", "{\"\":1}", "\u0000", "{\"reason\":\"x\"\u0000}",
        "\ufeff{}", "{'reason':'x'}", "{reason:\"x\"}", "/* comment */ {}", "{\"a\":1,}", new string('[', 100_000)];

    private static readonly Gen<string> WholeBody = Gen.OneOf(WholeBodies);

    private static readonly Gen<string> UnknownKey = Gen.OneOf("extra", "$type", "__proto__", "constructor", "Amount ", "amount\\u0000",
        "ämount", "", "id", "version", "accountNumber", "events", "\\ud800", "a\\udc00", "\\\"", "a.b", "a[0]", "$['x']");

    private static Gen<byte[]> Mutated(J body) => Gen.Frequency<byte[]>(
        // a value replaced by a hostile one, or removed
        (10, Gen.Int[0, 1000].SelectMany(pick =>
        {
            var values = Values(body, "", v => v).ToList();
            var (_, replace) = values[pick % values.Count];
            return Gen.Frequency<J>((9, Hostile), (1, Gen.Const(Null))).Select(v => Utf8(replace(v).Text()));
        })),
        // a key twice (the same, another value, or differing only in case)
        (2, Gen.Int[0, 1000].SelectMany(pick =>
        {
            var objects = Objects(body, v => v).Where(o => o.Node.Fields.Count > 0).ToList();
            var (node, replace) = objects[pick % objects.Count];
            return Gen.Select(Gen.Int[0, node.Fields.Count - 1], Gen.Frequency<J?>((2, Gen.Const((J?)null)), (1, Hostile.Select(h => (J?)h))),
                Gen.Bool, (field, other, upper) =>
                {
                    var (key, value) = node.Fields[field];
                    var twin = (upper ? char.ToUpperInvariant(key[0]) + key[1..] : key, other ?? value);
                    return Utf8(replace(new Obj([.. node.Fields, twin])).Text());
                });
        })),
        // a field nobody asked for
        (2, Gen.Select(Gen.Int[0, 1000], UnknownKey, Gen.Frequency<J>((3, Name), (1, Hostile)), (pick, key, value) =>
        {
            var objects = Objects(body, v => v).ToList();
            var (node, replace) = objects[pick % objects.Count];
            return Utf8(replace(new Obj([.. node.Fields, (key, value)])).Text());
        })),
        // bytes that are not UTF-8 inside a string
        (1, Gen.OneOf<byte[]>([0xED, 0xA0, 0x80], [0xC3, 0x28], [0xFF], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00]).Select(bad =>
        {
            var text = Utf8(body.Text());
            var at = Array.IndexOf(text, (byte)'"', Array.IndexOf(text, (byte)':') + 1) + 1;
            return (byte[])[.. text[..at], .. bad, .. text[at..]];
        })),
        // a valid body cut short
        (1, Gen.Int[0, 1000].Select(cut =>
        {
            var text = body.Text();
            return Utf8(text[..(cut % text.Length)]);
        })));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static readonly Gen<string> AccountFor = Gen.Frequency<string>((30, Gen.OneOf(Accounts)), (1, Gen.Const("NO-SUCH-ACCOUNT")));

    private static readonly Gen<string> PutAccount = Gen.Frequency<string>((6, Gen.OneOf(Accounts)), (3, Gen.Int[100, 999].Select(i => $"GEN-{i}")),
        (1, Gen.OneOf("bad number", new string('A', 65), "ä-1", "-lead", "a%25b", "a\u0001b", "x\u202ey")));

    private static readonly Gen<Request> Requests = Gen.OneOf<WriteEndpoint>([.. WriteEndpoint.All]).SelectMany(endpoint =>
        Gen.Select(endpoint.Name == "open account" ? PutAccount : AccountFor, ValidBody(endpoint)).SelectMany(pair =>
        {
            var (account, body) = pair;
            return Gen.Frequency<Request>(
                (25, Gen.Const(new Request(endpoint, account, "valid", Utf8(body.Text()), "application/json"))),
                (55, Mutated(body).Select(bytes => new Request(endpoint, account, "mutated", bytes, "application/json"))),
                (10, WholeBody.Select(text => new Request(endpoint, account, "whole body", Utf8(text), "application/json"))),
                (10, HostileContentType.Select(type => new Request(endpoint, account, "content type", Utf8(body.Text()), type))));
        }));
}
