using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Collections.Tests.Reliability;

/// <summary>
/// Concurrent HTTP writers, as a careful integrator would write them: each writer opens its own accounts, issues
/// past-due invoices and records payments, every command with an id of its own (account number, invoice number,
/// payment id). A command that is not acknowledged (a 503, a 409, a dropped connection, a timeout) is sent again,
/// unchanged, to the next node, until it is acknowledged (2xx) or the load is stopped. Every answer is recorded.
/// </summary>
public sealed class WriteLoad(string prefix, Func<IReadOnlyList<HttpClient>> nodes)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _writers = [];
    private int _nextNode;

    public ConcurrentBag<Answer> Answers { get; } = [];
    public ConcurrentDictionary<string, Command> Commands { get; } = new();

    /// <summary>Ms to wait before sending an unacknowledged command again.</summary>
    public int RetryDelayMs { get; init; } = 200;

    /// <summary>Ms each writer waits after an acknowledged command: a steady load rather than as fast as it can go.</summary>
    public int PaceMs { get; init; }

    public void Start(int writers)
    {
        for (var w = 1; w <= writers; w++)
        {
            var writer = w;
            _writers.Add(Task.Run(() => Write(writer)));
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> commands were acknowledged (a fresh process is slow at first).</summary>
    public async Task UntilAcknowledged(int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Commands.Values.Count(c => c.Acknowledged) < count && clock.Elapsed < timeout) await Task.Delay(100);
    }

    /// <summary>Stops sending new commands; a command in flight is still sent until acknowledged, up to <paramref name="drain"/>.</summary>
    public async Task StopAsync(TimeSpan drain)
    {
        _stopSending = true;
        _stop.CancelAfter(drain);
        await Task.WhenAll(_writers);
    }

    private volatile bool _stopSending;

    private async Task Write(int writer)
    {
        for (var a = 1; !_stopSending; a++)
        {
            var account = $"{prefix}-{writer}-{a}";
            if (!await Send(new Command("open", account, account, HttpMethod.Put, $"/api/accounts/{account}", new
                {
                    debtorName = $"Load {writer}/{a} Ltd", timeZone = "UTC", terms = new { netDays = 30, currency = "EUR" },
                    contacts = new[] { new { contactId = "ap", name = "Ada Clerk", role = "apClerk", email = "ap@load.test" } }
                }))) return;

            for (var i = 1; i <= 4 && !_stopSending; i++)
            {
                var invoice = $"{account}-INV-{i}";
                var due = Today.AddDays(-10 - i);
                if (!await Send(new Command("invoice", account, invoice, HttpMethod.Post, $"/api/accounts/{account}/invoices",
                        new { invoiceNumber = invoice, amount = 100m, currency = "EUR", issueDate = due.AddDays(-30), dueDate = due })))
                    return;
                var payment = $"{account}-PAY-{i}";
                if (!await Send(new Command("payment", account, payment, HttpMethod.Post, $"/api/accounts/{account}/payments",
                        new { paymentId = payment, amount = 1m, currency = "EUR" })))
                    return;
            }
        }
    }

    /// <returns>false when the load was stopped before the command was acknowledged.</returns>
    private async Task<bool> Send(Command command)
    {
        Commands[command.Id] = command;
        while (!_stop.IsCancellationRequested)
        {
            var clients = nodes();
            var client = clients[(int)((uint)Interlocked.Increment(ref _nextNode) % clients.Count)];
            var clock = Stopwatch.StartNew();
            var sentAt = DateTimeOffset.UtcNow;
            try
            {
                using var request = new HttpRequestMessage(command.Method, command.Path) { Content = JsonContent.Create(command.Body) };
                using var response = await client.SendAsync(request, _stop.Token);
                var body = await response.Content.ReadAsStringAsync(_stop.Token);
                Answers.Add(new Answer(command.Id, client.BaseAddress!.Port, sentAt, clock.Elapsed, (int)response.StatusCode,
                    response.Headers.RetryAfter?.Delta, body));
                if (response.IsSuccessStatusCode)
                {
                    command.Acknowledged = true;
                    if (PaceMs > 0) await Task.Delay(PaceMs, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                    return true;
                }

                if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.Conflict
                    or HttpStatusCode.InternalServerError or HttpStatusCode.GatewayTimeout))
                    throw new InvalidOperationException($"{command.Kind} {command.Id}: unexpected {(int)response.StatusCode} {body}");
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // The node died under the request, or it took longer than the client's timeout: the outcome is unknown.
                Answers.Add(new Answer(command.Id, client.BaseAddress!.Port, sentAt, clock.Elapsed, 0, null, e.GetType().Name));
            }

            try { await Task.Delay(RetryDelayMs, _stop.Token); }
            catch (OperationCanceledException) { break; }
        }

        return false;
    }

    public sealed record Command(string Kind, string Account, string Id, HttpMethod Method, string Path, object Body)
    {
        public volatile bool Acknowledged;
    }

    /// <param name="Status">HTTP status, or 0 when no answer came (connection refused or cut, client timeout).</param>
    public sealed record Answer(string CommandId, int Port, DateTimeOffset SentAt, TimeSpan Took, int Status, TimeSpan? RetryAfter, string Body);
}
