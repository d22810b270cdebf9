using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Invoicing;
using Collections.Domain.Tasks;
using static Collections.Tests.Domain.AccountBuilder;

namespace Collections.Tests.Domain;

/// <summary>
/// A message goes to the role the step names, or to the next one up, and says so; a message without an address for its
/// channel is never "sent": a task asks for the address and the step waits, as long as the policy says.
/// </summary>
public class MissingContactsAndChannels
{
    private static readonly DateOnly Due = new(2026, 10, 30);
    private const string Post = "1 Hauptstrasse, Berlin";

    private static readonly DebtorContact Clerk = new("ap", "Ada Clerk", ContactRole.ApClerk, "ap@acme.test", null, Post);
    private static readonly DebtorContact Controller = new("ctl", "Cleo Control", ContactRole.Controller, "ctl@acme.test", null, Post);
    private static readonly DebtorContact Cfo = new("cfo", "Carl Finance", ContactRole.Cfo, "cfo@acme.test", "+49 30 1234", Post);
    private static readonly DebtorContact Owner = new("own", "Otto Owner", ContactRole.Owner, "own@acme.test", null, Post);

    private static readonly CreditPolicy Policy = DefaultPolicy.EveryDayWorked with { Staff = People.Staff };

    private static DunningSimulation Escalating(CreditPolicy policy, decimal amount, params DebtorContact[] contacts)
    {
        var account = Fold(
            new AccountOpened("ACME-00042", "Acme Widgets GmbH", "standard", "Europe/Berlin", new CreditTerms(30, 50_000m, "EUR"),
                contacts, "collector-1", Now.AddDays(-90)),
            new InvoiceIssued("INV-7", new Money(amount, "EUR"), Due.AddDays(-30), Due, null));
        var simulation = new DunningSimulation(account, policy);
        simulation.Start(account.StartOf(Due.AddDays(1)));
        return simulation;
    }

    private static DunningSimulation Escalating(CreditPolicy policy, params DebtorContact[] contacts) => Escalating(policy, 1200m, contacts);

    private static DateTimeOffset Day(DunningSimulation s, int day, int hour = 23) => s.Account.At(Due.AddDays(day), new TimeOnly(hour, 0));

    /// <summary>The policy with one step of the first-time ladder changed.</summary>
    private static CreditPolicy Changing(CreditPolicy policy, string stepId, Func<PolicyStep, PolicyStep> change)
    {
        var ladders = policy.Ladders.ToDictionary();
        var ladder = ladders[CollectionSegment.FirstTimeLatePayer];
        ladders[CollectionSegment.FirstTimeLatePayer] = ladder with { Steps = ladder.Steps.Select(s => s.Id == stepId ? change(s) : s).ToList() };
        return policy with { Ladders = ladders };
    }

    private static CreditPolicy ByFax(CreditPolicy policy) => Changing(policy, "final-notice", s => s with { Channel = Channel.Fax });

    [Fact]
    public void with_no_cfo_the_cfo_step_goes_to_the_next_role_up_and_says_so()
    {
        var s = Escalating(Policy, Clerk, Controller, Owner);
        s.RunUntil(Day(s, 28));

        s.Of<RecipientSubstituted>().Select(r => (r.StepId, r.RoleWanted, r.ContactId, r.RoleAddressed))
            .ShouldBe([("cfo-call", ContactRole.Cfo, "own", ContactRole.Owner), ("final-notice", ContactRole.Cfo, "own", ContactRole.Owner)]);
        var call = s.Of<CollectionTaskCreated>().Single(t => t.StepId == "cfo-call");
        call.ContactId.ShouldBe("own");
        call.Instructions.ShouldStartWith("No Chief Financial Officer on file: this goes to Otto Owner (Owner) instead.");
        var notice = s.Of<ReminderSent>().Single(r => r.StepId == "final-notice");
        notice.RecipientRole.ShouldBe(ContactRole.Owner);
        notice.RenderedText.ShouldStartWith("Dear Otto Owner,\n\nWe have no contact on file for your Chief Financial Officer, so this comes to you directly.");
        s.Of<ObligationRecorded>().ShouldHaveSingleItem().AnnouncedInStep.ShouldBe("final-notice");

        // The controller was there: nothing about a stand-in in the controller's own email.
        s.Of<ReminderSent>().Single(r => r.StepId == "controller-email").RenderedText.ShouldNotContain("no contact on file");
    }

