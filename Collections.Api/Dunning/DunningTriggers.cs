using Collections.Domain.Accounts;
using Collections.Domain.Contacts;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Escalation;
using Collections.Domain.Invoicing;
using Collections.Domain.PaymentPlans;
using Collections.Domain.Payments;
using Collections.Domain.Promises;
using Collections.Domain.Tasks;
using Collections.Domain.WriteOffs;
using Wolverine;

namespace Collections.Api.Dunning;

/// <summary>
/// What the escalation must hear about the events a command appended. The messages leave through
/// Wolverine's outbox in the same transaction as the events, so neither is ever recorded without the other.
/// </summary>
public static class DunningTriggers
{
    public static OutgoingMessages For(DebtorAccount account, IEnumerable<object> appended)
    {
        var messages = new OutgoingMessages();
        foreach (var e in appended)
        {
            switch (e)
            {
                case InvoiceIssued issued:
                    messages.Schedule(new InvoiceFellDue(account.Id, issued.InvoiceNumber), account.StartOf(issued.DueDate.AddDays(1)));
                    if (issued.Contract?.LateFee is { } fee)
                        messages.Schedule(new LateFeeFallsDue(account.Id, issued.InvoiceNumber),
                            account.StartOf(issued.DueDate.AddDays(fee.AfterDaysPastDue + 1)));
                    break;
                case PaymentReceived payment:
                    messages.Add(new PaymentRecorded(account.Id, payment.PaymentId));
                    break;
                case PromiseMade promise:
                    messages.Add(new PromiseRecorded(account.Id, promise.PromiseId, promise.PromisedDate));
                    break;
                case PromiseApproved approved when account.OpenPromise is { } promise:
                    // Heard as the promise again: now accepted, it pauses the escalation.
                    messages.Add(new PromiseRecorded(account.Id, approved.PromiseId, promise.PromisedDate));
                    break;
                case PaymentPlanAgreed plan:
                    messages.Add(new PaymentPlanMade(account.Id, plan.PlanId));
                    break;
                // Only what the escalation can act on goes to it: a busy account logs many calls and closes many tasks.
                case ContactLogged contact when account.Obligations.Any(o => o.Status == ObligationStatus.Open && o.HeldBecause is null):
                    messages.Add(new ContactRecorded(account.Id, contact.Channel, contact.Direction, contact.Outcome, contact.ContactId,
                        contact.OccurredAt));
                    break;
                case CollectionTaskCompleted task when account.NoticesAwaitingDispatch.Contains(task.TaskId):
                    messages.Add(new TaskCompleted(account.Id, task.TaskId, task.CompletedAt));
                    break;
                case DisputeRaised dispute:
                    messages.Add(new DisputeOpened(account.Id, dispute.DisputeId));
                    break;
                case DisputeResolved resolved:
                    messages.Add(new DisputeClosed(account.Id, resolved.DisputeId));
                    break;
                case DunningBlockPlaced block:
                    messages.Schedule(new DunningBlockEnds(account.Id, block.InvoiceNumber), block.EndsAt);
                    messages.Add(new DunningBlockChanged(account.Id, $"dunning block on {block.InvoiceNumber} until {block.Until:yyyy-MM-dd} placed"));
                    break;
                case DunningBlockLifted lifted:
                    messages.Add(new DunningBlockChanged(account.Id, $"dunning block on {lifted.InvoiceNumber} lifted"));
                    break;
                case DunningBlockEnded ended:
                    messages.Add(new DunningBlockChanged(account.Id, $"dunning block on {ended.InvoiceNumber} until {ended.Until:yyyy-MM-dd} ended"));
                    break;
                case EscalatedToAgency { ReferredBy: not StepRunner.PolicyActor } referral:
                    messages.Add(new EscalationStopped(account.Id, $"referred to {referral.Agency} by {referral.ReferredBy}"));
                    break;
                case ContactDetailsRecorded:
                    messages.Add(new ContactDetailsChanged(account.Id));
                    break;
                case AccountWrittenOff writeOff:
                    messages.Add(new EscalationStopped(account.Id, $"written off: {writeOff.Reason}"));
                    break;
                case AccountReopened when account.Invoices.FirstOrDefault() is { } invoice:
                    // Whatever is open again and past due goes back on a ladder, from its first step.
                    messages.Add(new InvoiceFellDue(account.Id, invoice.InvoiceNumber));
                    break;
            }
        }

        return messages;
    }
}
