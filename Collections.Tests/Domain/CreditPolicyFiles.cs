using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Tests.Domain;

public class CreditPolicyFiles
{
    private static readonly string DefaultJson =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "default.json"));

    [Fact]
    public void the_default_policy_reads_cleanly_with_a_ladder_per_segment()
    {
        var policy = DefaultPolicy.Policy;
        policy.Ladders.Keys.ShouldBe(Enum.GetValues<CollectionSegment>(), ignoreOrder: true);
        var gentle = policy.Ladders[CollectionSegment.FirstTimeLatePayer].Steps;
        gentle[0].Action.ShouldBe(StepAction.Reminder);
        gentle[0].After.ShouldBe(TimeSpan.FromDays(1));
        gentle[0].At.ShouldBe(new TimeOnly(9, 0));
        gentle.Single(s => s.Id == "credit-hold").RunsAtDeadline.ShouldBeTrue();
        policy.Senders[SenderRole.CreditManager].Name.ShouldBe("Morgan Hale");
    }

    [Fact]
    public void a_syntax_error_names_the_line()
    {
        var errors = CreditPolicyParser.Parse("{\n  \"version\": \"1\",\n  \"citation\": \n}", "broken.json").Errors;
        errors.ShouldHaveSingleItem().ShouldStartWith("broken.json line 4:");
    }

    [Fact]
    public void an_unknown_value_names_its_path()
    {
        var errors = CreditPolicyParser.Parse(DefaultJson.Replace("\"channel\": \"letter\"", "\"channel\": \"pigeon\""), "p.json").Errors;
        errors.ShouldHaveSingleItem().ShouldContain("$.ladders.firstTimeLatePayer.steps[0].channel");
    }

    [Fact]
    public void a_final_notice_must_be_followed_by_the_consequence_it_announces()
    {
        var json = DefaultJson.Replace(
            "{ \"id\": \"credit-hold\", \"channel\": \"email\", \"sender\": \"creditManager\", \"recipient\": \"cfo\", \"action\": \"creditHold\" }",
            "{ \"id\": \"credit-hold\", \"channel\": \"email\", \"sender\": \"creditManager\", \"recipient\": \"cfo\", \"action\": \"agencyReferral\" }");
        CreditPolicyParser.Parse(json, "p.json").Errors
            .ShouldContain(e => e.Contains("$.ladders.firstTimeLatePayer.steps[6].action") && e.Contains("creditHold"));
    }

    [Fact]
    public void templates_and_merge_fields_are_checked()
    {
        var json = DefaultJson.Replace("{{totalDue}}", "{{totalOwed}}").Replace("\"template\": \"friendly-email\"", "\"template\": \"missing\"");
        var errors = CreditPolicyParser.Parse(json, "p.json").Errors;
        errors.ShouldContain(e => e.Contains("{{totalOwed}}"));
        errors.ShouldContain(e => e.Contains("$.ladders.firstTimeLatePayer.steps[1].template"));
    }

    [Fact]
    public void durations_and_times_are_checked()
    {
        var json = DefaultJson.Replace("\"after\": \"3d\"", "\"after\": \"three days\"").Replace("\"at\": \"13:00\"", "\"at\": \"1pm\"");
        var errors = CreditPolicyParser.Parse(json, "p.json").Errors;
        errors.ShouldContain(e => e.Contains("steps[1].after") && e.Contains("three days"));
        errors.ShouldContain(e => e.Contains("steps[5].at") && e.Contains("1pm"));
    }
}