    [Fact]
    public void with_only_an_ap_clerk_no_senior_step_goes_to_the_clerk_and_nothing_is_threatened()
    {
        var s = Escalating(Policy, Clerk);
        s.RunUntil(Day(s, 16));

        var request = s.Of<ContactDetailsRequested>().ShouldHaveSingleItem();
        (request.StepId, request.Missing, request.RoleWanted, request.ContactId).ShouldBe(("controller-email", ContactDetail.Contact, ContactRole.Controller, null));
        request.Assignee.ShouldBe("collector-1");
        request.Instructions.ShouldContain("no contact for the Controller");
        s.Account.Dunning!.PausedFor!.ShouldContain("controller-email");
        s.Account.OpenTasks.ShouldContain(t => t.TaskId == request.TaskId && t.Obtain == ContactDetail.Contact);

        s.RunUntil(Day(s, 120));
        s.Of<ReminderSent>().Select(r => r.StepId).ShouldBe(["reminder-letter", "friendly-email"]); // never the clerk for a senior step
        s.Of<StepSkipped>().Select(k => k.StepId).ShouldBe(["controller-email", "cfo-call", "final-notice", "credit-hold", "last-chance", "agency-referral"]);
        s.Of<ObligationRecorded>().ShouldBeEmpty();
        s.Of<CreditHoldPlaced>().ShouldBeEmpty();
        s.Of<DunningCompleted>().ShouldHaveSingleItem().Reason.ShouldContain("ladder is finished");
        s.Account.OpenTasks.Where(t => t.Obtain is not null).ShouldBeEmpty(); // each request closed when its step was skipped
    }

    [Fact]
    public void a_policy_that_allows_going_down_tells_the_clerk_whom_the_message_is_meant_for()
    {
        var policy = Policy with { MissingContacts = Policy.MissingContacts with { WhenRoleMissing = RoleMissingRule.NextRoleUpThenDown } };
        var s = Escalating(policy, Clerk);
        s.RunUntil(Day(s, 16));

        s.Of<RecipientSubstituted>().ShouldHaveSingleItem().RoleAddressed.ShouldBe(ContactRole.ApClerk);
        var email = s.Of<ReminderSent>().Single(r => r.StepId == "controller-email");
        email.RenderedText.ShouldContain("This is meant for your Controller: we have no contact on file for them, so please pass it on");
    }

    [Fact]
    public void a_fax_notice_to_a_contact_without_a_number_is_not_sent_and_starts_no_obligation()
    {
        var s = Escalating(ByFax(Policy), Clerk, Controller, Cfo with { Phone = null }, Owner);
        s.RunUntil(Day(s, 28));

        s.Of<ReminderSent>().ShouldNotContain(r => r.StepId == "final-notice");
        s.Of<ObligationRecorded>().ShouldBeEmpty();
        s.Of<FinalNoticeAwaitingDispatch>().ShouldBeEmpty(); // nobody is asked to send what cannot reach anyone
        var request = s.Of<ContactDetailsRequested>().ShouldHaveSingleItem();
        (request.StepId, request.Missing, request.ContactId, request.Channel).ShouldBe(("final-notice", ContactDetail.PhoneNumber, "cfo", Channel.Fax));
        request.WaitUntil.ShouldBe(s.Account.At(Due.AddDays(32), new TimeOnly(13, 0)));
        request.Instructions.ShouldContain("if it is still missing then, it is skipped, and with it the consequence it would announce");

        s.RunUntil(Day(s, 60));
        s.Of<StepSkipped>().Select(k => k.StepId).ShouldBe(["final-notice", "credit-hold"]);
        s.Of<CreditHoldPlaced>().ShouldBeEmpty();
        // The ladder goes on to what can be delivered: the owner's certified letter, posted by a person, and its consequence.
        var letter = s.Of<FinalNoticeAwaitingDispatch>().ShouldHaveSingleItem();
        letter.StepId.ShouldBe("last-chance");
        s.Of<ObligationRecorded>().ShouldBeEmpty();
        s.CompleteTask(letter.TaskId);
        s.Of<ObligationRecorded>().ShouldHaveSingleItem().AnnouncedInStep.ShouldBe("last-chance");
        s.ShouldHaveNoOverdueObligation();
    }

