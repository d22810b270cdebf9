using Collections.Domain.Accounts;
using Collections.Domain.Common;
using static Collections.Tests.Domain.AccountBuilder;

namespace Collections.Tests.Domain;

public class OpeningAccounts
{
    private static OpenAccount Valid() => new("Acme Widgets GmbH", "standard", "Europe/Berlin",
        new CreditTerms(30, 50_000m, "EUR"),
        [new DebtorContact("ap", "Ada Clerk", ContactRole.ApClerk, "ap@acme.test", null, null)], "collector-1");

    [Fact]
    public void a_valid_account_opens()
    {
        var decision = OpenAccountDecision.Decide("ACME-00042", Valid(), null, People.Staff, Now);
        var opened = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<AccountOpened>();
        opened.AccountNumber.ShouldBe("ACME-00042");
        opened.OpenedAt.ShouldBe(Now);
    }

    [Theory]
    [InlineData("", "accountNumber")]
    [InlineData("ACME 42", "accountNumber")]
    [InlineData("-ACME", "accountNumber")]
    public void a_malformed_account_number_is_refused(string number, string field) =>
        OpenAccountDecision.Decide(number, Valid(), null, People.Staff, Now).ShouldBeRejected(RejectionKind.Invalid, field);

    [Fact]
    public void every_field_error_is_reported_at_once()
    {
        var decision = OpenAccountDecision.Decide("ACME-1",
            Valid() with
            {
                DebtorName = " ", TimeZone = "Mars/Olympus", Terms = new CreditTerms(-1, -5, "usd"),
                Contacts = [new DebtorContact("", "Ada", 0, null, null, null)]
            }, null, People.Staff, Now);

        decision.Rejection!.Errors.Keys.ShouldBe(
            ["debtorName", "timeZone", "terms.netDays", "terms.currency", "terms.creditLimit",
             "contacts[0].contactId", "contacts[0].role", "contacts[0]"], ignoreOrder: true);
    }

    [Fact]
    public void an_account_needs_a_contact() =>
        OpenAccountDecision.Decide("ACME-1", Valid() with { Contacts = [] }, null, People.Staff, Now)
            .ShouldBeRejected(RejectionKind.Invalid, "contacts");

    private static DebtorAccount Existing() =>
        new DebtorAccount().With(OpenAccountDecision.Decide("ACME-00042", Valid(), null, People.Staff, Now.AddDays(-1)));

    [Fact]
    public void opening_the_same_account_again_changes_nothing() =>
        OpenAccountDecision.Decide("ACME-00042", Valid(), Existing(), People.Staff, Now).IsUnchanged.ShouldBeTrue();

    [Fact]
    public void reusing_an_account_number_for_another_debtor_conflicts() =>
        OpenAccountDecision.Decide("ACME-00042", Valid() with { DebtorName = "Other Ltd" }, Existing(), People.Staff, Now)
            .ShouldBeRejected(RejectionKind.Conflict, "accountNumber");
}
