using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.PaymentPlans;
using Collections.Domain.Payments;
using Collections.Domain.Promises;
using Collections.Domain.Tasks;
using static Collections.Tests.Domain.People;

namespace Collections.Tests.Domain;

/// <summary>Runs the dunning process over an in-memory account, waking it exactly when it asks: the saga without a database.</summary>
public sealed class DunningSimulation(DebtorAccount account, CreditPolicy policy)
{
    public DebtorAccount Account { get; } = account;
    public DunningProcess? Process { get; private set; }
    public Wakeup? Next { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public List<object> Events { get; } = [];
    public List<OutboundEmail> Emails { get; } = [];
    public bool Completed { get; private set; }

    public IEnumerable<T> Of<T>() => Events.OfType<T>();

    public void Start(DateTimeOffset at)
    {
        Now = at;
        var (process, result) = DunningProcess.Start(Account, policy, Now);
        Process = process;
        Record(result);
    }

    /// <summary>Wakes the process each time it asked to be woken, up to <paramref name="until"/>.</summary>
    public void RunUntil(DateTimeOffset until)
    {
        while (!Completed && NextMoment(until) is { } at)
        {
            Now = at;
            if (_blockEnds.FirstOrDefault(b => b.At == at) is { Invoice: not null } end)
            {
                _blockEnds.Remove(end);
                EndBlock(end.Invoice);
                continue;
            }

            var next = Next!;
            Next = null; // consumed: the process names its next wake-up, if any
            Record(Process!.Wake(next.Generation, Account, policy, Now));
        }

        if (Now < until) Now = until;
    }

    /// <summary>As <see cref="RunUntil"/>, with every final notice a person must send sent the moment it is ready.</summary>
    public void RunSendingNoticesAtOnce(DateTimeOffset until)
    {
        while (!Completed && Next is { } next && next.At <= until)
        {
            RunUntil(next.At);
            if (Process?.NoticeAwaitingDispatchTaskId is { } task) CompleteTask(task);
        }

        if (Now < until) Now = until;
    }

    private readonly List<(DateTimeOffset At, string Invoice)> _blockEnds = [];

    /// <summary>The earlier of the process's own wake-up and a block's end, up to <paramref name="until"/>.</summary>
    private DateTimeOffset? NextMoment(DateTimeOffset until) =>
        _blockEnds.Select(b => (DateTimeOffset?)b.At).Append(Next?.At).Where(at => at <= until).Min();

    /// <summary>What DunningBlockEndHandler does at a block's end, then the saga hearing of it.</summary>
    private void EndBlock(string invoice)
    {
        var ended = Account.DecideBlockEnd(invoice, Now);
        Record(ended);
        if (ended.Events.Count > 0) Record(Process!.Reassess($"dunning block on {invoice} ended", Account, policy, Now));
    }

    public void Pay(decimal amount, string currency = "EUR")
    {
        var decision = Account.Decide(new RecordPayment($"PAY-{Events.Count}", amount, currency, Now, null, null), Now);
        Record(decision);
        if (Process is not null && !Completed) Record(Process.PaymentReceived(Account, policy, Now));
    }

    public void Promise(decimal amount, DateOnly date)
    {
        var decision = Account.Decide(new RecordPromise(amount, "EUR", date, null, null), Person("collector"), Now, policy.Promises);
        Record(decision);
        var made = decision.Events.OfType<PromiseMade>().Single();
        Record(Process!.PromiseMade(made.PromiseId, made.PromisedDate, Account, policy, Now));
    }

    /// <summary>A credit manager approves the open promise; the saga hears of it as of the promise again.</summary>
    public void Approve(string promiseId)
    {
        Record(Account.Decide(promiseId, new ApprovePromise("CFO confirmed in writing"), Person("morgan.hale"), Now));
        Record(Process!.PromiseMade(promiseId, Account.OpenPromise!.PromisedDate, Account, policy, Now));
    }

    public void AgreePlan(params (DateOnly DueDate, decimal Amount)[] instalments)
    {
        var decision = Account.Decide(new AgreePaymentPlan("EUR", instalments.Select(i => new PlanInstalment(i.DueDate, i.Amount)).ToList(),
            "agreed on the phone"), Person("morgan.hale"), policy.PaymentPlans, Now);
        Record(decision);
        Record(Process!.PaymentPlanAgreed(decision.Events.OfType<PaymentPlanAgreed>().Single().PlanId, Account, policy, Now));
    }

    public string Dispute(params string[] invoices)
    {
        var decision = Account.Decide(new RaiseDispute(invoices, "price differs from the order"), Person("collector"), Now);
        Record(decision);
        var id = decision.Events.OfType<DisputeRaised>().Single().DisputeId;
        Record(Process!.DisputeRaised(id, Account, policy, Now));
        return id;
    }

    public void Resolve(string disputeId)
    {
        Record(Account.Decide(disputeId, new ResolveDispute(DisputeOutcome.InFavourOfCreditor, "delivery note signed"), Person("manager"), Now));
        Record(Process!.DisputeResolved(disputeId, Account, policy, Now));
    }

    /// <summary>A person records a contact's details: a step waiting for them may go out.</summary>
    public void RecordContact(DebtorContact contact)
    {
        Record(Account.Decide(contact.ContactId, new RecordContactDetails(contact.Name, contact.Role, contact.Email, contact.Phone,
            contact.PostalAddress), Person("collector-1"), Now));
        if (Process is not null && !Completed) Record(Process.ContactDetailsRecorded(Account, policy, Now));
    }

    /// <summary>A person closes a task: for a final notice they had to send, it goes out now.</summary>
    public void CompleteTask(string taskId)
    {
        Record(Account.Decide(taskId, new CompleteTask("sent"), Person("collector"), Now));
        Record(Process!.NoticeDispatched(taskId, Now, Account, policy, Now));
    }

    public void LogContact(Channel channel, ContactDirection direction, ContactOutcome outcome)
    {
        Record(Account.Decide(new LogContact(channel, direction, null, "spoke about the notice", outcome, Now), Person("collector"), Now));
        Record(Process!.ContactMade(channel, direction, outcome, null, Now, Account, policy, Now));
    }

    /// <summary>A dunning block until <paramref name="until"/>; its end is delivered as the saga's timer would, by <see cref="RunUntil"/>.</summary>
    public void Block(string invoice, DateOnly until, string reason = "awaiting credit note")
    {
        var decision = Account.Decide(invoice, new PlaceDunningBlock(reason, until), Person("collector"), Now);
        Record(decision);
        _blockEnds.Add((decision.Events.OfType<DunningBlockPlaced>().Single().EndsAt, invoice));
        Record(Process!.Reassess($"dunning block on {invoice} placed", Account, policy, Now));
    }

    public void Lift(string invoice)
    {
        Record(Account.Decide(invoice, new LiftDunningBlock("credit note arrived"), Person("collector"), Now));
        Record(Process!.Reassess($"dunning block on {invoice} lifted", Account, policy, Now));
    }

    /// <summary>A new invoice, falling due while the escalation runs: the saga hears of it the day after its due date.</summary>
    public void InvoiceFellDue(string invoice)
    {
        Record(Process!.Reassess($"invoice {invoice} fell due", Account, policy, Now));
    }

    private void Record(Decision decision)
    {
        decision.IsRejected.ShouldBeFalse(string.Join("; ", decision.Rejection?.Errors.SelectMany(e => e.Value) ?? []));
        Append(decision.Events);
    }

    private void Record(ProcessResult result)
    {
        Append(result.Events);
        Emails.AddRange(result.Emails);
        if (result.Wakeup is not null) Next = result.Wakeup;
        if (result.Completed)
        {
            Completed = true;
            Next = null;
        }
    }

    private void Append(IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            Account.Evolve(e);
            Account.Version++;
            Events.Add(e);
        }
    }

    /// <summary>The follow-through invariant: no announced consequence past its deadline is left open.</summary>
    public void ShouldHaveNoOverdueObligation() =>
        Account.Obligations.Where(o => o.Status == ObligationStatus.Open && o.Deadline <= Now).ShouldBeEmpty();
}