    [Fact]
    public void a_letter_waits_for_its_postal_address_and_goes_out_as_soon_as_it_is_recorded()
    {
        var s = Escalating(Policy, Clerk with { PostalAddress = null }, Controller, Cfo, Owner);
        s.RunUntil(Day(s, 1, hour: 12));
        s.Of<ReminderSent>().ShouldBeEmpty();
        var request = s.Of<ContactDetailsRequested>().ShouldHaveSingleItem();
        request.Missing.ShouldBe(ContactDetail.PostalAddress);
        s.Account.Dunning!.PausedFor.ShouldBe("step 'reminder-letter' cannot go out: no postal address for Ada Clerk (Accounts Payable)");

        s.RunUntil(Day(s, 2, hour: 11));
        s.RecordContact(Clerk);

        var letter = s.Of<ReminderSent>().ShouldHaveSingleItem();
        letter.StepId.ShouldBe("reminder-letter");
        letter.SentAt.ShouldBe(Day(s, 2, hour: 11));
        s.Of<CollectionTaskCreated>().ShouldHaveSingleItem().Instructions.ShouldContain(Post);
        var done = s.Of<CollectionTaskCompleted>().ShouldHaveSingleItem();
        (done.TaskId, done.CompletedBy).ShouldBe((request.TaskId, StepRunner.PolicyActor));
        s.Account.Dunning!.NextStep!.StepId.ShouldBe("friendly-email");
    }

    [Fact]
    public void details_recorded_for_another_contact_leave_the_step_waiting()
    {
        var s = Escalating(Policy, Clerk with { PostalAddress = null }, Controller, Cfo, Owner);
        s.RunUntil(Day(s, 2));
        s.RecordContact(Cfo with { Phone = "+49 30 9999" });

        s.Of<ReminderSent>().ShouldBeEmpty();
        s.Of<ContactDetailsRequested>().ShouldHaveSingleItem();
        s.Process!.AwaitingDetails!.StepId.ShouldBe("reminder-letter");
    }

    [Fact]
    public void a_final_notice_is_not_sent_while_the_letter_of_demand_it_announces_could_not_be()
    {
        var s = Escalating(Policy, 40_000m, Clerk, Controller, Cfo, Owner with { PostalAddress = null });
        s.Account.Dunning!.Segment.ShouldBe(CollectionSegment.HighValue);
        s.RunUntil(Day(s, 23));

        s.Of<ReminderSent>().ShouldNotContain(r => r.StepId == "final-notice"); // its own email address is there
        s.Of<ObligationRecorded>().ShouldBeEmpty();
        var request = s.Of<ContactDetailsRequested>().ShouldHaveSingleItem();
        (request.StepId, request.Missing, request.ContactId, request.Channel)
            .ShouldBe(("final-notice", ContactDetail.PostalAddress, "own", Channel.CertifiedLetter));
        request.Instructions.ShouldContain("the letter of demand by certified letter it announces would find no postal address for Otto Owner");
    }

