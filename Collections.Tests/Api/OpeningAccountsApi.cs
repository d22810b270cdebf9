using Collections.Tests.Support;

namespace Collections.Tests.Api;

public class OpeningAccountsApi(AppFixture fixture) : ApiContext(fixture)
{
    [Fact]
    public async Task opening_an_account_starts_its_stream()
    {
        var result = await Host.Scenario(x =>
        {
            x.Put.Json(NewAccount()).ToUrl(AccountUrl);
            x.StatusCodeShouldBe(201);
            x.Header("Location").SingleValueShouldEqual(AccountUrl);
        });

        (await result.ReadAsJsonAsync<CommandResultBody>())!.Version.ShouldBe(1);
        var account = await Account();
        account.DebtorName.ShouldBe("Acme Widgets GmbH");
        account.Contacts.Count.ShouldBe(2);
    }

    [Fact]
    public async Task opening_the_same_account_twice_writes_one_event()
    {
        await OpenAccount();
        await Host.Scenario(x =>
        {
            x.Put.Json(NewAccount()).ToUrl(AccountUrl);
            x.StatusCodeShouldBe(200);
        });
        (await StreamVersion()).ShouldBe(1);
    }

    [Fact]
    public async Task an_account_number_already_taken_by_another_debtor_is_a_conflict()
    {
        await OpenAccount();
        var result = await Host.Scenario(x =>
        {
            x.Put.Json(NewAccount("Someone Else Ltd")).ToUrl(AccountUrl);
            x.StatusCodeShouldBe(409);
        });
        await ShouldRefuse(result, "accountNumber", 1);
    }

    [Fact]
    public async Task missing_fields_are_named_and_nothing_is_written()
    {
        var result = await Host.Scenario(x =>
        {
            x.Put.Json(new { segment = "standard" }).ToUrl(AccountUrl);
            x.StatusCodeShouldBe(400);
        });
        await ShouldRefuse(result, "debtorName", 0);
        var problem = await result.ReadAsJsonAsync<ProblemBody>();
        problem!.Errors!.Keys.ShouldBe(["debtorName", "timeZone", "terms", "contacts"], ignoreOrder: true);
    }

    [Fact]
    public async Task an_unknown_contact_role_is_refused()
    {
        var result = await Host.Scenario(x =>
        {
            x.Put.Text("""
                       {"debtorName":"Acme","timeZone":"Europe/Berlin","terms":{"netDays":30,"currency":"EUR"},
                        "contacts":[{"contactId":"x","name":"X","role":"janitor","email":"x@acme.test"}]}
                       """).ToUrl(AccountUrl);
            x.WithRequestHeader("Content-Type", "application/json");
            x.StatusCodeShouldBe(400);
        });
        await ShouldRefuse(result, "contacts[0].role", 0);
    }

    private sealed record CommandResultBody(string AccountNumber, long Version, string[] EventsAppended);
}
