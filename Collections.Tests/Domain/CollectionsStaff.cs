using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Invoicing;
using static Collections.Tests.Domain.AccountBuilder;

namespace Collections.Tests.Domain;

/// <summary>
/// Who the collections staff are: accounts are assigned only to them (never to a sales representative), the policy's
/// senders are drawn from them, and a collector's step is signed by and assigned to the account's own collector.
/// </summary>
public class CollectionsStaff
{
    private static readonly string DefaultJson =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "default.json"));

    private static readonly DateOnly Due = new(2026, 10, 30);

    private static OpenAccount Account(string? collector) => new("Acme Widgets GmbH", "standard", "Europe/Berlin",
        new CreditTerms(30, 50_000m, "EUR"), [new DebtorContact("ap", "Ada Clerk", ContactRole.ApClerk, "ap@acme.test", null, null)],
        collector);

    [Fact]
    public void the_default_policy_names_its_staff_and_draws_the_senders_from_them()
    {
        var policy = DefaultPolicy.Policy;
        policy.Staff.Find("sam.porter").ShouldBe(new StaffMember("sam.porter", "Sam Porter", SenderRole.Collector, "Collections Officer",
            "sam.porter@creditor.example"));
        policy.Senders[SenderRole.Collector].Id.ShouldBe("sam.porter");
        policy.Senders[SenderRole.AccountsManager].ShouldBe(new Sender("dana.whitfield", "Dana Whitfield", "Accounts Receivable Manager",
            "dana.whitfield@creditor.example"));
        policy.Senders[SenderRole.CreditManager].Id.ShouldBe("morgan.hale");
    }

    [Fact]
    public void a_sales_rep_cannot_be_assigned_as_collector()
    {
        var decision = OpenAccountDecision.Decide("ACME-1", Account("tom.sales (Sales Representative)"), null, People.Staff, Now);
        decision.ShouldBeRejected(RejectionKind.Invalid, "collector");
        decision.Rejection!.Errors["collector"].ShouldHaveSingleItem().ShouldContain("not one of the collections staff");
    }

    [Theory]
    [InlineData("collector-1")]
    [InlineData("dana.whitfield")] // an accounts manager may work key accounts themselves
    [InlineData(null)] // unassigned: the policy's collector signs
    public void collections_staff_may_be_assigned(string? collector) =>
        OpenAccountDecision.Decide("ACME-1", Account(collector), null, People.Staff, Now).Events.ShouldHaveSingleItem();

    [Fact]
    public void a_collectors_step_is_signed_by_and_assigned_to_the_accounts_own_collector()
    {
        var s = Escalating("collector-1");
        s.RunUntil(s.Account.At(Due.AddDays(23), new TimeOnly(12, 0)));

        s.Of<ReminderSent>().Single(r => r.StepId == "reminder-letter").Sender.ShouldBe("Sam Porter, Collections Officer");
        var tasks = s.Of<CollectionTaskCreated>().ToDictionary(t => t.StepId);
        (tasks["reminder-letter"].Assignee, tasks["reminder-letter"].AssigneeRole).ShouldBe(("collector-1", SenderRole.Collector));
        tasks["first-call"].Assignee.ShouldBe("collector-1");
        (tasks["cfo-call"].Assignee, tasks["cfo-call"].AssigneeRole).ShouldBe(("dana.whitfield", SenderRole.AccountsManager));
        s.Account.OpenTasks.Single(t => t.StepId == "cfo-call").Assignee.ShouldBe("dana.whitfield");
    }

    [Fact]
    public void an_account_whose_collector_is_not_of_the_staff_has_the_policys_collector()
    {
        var s = Escalating("left.the.company"); // assigned before the register, or before they left
        s.RunUntil(s.Account.At(Due.AddDays(2), new TimeOnly(12, 0)));

        s.Of<ReminderSent>().ShouldHaveSingleItem().Sender.ShouldBe("Sam Porter, Collections Officer");
        s.Of<CollectionTaskCreated>().ShouldHaveSingleItem().Assignee.ShouldBe("sam.porter");
        s.Emails.ShouldBeEmpty();
    }

    [Fact]
    public void an_email_from_a_collectors_step_comes_from_the_collector()
    {
        var s = Escalating("jane.doe");
        s.RunUntil(s.Account.At(Due.AddDays(5), new TimeOnly(12, 0)));
        var email = s.Emails.ShouldHaveSingleItem();
        (email.FromName, email.FromAddress).ShouldBe(("Jane Doe, Collections Officer", "jane.doe@creditor.example"));
    }

    [Fact]
    public void the_staff_register_is_required_and_checked()
    {
        var errors = CreditPolicyParser.Parse(DefaultJson
            .Replace("\"jane.doe\": { \"name\": \"Jane Doe\", \"role\": \"collector\"", "\"jane doe\": { \"name\": \"\", \"role\": \"collector\"")
            .Replace("\"email\": \"amy.chen@creditor.example\"", "\"email\": \"amy.chen at creditor\""), "p.json").Errors;
        errors.ShouldContain(e => e.Contains("$.staff['jane doe']: is not a user name"));
        errors.ShouldContain(e => e.Contains("$.staff['jane doe'].name: is required."));
        errors.ShouldContain(e => e.Contains("$.staff['amy.chen'].email: 'amy.chen at creditor' is not an email address."));

        var start = DefaultJson.IndexOf("\"staff\": {", StringComparison.Ordinal);
        var end = DefaultJson.IndexOf("\n  },", start, StringComparison.Ordinal) + "\n  },".Length;
        CreditPolicyParser.Parse(DefaultJson.Remove(start, end - start), "p.json").Errors
            .ShouldHaveSingleItem().ShouldContain("$.staff: is required");
    }

    [Fact]
    public void a_sender_must_be_one_of_the_staff_in_a_role_senior_enough()
    {
        var errors = CreditPolicyParser.Parse(DefaultJson.Replace("\"accountsManager\": \"dana.whitfield\"", "\"accountsManager\": \"tom.sales\"")
            .Replace("\"creditManager\": \"morgan.hale\"", "\"creditManager\": \"dana.whitfield\""), "p.json").Errors;
        errors.ShouldBe([
            "p.json $.senders.accountsManager: names no one in $.staff: 'tom.sales'.",
            "p.json $.senders.creditManager: 'dana.whitfield' is an accounts manager; this sender must be a credit manager or more senior."
        ], ignoreOrder: true);

        // A small team: the credit manager also signs for the accounts manager.
        CreditPolicyParser.Parse(DefaultJson.Replace("\"accountsManager\": \"dana.whitfield\"", "\"accountsManager\": \"morgan.hale\""), "p.json")
            .Policy!.Senders[SenderRole.AccountsManager].Name.ShouldBe("Morgan Hale");
    }

    private static DunningSimulation Escalating(string collector)
    {
        var account = Fold(
            new AccountOpened("ACME-00042", "Acme Widgets GmbH", "standard", "Europe/Berlin", new CreditTerms(30, 50_000m, "EUR"),
            [
                new DebtorContact("ap", "Ada Clerk", ContactRole.ApClerk, "ap@acme.test", null, "1 Hauptstrasse, Berlin"),
                new DebtorContact("cfo", "Carl Finance", ContactRole.Cfo, "cfo@acme.test", "+49 30 1234", "1 Hauptstrasse, Berlin")
            ], collector, Now.AddDays(-90)),
            new InvoiceIssued("INV-7", new Money(1200m, "EUR"), Due.AddDays(-30), Due, null));
        var simulation = new DunningSimulation(account, DefaultPolicy.EveryDayWorked with { Staff = People.Staff });
        simulation.Start(account.StartOf(Due.AddDays(1)));
        return simulation;
    }
}