    [Fact]
    public void when_the_wait_runs_out_the_credit_manager_gets_it_and_the_ladder_waits_for_the_details()
    {
        var policy = ByFax(Policy with { MissingContacts = Policy.MissingContacts with { WhenStillMissing = StillMissingRule.CreditManagerTask } });
        var s = Escalating(policy, Clerk, Controller, Cfo with { Phone = null }, Owner);
        s.RunUntil(Day(s, 90));

        var requests = s.Of<ContactDetailsRequested>().ToList();
        requests.Select(r => (r.Assignee, r.AssigneeRole)).ShouldBe([("collector-1", SenderRole.Collector), ("morgan.hale", SenderRole.CreditManager)]);
        requests[1].WaitUntil.ShouldBeNull();
        s.Of<CollectionTaskCompleted>().ShouldHaveSingleItem().TaskId.ShouldBe(requests[0].TaskId);
        s.Process!.WakeDueAt.ShouldBeNull(); // nothing to wake it: neither the clock nor the sweep
        s.Account.Dunning!.PausedFor!.ShouldContain("the credit manager has it");
        s.Of<StepSkipped>().ShouldBeEmpty();
        s.Of<ObligationRecorded>().ShouldBeEmpty();

        s.RecordContact(Cfo);
        // A fax is sent by a person: the notice now waits for them to send it, and still no deadline runs.
        var waiting = s.Of<FinalNoticeAwaitingDispatch>().ShouldHaveSingleItem();
        (waiting.StepId, waiting.Channel).ShouldBe(("final-notice", Channel.Fax));
        s.Account.OpenTasks.ShouldNotContain(t => t.TaskId == requests[1].TaskId);
        s.Of<CollectionTaskCompleted>().Last().Note.ShouldBe($"recorded: step 'final-notice' is ready to send (task {waiting.TaskId})");
        s.Of<ObligationRecorded>().ShouldBeEmpty();
        // Only the notice's own task sends it: the tasks that asked for the number never do.
        foreach (var request in requests)
            s.Process!.NoticeDispatched(request.TaskId, s.Now, s.Account, policy, s.Now).ShouldBe(ProcessResult.Nothing);

        s.CompleteTask(waiting.TaskId);
        var notice = s.Of<ReminderSent>().Single(r => r.StepId == "final-notice");
        notice.Channel.ShouldBe(Channel.Fax);
        s.Of<ObligationRecorded>().ShouldHaveSingleItem().Deadline.ShouldBe(notice.SentAt.AddHours(48));
    }

    [Fact]
    public void a_notice_a_person_sends_is_recorded_as_sent_to_whom_its_draft_was_addressed()
    {
        var policy = Policy with { MissingContacts = Policy.MissingContacts with { WhenRoleMissing = RoleMissingRule.NextRoleUpThenDown } };
        var s = Escalating(policy, Clerk, Controller, Cfo);
        s.RunUntil(Day(s, 37)); // the certified last chance, meant for the owner, is drafted to the CFO

        var waiting = s.Of<FinalNoticeAwaitingDispatch>().ShouldHaveSingleItem();
        waiting.StepId.ShouldBe("last-chance");
        var task = s.Of<CollectionTaskCreated>().Single(t => t.TaskId == waiting.TaskId);
        (task.ContactId, task.Assignee).ShouldBe(("cfo", "morgan.hale"));
        task.Instructions.ShouldStartWith("No Owner on file: this goes to Carl Finance (Chief Financial Officer) instead.");

        s.RecordContact(Owner); // found before the letter was posted: the letter in the post is still the CFO's
        s.CompleteTask(waiting.TaskId);
        var notice = s.Of<ReminderSent>().Single(r => r.StepId == "last-chance");
        (notice.RecipientContactId, notice.RecipientRole).ShouldBe(("cfo", ContactRole.Cfo));
        notice.RenderedText.ShouldContain("This is meant for your Owner");
        s.Of<RecipientSubstituted>().Last().ShouldBe(new RecipientSubstituted("last-chance", ContactRole.Owner, "cfo", ContactRole.Cfo, s.Now));
    }

