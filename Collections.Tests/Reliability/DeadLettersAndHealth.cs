using System.Text.Json;
using Alba;
using Collections.Api.Integration.Outbound;
using Collections.Api.Operations;
using Collections.Api.Tenancy;
using Collections.Tests.Support;
using Wolverine;
using Wolverine.Tracking;

namespace Collections.Tests.Reliability;

public sealed class DeadLettersAndHealth(AppFixture fixture) : ApiContext(fixture)
{
    [Fact]
    public async Task a_quiet_service_is_healthy_on_every_check()
    {
        var health = await Health();
        health.GetProperty("status").GetString().ShouldBe("Healthy");
        var checks = health.GetProperty("checks");
        foreach (var name in new[] { "postgresql", "relay", "projections", "deadLetters", "escalations", "obligations" })
            checks.GetProperty(name).GetProperty("status").GetString().ShouldBe("Healthy", name);
        checks.GetProperty("relay").GetProperty("data").GetProperty("unpublished").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task an_event_that_cannot_be_relayed_is_dead_lettered_with_its_reason_and_replayed_by_an_operator()
    {
        // Sequence numbers are not reused: the next event appended will carry this one.
        var next = await StoreProbe.Scalar("select coalesce(max(seq_id), 0) + 1 from collections.mt_events");
        await Host.TrackActivity().DoNotAssertOnExceptionsDetected().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync(bus => bus.PublishAsync(new UnrelayableEvent(next, Tenants.Default, AccountNumber, "AccountOpened", "not in the store yet"),
                new DeliveryOptions { TenantId = Tenants.Default }).AsTask());

        var health = await Health();
        health.GetProperty("status").GetString().ShouldBe("Degraded");
        var check = health.GetProperty("checks").GetProperty("deadLetters");
        check.GetProperty("status").GetString().ShouldBe("Degraded");
        check.GetProperty("data").GetProperty("deadLetters").GetInt64().ShouldBe(1);

        var listed = (await DeadLetters()).ShouldHaveSingleItem();
        listed.GetProperty("envelope").GetProperty("headers").GetProperty("exception-message").GetString()!
            .ShouldContain($"Event {next} is no longer in the store");

        // The cause goes away (here: the event now exists), the operator replays, the event is published.
        await OpenAccount();
        (await StoreProbe.Scalar($"select count(*) from collections.mt_events where seq_id = {next}")).ShouldBe(1);
        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).WaitForMessageToBeReceivedAt<PublishCloudEvent>(Host)
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ => Host.Scenario(x =>
            {
                x.Post.Json(new { ids = new[] { listed.GetProperty("id").GetGuid() } }).ToUrl("/api/dead-letters/replay");
                x.StatusCodeShouldBeSuccess();
            })));

        for (var i = 0; i < 50 && (await DeadLetters()).Count > 0; i++) await Task.Delay(200);
        (await DeadLetters()).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_dead_letter_list_names_why_a_message_failed_but_not_where_the_servers_are()
    {
        var next = await StoreProbe.Scalar("select coalesce(max(seq_id), 0) + 1 from collections.mt_events");
        await Host.TrackActivity().DoNotAssertOnExceptionsDetected().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync(bus => bus.PublishAsync(new UnrelayableEvent(next, Tenants.Default, AccountNumber, "AccountOpened", "not in the store yet"),
                new DeliveryOptions { TenantId = Tenants.Default }).AsTask());
        // What a driver's failure leaves as the stored reason (the envelope's own copy keeps the original).
        const string driverText = "Failed to connect to 10.1.2.3:5432 (Host=db.internal;Port=5432;Username=collections;Password=hunter2) " +
                                  "or amqp://guest:guest@mq.internal:5672/ or [fd00::7]:5432";
        await StoreProbe.Scalar($"update collections.wolverine_dead_letters set exception_message = '{driverText}' returning 1");

        var result = await Host.Scenario(x =>
        {
            x.Post.Json(new { }).ToUrl("/api/dead-letters");
            x.StatusCodeShouldBeOk();
        });
        var text = await result.ReadAsTextAsync();
        var page = JsonDocument.Parse(text).RootElement.EnumerateArray().ShouldHaveSingleItem();
        page.GetProperty("databaseUri").ValueKind.ShouldBe(JsonValueKind.Null, "the list does not say where the database is");
        var message = page.GetProperty("envelopes").EnumerateArray().ShouldHaveSingleItem().GetProperty("exceptionMessage").GetString();
        message.ShouldBe($"Failed to connect to {DeadLetterRedaction.Placeholder} (Host={DeadLetterRedaction.Placeholder};" +
                         $"Port={DeadLetterRedaction.Placeholder};Username={DeadLetterRedaction.Placeholder};" +
                         $"Password={DeadLetterRedaction.Placeholder}) or {DeadLetterRedaction.Placeholder} or {DeadLetterRedaction.Placeholder}");
        foreach (var server in new[] { "10.1.2.3", "db.internal", "hunter2", "mq.internal", "guest", "fd00", "127.0.0.1", "postgresql://" })
            text.ShouldNotContain(server, Case.Insensitive);
        text.ShouldContain($"Event {next} is no longer in the store", Case.Sensitive, "the reason an operator needs stays");
    }

    private async Task<List<JsonElement>> DeadLetters()
    {
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(new { }).ToUrl("/api/dead-letters");
            x.StatusCodeShouldBeOk();
        });
        var pages = await result.ReadAsJsonAsync<JsonElement>();
        return pages.EnumerateArray().SelectMany(page => page.GetProperty("envelopes").EnumerateArray()).ToList();
    }

    private async Task<JsonElement> Health()
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url("/health");
            x.IgnoreStatusCode();
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.Clone();
    }
}
