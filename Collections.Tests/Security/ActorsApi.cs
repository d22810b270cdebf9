using Collections.Api.Security;
using Collections.Api.Tenancy;
using Collections.Domain.Contacts;
using Collections.Domain.WriteOffs;
using Collections.Tests.Support;

namespace Collections.Tests.Security;

/// <summary>The actor on an event is who the service authenticated, never what the request says.</summary>
public class ActorsApi(AppFixture fixture) : ApiContext(fixture)
{
    private static readonly string Maria = Tokens.For(Roles.CreditManager, "maria.credit", name: "Maria Credit");
    private static readonly string Morgan = Tokens.For(Roles.CreditManager, "morgan.hale", name: "Morgan Hale");

    [Fact]
    public async Task an_x_actor_header_changes_nothing()
    {
        await OpenAccountWithPastDueInvoice();
        await Host.Scenario(x =>
        {
            x.Post.Json(new { channel = "phone", direction = "outbound", summary = "called", outcome = "noAnswer" })
                .ToUrl($"{AccountUrl}/contacts");
            x.WithRequestHeader("Authorization", Tokens.For(Roles.Collector, "collector-1", name: "Sam Porter"));
            x.WithRequestHeader("X-Actor", "finance.director");
            x.StatusCodeShouldBe(200);
        });

        await using var session = Store.QuerySession(Tenants.Default);
        var logged = (await session.Events.FetchStreamAsync(AccountNumber)).Single(e => e.Data is ContactLogged);
        logged.UserName.ShouldBe("collector-1");
        logged.Headers!["actor-name"].ToString().ShouldBe("Sam Porter");
        ((ContactLogged)logged.Data).LoggedBy.ShouldBe("collector-1");
    }

    [Fact]
    public async Task a_token_naming_nobody_or_the_policy_is_refused()
    {
        await OpenAccount();
        foreach (var user in new[] { "credit policy", new string('x', 201) })
            (await Host.SendAs("GET", AccountUrl, null, Tokens.For(Roles.Admin, user))).Status.ShouldBe(401, user);
    }

    [Fact]
    public async Task a_big_write_off_takes_a_second_credit_manager_and_names_both()
    {
        await OpenAccount();
        await Post("invoices", NewInvoice(amount: 8000m), 200);

        var asked = await Post("write-off", new { reason = "debtor insolvent" }, 200, Maria);
        (await asked.ReadAsJsonAsync<System.Text.Json.JsonElement>()).GetProperty("eventsAppended")[0].GetString()
            .ShouldBe(nameof(WriteOffRequested));
        (await Account()).IsWrittenOff.ShouldBeFalse();
        (await Get(AccountUrl)).GetProperty("pendingWriteOff").GetProperty("requestedBy").GetString().ShouldBe("maria.credit");

        var version = await StreamVersion();
        var own = await Post("write-off/decision", new { approve = true, note = "as agreed" }, 403, Maria);
        (await own.ReadAsJsonAsync<ProblemBody>())!.Errors!.Keys.ShouldContain("approve");
        (await StreamVersion()).ShouldBe(version);

        await Post("write-off/decision", new { approve = true, note = "administrator's letter on file" }, 200, Morgan);
        var written = (await Events()).OfType<AccountWrittenOff>().ShouldHaveSingleItem();
        written.RequestedBy.ShouldBe("maria.credit");
        written.ApprovedBy.ShouldBe("morgan.hale");
        (await Account()).IsWrittenOff.ShouldBeTrue();
    }

    [Fact]
    public async Task a_small_write_off_needs_one_credit_manager()
    {
        await OpenAccountWithPastDueInvoice(amount: 1200m);
        await Post("write-off", new { reason = "not worth chasing" }, 200, Maria);
        (await Events()).OfType<AccountWrittenOff>().ShouldHaveSingleItem().ApprovedBy.ShouldBe("maria.credit");
    }
}