    [Fact]
    public void a_certified_notice_without_a_postal_address_waits_for_it_before_anyone_is_asked_to_post_it()
    {
        var s = Escalating(Policy, Clerk, Controller, Cfo, Owner with { PostalAddress = null });
        s.RunUntil(Day(s, 37));

        var request = s.Of<ContactDetailsRequested>().ShouldHaveSingleItem();
        (request.StepId, request.Missing, request.ContactId).ShouldBe(("last-chance", ContactDetail.PostalAddress, "own"));
        s.Of<FinalNoticeAwaitingDispatch>().ShouldBeEmpty();
        s.Of<ObligationRecorded>().Select(o => o.AnnouncedInStep).ShouldBe(["final-notice"]);
        s.Process!.NoticeDispatched(request.TaskId, s.Now, s.Account, Policy, s.Now).ShouldBe(ProcessResult.Nothing);

        s.RecordContact(Owner);
        var waiting = s.Of<FinalNoticeAwaitingDispatch>().ShouldHaveSingleItem();
        s.Of<CollectionTaskCreated>().Single(t => t.TaskId == waiting.TaskId).Instructions.ShouldContain(Post);
        s.Account.OpenTasks.ShouldNotContain(t => t.TaskId == request.TaskId);
        s.Of<ObligationRecorded>().Count().ShouldBe(1); // the last chance's deadline starts when it is posted
    }

    [Fact]
    public void a_dispute_during_the_wait_holds_it_and_the_wait_is_taken_up_again_where_it_stood()
    {
        var s = Escalating(Policy, Clerk with { PostalAddress = null }, Controller, Cfo, Owner);
        s.RunUntil(Day(s, 2));
        var dispute = s.Dispute("INV-7");
        s.RunUntil(Day(s, 3));
        s.Resolve(dispute);
        s.RunUntil(Day(s, 4));

        var until = s.Account.At(Due.AddDays(6), new TimeOnly(9, 0));
        s.Of<DunningPaused>().Last().Until.ShouldBe(until);
        s.Of<ContactDetailsRequested>().ShouldHaveSingleItem(); // the same request still stands
        s.Of<ReminderSent>().ShouldBeEmpty();

        s.RunUntil(Day(s, 7));
        s.Of<StepSkipped>().ShouldHaveSingleItem().SkippedAt.ShouldBe(until);
        s.Of<ReminderSent>().Select(r => r.StepId).ShouldBe(["friendly-email"]);
    }

    [Fact]
    public void details_recorded_after_a_broken_promise_moved_the_ladder_on_run_no_step_before_its_time()
    {
        var s = Escalating(Policy, Clerk with { PostalAddress = null }, Controller, Cfo, Owner);
        s.RunUntil(Day(s, 2));
        s.Promise(1200m, Due.AddDays(3));
        s.RunUntil(Day(s, 6, hour: 12)); // broken at 00:00: the ladder jumps to controller-email, due on day 7 at 09:30
        s.Account.Dunning!.NextStep!.StepId.ShouldBe("controller-email");

        s.RecordContact(Clerk);
        s.Of<ReminderSent>().ShouldBeEmpty();

        s.RunUntil(Day(s, 8));
        var email = s.Of<ReminderSent>().ShouldHaveSingleItem();
        (email.StepId, email.SentAt).ShouldBe(("controller-email", s.Account.At(Due.AddDays(7), new TimeOnly(9, 30))));
        s.Of<CollectionTaskCompleted>().ShouldHaveSingleItem().Note.ShouldBe("no longer needed: the ladder moved on");
    }

