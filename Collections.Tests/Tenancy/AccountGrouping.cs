using Collections.Api.Dunning;
using Wolverine;

namespace Collections.Tests.Tenancy;

/// <summary>The key of the partitioned account queues: one account is one tenant's account number.</summary>
public sealed class AccountGrouping
{
    private static string? GroupOf(string tenant, object message)
    {
        new TenantAccountGrouping().TryFindIdentity(new Envelope(message) { TenantId = tenant }, out var group);
        return group;
    }

    [Fact]
    public void one_account_number_in_two_tenants_is_two_partitions_and_one_account_is_one() =>
        new[]
        {
            GroupOf("acme", new DunningWakeup("SHARED-1", 1)), GroupOf("acme", new PaymentRecorded("SHARED-1", "PAY-1")),
            GroupOf("globex", new DunningWakeup("SHARED-1", 1))
        }.ShouldBe(["acme/SHARED-1", "acme/SHARED-1", "globex/SHARED-1"]);

    [Fact]
    public void a_message_about_no_account_is_left_to_the_other_rules() =>
        GroupOf("acme", new Collections.Api.Email.SendEmail(null!)).ShouldBeNull();
}
