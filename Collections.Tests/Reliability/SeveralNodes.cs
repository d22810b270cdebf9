using System.Diagnostics;
using System.Net.Http.Json;
using Collections.Tests.Integration;
using Collections.Tests.Support;

namespace Collections.Tests.Reliability;

/// <summary>
/// Three API processes (Balanced durability: Wolverine spreads the projections, the relay and the durability agent
/// over them) on one fresh database, under concurrent writers spread over all three; one node is killed with SIGKILL
/// mid-load. Every acknowledged command is stored exactly once, no escalation step runs twice, and the dead node's
/// agents run elsewhere within 10 s.
/// </summary>
public sealed class SeveralNodes(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Prefix = "NODES";
    private static readonly int[] Ports = [TestPorts.Api(1), TestPorts.Api(2), TestPorts.Api(3)];
    private static readonly TimeSpan TakeoverLimit = TimeSpan.FromSeconds(10);
    private readonly List<ApiProcess> _nodes = [];
    private readonly string _work = Directory.CreateTempSubdirectory("collections-nodes-").FullName;
    private string _connection = "";
    private Dictionary<string, string> _settings = [];

    private Broker _broker = null!;
    private string _probes = "";

    public async ValueTask InitializeAsync()
    {
        _connection = await TestDatabase.Recreate("nodes");
        // The default ladder with every day (and hour) read as two seconds: steps fall due every few seconds.
        var policy = await FastPolicy.WriteAsync(_work, (n, _) => n * 2);
        // A subscriber for the probe accounts: the relay must deliver after each kill, wherever it runs then.
        _broker = await Broker.ConnectAsync();
        _probes = await _broker.SubscribeAsync("test.several-nodes", "default.collections.account_opened.v1");
        _settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = _connection,
            ["ConnectionStrings__RabbitMq"] = Integration.Broker.Uri.ToString(),
            ["Collections__CreditPolicy"] = policy,
            ["Collections__Email__SmtpHost"] = " ", // blank: the pickup directory
            ["Collections__Email__PickupDirectory"] = Path.Combine(_work, "mail")
        };
    }

    [Fact]
    public async Task a_node_killed_under_load_loses_nothing_runs_no_step_twice_and_its_agents_move_within_ten_seconds()
    {
        // The first node creates the schema alone; the other two then start side by side.
        var started = Stopwatch.StartNew();
        _nodes.Add(await ApiProcess.StartAsync("node-1", Ports[0], _settings));
        _nodes.AddRange(await Task.WhenAll(
            ApiProcess.StartAsync("node-2", Ports[1], _settings), ApiProcess.StartAsync("node-3", Ports[2], _settings)));
        var nodeIds = new Dictionary<Guid, ApiProcess>();
        foreach (var node in _nodes) nodeIds[(await node.Node.WaitAsync(TimeSpan.FromSeconds(30))).Id] = node;
        output.WriteLine($"three nodes up in {started.Elapsed.TotalSeconds:F1} s");

        var live = _nodes.Select(n => n.Client).ToArray();
        // A steady load within the relay's throughput (about 300 events/s, issue #12): flat out, the writers
        // outrun it, and its backlog rather than its takeover decides when a probe reaches the broker.
        var load = new WriteLoad(Prefix, () => Volatile.Read(ref live)) { PaceMs = 40 };
        load.Start(writers: 4);

        // First the node running the relay (with Wolverine's defaults that is the first node, the leader, which also
        // runs the durability agent that fires timers); then, if another node runs AccountSummary, that one too.
        var takeovers = new List<(string Node, TimeSpan After)>();
        var ackedBefore = 0;
        // Mid-load: the writers have been at it for a while before the first kill.
        await load.UntilAcknowledged(300, TimeSpan.FromSeconds(40));
        foreach (var agentName in new[] { "/integration-events/", "/accountsummary/" })
        {
            var current = await SettledAssignments(nodeIds.Where(n => !n.Value.HasExited).Select(n => n.Key), TimeSpan.FromSeconds(60));
            var victimId = current.Single(a => a.Agent.Contains(agentName)).Node;
            var victim = nodeIds[victimId];
            if (victim.HasExited) continue;
            await Task.Delay(TimeSpan.FromSeconds(2));
            takeovers.Add((victim.Name, await KillAndMeasureTakeover(victim, victimId, current, nodeIds, load, () => live = _nodes
                .Where(n => !n.HasExited).Select(n => n.Client).ToArray())));
            ackedBefore = load.Commands.Values.Count(c => c.Acknowledged);
        }

        var takeover = takeovers.Max(t => t.After);
        var summary = $"takeover after kill -9: {string.Join(", ", takeovers.Select(t => $"{t.Node} {t.After.TotalSeconds:F1} s"))}";
        output.WriteLine(summary);
        foreach (var record in await EventLedger.Rows(_connection,
                     "select to_char(timestamp, 'HH24:MI:SS.MS'), node_number, event_name, left(description, 120) from collections.wolverine_node_records " +
                     "where event_name <> 'AgentPaused' order by id"))
            output.WriteLine("  node record: " + string.Join(" ", record));

        // More load on the two survivors, then stop and let the escalation steps in flight land.
        await Task.Delay(TimeSpan.FromSeconds(5));
        await load.StopAsync(drain: TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(4));

        var answers = load.Answers.ToList();
        var commands = load.Commands.Values.ToList();
        var stored = await EventLedger.StoredCommands(_connection, Prefix);
        var steps = await EventLedger.EscalationSteps(_connection, Prefix);
        var deadLetters = await EventLedger.Scalar(_connection, "select count(*) from collections.wolverine_dead_letters");
        output.WriteLine($"{commands.Count} commands, {commands.Count(c => c.Acknowledged)} acknowledged; answers: " +
                         string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key)} x{g.Count()}")));
        output.WriteLine($"escalation: {steps.Count(s => s.Type == "reminder_sent")} letters/emails and " +
                         $"{steps.Count(s => s.Type == "collection_task_created")} tasks over {steps.Select(s => s.Account).Distinct().Count()} accounts; " +
                         $"{deadLetters} dead-lettered messages");

        Figures.Write("several-nodes", $"[several nodes] {summary}; {commands.Count(c => c.Acknowledged)} commands acknowledged, " +
                                       $"stored twice: {commands.Count(c => stored.GetValueOrDefault(c.Id) > 1)}, steps run twice: {steps.Count(s => s.Count > 1)}");
        deadLetters.ShouldBe(0, "a lost race is retried, never dead-lettered");
        commands.Count(c => c.Acknowledged).ShouldBeGreaterThan(ackedBefore, "the survivors kept acknowledging writes");
        commands.Where(c => c.Acknowledged && stored.GetValueOrDefault(c.Id) != 1)
            .Select(c => $"{c.Kind} {c.Id} stored {stored.GetValueOrDefault(c.Id)} times").ShouldBeEmpty();
        commands.Where(c => stored.GetValueOrDefault(c.Id) > 1).Select(c => c.Id).ShouldBeEmpty("nothing is stored twice");
        steps.Where(s => s.Type == "reminder_sent").ShouldNotBeEmpty("the escalation ran during the test");
        steps.Where(s => s.Count > 1).Select(s => $"{s.Account} {s.Type} {s.StepId} x{s.Count}").ShouldBeEmpty("no step runs twice");
        takeover.ShouldBeLessThan(TakeoverLimit, $"a dead node's agents run elsewhere within {TakeoverLimit.TotalSeconds} s");
    }

    /// <summary>
    /// Kills the node mid-load; measures until each agent it ran is running on a live node and an account opened
    /// after the kill is in AccountSummary and on a subscriber's queue (which shows the projection and the relay
    /// run, wherever they were).
    /// </summary>
    private async Task<TimeSpan> KillAndMeasureTakeover(ApiProcess victim, Guid victimId, List<(string Agent, Guid Node)> assignments,
        Dictionary<Guid, ApiProcess> nodeIds, WriteLoad load, Action dropDead)
    {
        output.WriteLine("agents: " + string.Join(", ", assignments.Select(a => $"{Short(a.Agent)} on {nodeIds[a.Node].Name}")));
        var victimAgents = assignments.Where(a => a.Node == victimId).Select(a => a.Agent).ToList();
        var leader = (await EventLedger.Rows(_connection,
            "select node_id from collections.wolverine_node_assignments where id like 'wolverine://leader%'")).SingleOrDefault()?[0];
        var acked = load.Commands.Values.Count(c => c.Acknowledged);
        var relayedAtKill = await RelayProgress();

        victim.Kill();
        var killedAt = Stopwatch.StartNew();
        dropDead();
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} killed {victim.Name} ({(leader == victimId.ToString() ? "the leader" : "not the leader")}, " +
                         $"running {string.Join(", ", victimAgents.Select(Short))}) after {acked} acknowledged commands");

        var survivors = nodeIds.Where(n => !n.Value.HasExited).Select(n => n.Key).ToHashSet();
        var moved = victimAgents.ToDictionary(agent => agent, agent => WaitFor(async () =>
            (await Assignments()).Any(a => a.Agent == agent && survivors.Contains(a.Node)), killedAt, TimeSpan.FromSeconds(90)));
        var probe = $"{Prefix}-PROBE-{victim.Name}";
        var probeSeen = ProbeThroughAccountSummary(nodeIds[survivors.First()].Client, probe, killedAt);
        var movedAfter = new Dictionary<string, TimeSpan>();
        foreach (var (agent, task) in moved) movedAfter[agent] = await task;
        var probeAfter = await probeSeen;
        var relayAfter = await WaitFor(async () => await RelayProgress() > relayedAtKill, killedAt, TimeSpan.FromSeconds(90));
        // The probe itself waits behind the relay's backlog (its throughput, not its takeover), so it only has to arrive.
        var relayed = await _broker.ReceiveAsync(_probes, r => r.Any(m => m.Subject == probe), TimeSpan.FromSeconds(120));
        relayed.ShouldContain(m => m.Subject == probe, "the relay publishes again after the kill");
        output.WriteLine("takeover: " + string.Join("; ", movedAfter.Select(m => $"{Short(m.Key)} running on a live node {m.Value.TotalSeconds:F1} s after the kill")) +
                         $"; an account opened after the kill in AccountSummary after {probeAfter.TotalSeconds:F1} s; the relay moving again after " +
                         $"{relayAfter.TotalSeconds:F1} s, the probe on the broker by {killedAt.Elapsed.TotalSeconds:F1} s");
        return movedAfter.Values.Append(probeAfter).Append(relayAfter).Max();
    }

    private Task<long> RelayProgress() => EventLedger.Scalar(_connection,
        "select coalesce(max(last_seq_id), 0) from collections.mt_event_progression where name like 'integration-events:%'");

    private static string Short(string agent) => agent.Split('/', StringSplitOptions.RemoveEmptyEntries) switch
    {
        [.., var name, "all"] => name,
        var parts => parts[0]
    };

    private async Task<List<(string Agent, Guid Node)>> Assignments() =>
        (await EventLedger.Rows(_connection, "select id, node_id from collections.wolverine_node_assignments where id not like 'wolverine://leader%'"))
        .Select(r => (r[0], Guid.Parse(r[1]))).ToList();

    /// <summary>Waits until the agents are spread over more than one node and stay put for three seconds.</summary>
    private async Task<List<(string Agent, Guid Node)>> SettledAssignments(IEnumerable<Guid> nodes, TimeSpan timeout)
    {
        var known = nodes.ToHashSet();
        var until = DateTime.UtcNow + timeout;
        string last = "";
        var stableSince = DateTime.UtcNow;
        while (true)
        {
            var now = await Assignments();
            var key = string.Join(";", now.OrderBy(a => a.Agent).Select(a => $"{a.Agent}={a.Node}"));
            if (key != last) (last, stableSince) = (key, DateTime.UtcNow);
            var ready = now.Count >= 4 && now.All(a => known.Contains(a.Node))
                        && (known.Count == 1 || now.Select(a => a.Node).Distinct().Count() > 1)
                        && now.Any(a => a.Agent.Contains("/integration-events/")) && now.Any(a => a.Agent.Contains("/accountsummary/"));
            if (ready && DateTime.UtcNow - stableSince > TimeSpan.FromSeconds(3)) return now;
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"The agents did not settle over the nodes: {key}");
            await Task.Delay(250);
        }
    }

    /// <summary>Opens an account through a live node, then waits until the AccountSummary projection has it.</summary>
    private async Task<TimeSpan> ProbeThroughAccountSummary(HttpClient client, string probe, Stopwatch since)
    {
        using (var response = await client.PutAsJsonAsync($"/api/accounts/{probe}", new
               {
                   debtorName = "Probe Ltd", timeZone = "UTC", terms = new { netDays = 30, currency = "EUR" },
                   contacts = new[] { new { contactId = "ap", name = "Ada Clerk", role = "apClerk", email = "ap@probe.test" } }
               }))
            response.EnsureSuccessStatusCode();
        return await WaitFor(async () => await EventLedger.Scalar(_connection,
            $"select count(*) from collections.mt_doc_accountsummary where id = '{probe}'") == 1, since, TimeSpan.FromSeconds(90));
    }

    private static async Task<TimeSpan> WaitFor(Func<Task<bool>> condition, Stopwatch since, TimeSpan timeout)
    {
        while (!await condition())
        {
            if (since.Elapsed > timeout) throw new TimeoutException($"Not within {timeout} of the kill.");
            await Task.Delay(100);
        }

        return since.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DeleteQueueAsync(_probes);
            await _broker.DisposeAsync();
        }

        foreach (var node in _nodes)
        {
            // Shown when the test fails: what each node said last about its agents and its errors.
            output.WriteLine($"--- {node.Name}: last warnings, errors and agent moves ---\n" + string.Join('\n',
                node.LogLines(l => l.Contains("warn:") || l.Contains("fail:") || l.Contains("agent"))
                    .Select(l => l.Length > 240 ? l[..240] + "..." : l).TakeLast(25)));
            await node.DisposeAsync();
        }

        try { Directory.Delete(_work, recursive: true); }
        catch (IOException) { }
    }
}