    [Fact]
    public void a_letter_planned_to_a_contact_without_a_postal_address_shows_long_before_it_falls_due()
    {
        var s = Escalating(Policy, Clerk, Controller, Cfo, Owner with { PostalAddress = null });
        s.RunUntil(Day(s, 2));

        var gap = ContactGaps.Ahead(s.Account, Policy).ShouldHaveSingleItem();
        (gap.Step.Id, gap.Missing, gap.Contact!.ContactId).ShouldBe(("last-chance", ContactDetail.PostalAddress, "own"));
        gap.Describe().ShouldBe("no postal address for Otto Owner (Owner)");

        s.RecordContact(Owner);
        ContactGaps.Ahead(s.Account, Policy).ShouldBeEmpty();
        ContactGaps.Ahead(Opened(), Policy).ShouldBeEmpty(); // not in escalation: nothing planned
    }

    [Fact]
    public void contact_details_are_recorded_replacing_what_was_on_file()
    {
        var account = Opened();
        var decision = account.Decide("ap", new RecordContactDetails("Ada Clerk", ContactRole.ApClerk, "ada@acme.test", null, Post),
            People.Person("collector-1"), Now);
        var recorded = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<ContactDetailsRecorded>();
        recorded.RecordedBy.ShouldBe("collector-1");
        account.With(decision).Contacts.Single(c => c.ContactId == "ap").Email.ShouldBe("ada@acme.test");
        account.Contacts.Count.ShouldBe(2);

        account.Decide("own", new RecordContactDetails("Otto Owner", ContactRole.Owner, null, null, Post), People.Person("collector-1"), Now)
            .Events.ShouldHaveSingleItem();
        account.Decide("ap", new RecordContactDetails("Ada Clerk", ContactRole.ApClerk, "ada@acme.test", null, Post), People.Person("collector-1"), Now)
            .IsUnchanged.ShouldBeTrue();
    }

    [Fact]
    public void contact_details_are_checked_like_an_accounts_contacts()
    {
        var account = Opened();
        var decision = account.Decide("ap", new RecordContactDetails(" ", 0, null, null, null), People.Person("collector-1"), Now);
        decision.Rejection!.Errors.Keys.ShouldBe(["name", "role", "contact"], ignoreOrder: true);
        account.Decide("new contact\n", new RecordContactDetails("X", ContactRole.Cfo, "x@y.z", null, null), People.Person("c"), Now)
            .ShouldBeRejected(RejectionKind.Invalid, "contactId");
    }

    [Fact]
    public void the_missing_contacts_rules_are_read_from_the_policy_and_checked()
    {
        DefaultPolicy.Policy.MissingContacts.ShouldBe(new MissingContacts(RoleMissingRule.NextRoleUp, PolicyDuration.Days(5), StillMissingRule.SkipStep));
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "default.json"));

        var down = CreditPolicyParser.Parse(json.Replace("\"whenRoleMissing\": \"nextRoleUp\"", "\"whenRoleMissing\": \"nextRoleUpThenDown\"")
            .Replace("\\n\\n{{standInNote}}I am writing", "\\n\\nI am writing"), "p.json").Errors;
        down.ShouldHaveSingleItem().ShouldContain("$.templates.escalation-email.body: must use {{standInNote}}");

        CreditPolicyParser.Parse(json.Replace("\"waitForDetails\": \"5d\"", "\"waitForDetails\": \"a week\""), "p.json").Errors
            .ShouldHaveSingleItem().ShouldContain("$.missingContacts.waitForDetails");
        CreditPolicyParser.Parse(json.Replace("\"whenStillMissing\": \"skipStep\"", "\"whenStillMissing\": \"giveUp\""), "p.json").Errors
            .ShouldHaveSingleItem().ShouldContain("whenStillMissing");

        var without = CreditPolicyParser.Parse(System.Text.RegularExpressions.Regex.Replace(json, "\"missingContacts\": \\{[^}]*\\},", ""), "p.json");
        without.Errors.ShouldBeEmpty();
        without.Policy!.MissingContacts.ShouldBe(MissingContacts.Default);
    }
}
