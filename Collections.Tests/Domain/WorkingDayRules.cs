using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.PolicyFile;
using static Collections.Tests.Domain.AccountBuilder;

namespace Collections.Tests.Domain;

/// <summary>The calendar rules on their own: which days are worked for a debtor, and where a step or deadline moves.</summary>
public class WorkingDayRules
{
    private static readonly CreditPolicy Policy = DefaultPolicy.Policy;

    private static readonly string DefaultJson =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "default.json"));

    private static WorkingCalendar In(string country) => new(Policy.Calendar, country);

    /// <summary>A debtor in Berlin (or <paramref name="timeZone"/>), in <paramref name="country"/> or, without one, the policy's default.</summary>
    public static DebtorAccount Debtor(string? country = null, string timeZone = "Europe/Berlin") => Fold(
        new AccountOpened("ACME-00042", "Acme Widgets GmbH", "standard", timeZone, new CreditTerms(30, null, "EUR"),
            [new DebtorContact("ap", "Ada Clerk", ContactRole.ApClerk, "ap@acme.test", null, "1 Hauptstrasse, Berlin")], "collector-1",
            Now.AddDays(-90), country));

    private static DateTimeOffset Berlin(int year, int month, int day, int hour, int offset = 1) =>
        new(year, month, day, hour, 0, 0, TimeSpan.FromHours(offset));

    [Fact]
    public void saturday_and_sunday_are_not_working_days()
    {
        In("DE").WhyNotWorking(new DateOnly(2031, 4, 5)).ShouldBe("not a working day in DE");
        In("DE").IsWorkingDay(new DateOnly(2031, 4, 6)).ShouldBeFalse();
        In("DE").IsWorkingDay(new DateOnly(2031, 4, 7)).ShouldBeTrue(); // Monday
    }

    [Fact]
    public void a_public_holiday_counts_in_the_debtors_own_country_only()
    {
        var goodFriday = new DateOnly(2031, 4, 11);
        In("DE").WhyNotWorking(goodFriday).ShouldBe("a public holiday in DE (Karfreitag)");
        In("US").IsWorkingDay(goodFriday).ShouldBeTrue();

        var earlyMayBankHoliday = new DateOnly(2031, 5, 5);
        In("GB").WhyNotWorking(earlyMayBankHoliday).ShouldNotBeNull().ShouldStartWith("a public holiday in GB");
        In("DE").IsWorkingDay(earlyMayBankHoliday).ShouldBeTrue();
    }

    [Fact]
    public void our_office_closure_is_not_a_working_day_for_any_debtor()
    {
        var monday = new DateOnly(2031, 12, 29);
        foreach (var country in new[] { "DE", "US", "FR" })
            In(country).WhyNotWorking(monday).ShouldBe("a closure of our office (our offices are closed between Christmas and New Year)");
        In("DE").IsWorkingDay(new DateOnly(2031, 12, 23)).ShouldBeTrue();
        In("DE").IsWorkingDay(new DateOnly(2032, 1, 2)).ShouldBeTrue(); // Friday after New Year
    }

    [Fact]
    public void a_yearly_closure_may_run_over_new_year()
    {
        var closure = new Closure(new PolicyDay(null, 12, 28), new PolicyDay(null, 1, 3), "stocktaking");
        closure.Covers(new DateOnly(2031, 12, 28)).ShouldBeTrue();
        closure.Covers(new DateOnly(2032, 1, 3)).ShouldBeTrue();
        closure.Covers(new DateOnly(2032, 1, 4)).ShouldBeFalse();
        closure.Covers(new DateOnly(2031, 12, 27)).ShouldBeFalse();
    }

    [Fact]
    public void working_days_are_counted_past_weekends_and_holidays()
    {
        var maundyThursday = new DateOnly(2031, 4, 10);
        // Good Friday, the weekend and Easter Monday are not counted.
        In("DE").AddWorkingDays(maundyThursday, 2).ShouldBe(new DateOnly(2031, 4, 16));
        In("US").AddWorkingDays(maundyThursday, 2).ShouldBe(new DateOnly(2031, 4, 14));
        In("DE").NextWorkingDay(new DateOnly(2031, 4, 11)).ShouldBe(new DateOnly(2031, 4, 15));
        In("DE").NextWorkingDay(maundyThursday).ShouldBe(maundyThursday);
    }

    [Fact]
    public void a_moment_on_a_non_working_day_moves_to_the_next_working_day_with_every_day_skipped_and_why()
    {
        var friday = Berlin(2031, 4, 11, 13, offset: 2);
        var moved = Debtor().OnWorkingDay(Policy, friday);

        moved.At.ShouldBe(Berlin(2031, 4, 15, 13, offset: 2));
        moved.Moved.ShouldNotBeNull().From.ShouldBe(friday);
        moved.Moved.Reason.ShouldBe("moved to the next working day: " +
            "Friday 11 April 2031 is a public holiday in DE (Karfreitag); " +
            "Saturday 12 April 2031 is not a working day in DE; Sunday 13 April 2031 is not a working day in DE; " +
            "Monday 14 April 2031 is a public holiday in DE (Ostermontag)");

        var monday = Berlin(2031, 4, 7, 13, offset: 2);
        Debtor().OnWorkingDay(Policy, monday).ShouldBe(new WorkingDayTime(monday, null));
    }

    [Fact]
    public void a_moved_step_keeps_its_time_of_day_at_the_debtors_office_across_the_clock_change()
    {
        // Berlin moves to summer time in the night to Sunday 30 March 2031.
        var saturday = Berlin(2031, 3, 29, 10);
        Debtor().OnWorkingDay(Policy, saturday).At.ShouldBe(Berlin(2031, 3, 31, 10, offset: 2));

        // A step with a time of day of its own moves to that time.
        Debtor().OnWorkingDay(Policy, saturday, new TimeOnly(9, 30)).At.ShouldBe(new DateTimeOffset(2031, 3, 31, 9, 30, 0, TimeSpan.FromHours(2)));

        // 48 hours are elapsed time: from Friday 13:00 they end at 14:00 summer time on Sunday, then move to Monday 14:00.
        var deadline = Debtor().Deadline(Policy, Berlin(2031, 3, 28, 13), PolicyDuration.Hours(48));
        deadline.At.ShouldBe(Berlin(2031, 3, 31, 14, offset: 2));
        deadline.Moved!.From.ShouldBe(Berlin(2031, 3, 30, 14, offset: 2));
    }

    [Fact]
    public void a_response_window_in_working_days_runs_out_on_a_working_day_at_the_same_time()
    {
        var thursday = Berlin(2031, 3, 27, 13);
        var deadline = Debtor().Deadline(Policy, thursday, PolicyDuration.WorkingDays(2));
        deadline.ShouldBe(new WorkingDayTime(Berlin(2031, 3, 31, 13, offset: 2), null)); // Friday, Monday: nothing to move

        // Friday 13:00: 48 hours would leave the debtor Monday morning only; two working days run to Tuesday.
        var friday = Berlin(2031, 3, 28, 13);
        Debtor().Deadline(Policy, friday, PolicyDuration.Hours(48)).At.ShouldBe(Berlin(2031, 3, 31, 14, offset: 2));
        Debtor().Deadline(Policy, friday, PolicyDuration.WorkingDays(2)).At.ShouldBe(Berlin(2031, 4, 1, 13, offset: 2));
    }

    [Fact]
    public void the_account_country_wins_over_the_policy_default()
    {
        Debtor().CountryFor(Policy).ShouldBe("DE");
        Debtor("GB", "Europe/London").CountryFor(Policy).ShouldBe("GB");
        var bankHoliday = new DateTimeOffset(2031, 5, 5, 9, 0, 0, TimeSpan.FromHours(1));
        Debtor("GB", "Europe/London").OnWorkingDay(Policy, bankHoliday).At.ShouldBe(bankHoliday.AddDays(1));
        Debtor("DE").OnWorkingDay(Policy, bankHoliday).Moved.ShouldBeNull();
    }

    [Fact]
    public void a_policy_without_a_calendar_works_every_day()
    {
        var saturday = Berlin(2031, 4, 5, 10);
        var policy = Policy with { Calendar = CalendarRules.EveryDay };
        Debtor().CountryFor(policy).ShouldBeNull();
        Debtor().OnWorkingDay(policy, saturday).ShouldBe(new WorkingDayTime(saturday, null));
    }

    [Fact]
    public void promise_grace_in_working_days_is_counted_from_the_promised_date()
    {
        var withWorkingDays = Policy with { PromiseGrace = PolicyDuration.WorkingDays(1) };
        var friday = new DateOnly(2031, 4, 4);
        Debtor().PromiseAwaitedUntil(withWorkingDays, friday).ShouldBe(Berlin(2031, 4, 8, 0, offset: 2)); // Monday is the grace day
        Debtor().PromiseAwaitedUntil(Policy, friday).ShouldBe(Berlin(2031, 4, 7, 0, offset: 2)); // "2d": Saturday and Sunday
    }

    [Fact]
    public void the_last_days_a_date_can_hold_are_answered_not_overflowed()
    {
        // An account read as of 9999-12-31 lists the coming days off; neither the holiday library nor the range may overflow.
        var last = In("DE").NonWorkingDays(new DateOnly(9999, 12, 24), DateOnly.MaxValue).Select(d => d.Date).ToList();
        last.ShouldContain(new DateOnly(9999, 12, 25)); // Christmas Day, a Saturday as well
        last.ShouldContain(DateOnly.MaxValue); // our office is closed from 24 to 31 December
        In("US").WhyNotWorking(DateOnly.MaxValue).ShouldNotBeNull();
    }

    [Fact]
    public void the_debtors_country_is_an_iso_code_in_capitals()
    {
        var command = new OpenAccount("Acme Widgets GmbH", "standard", "Europe/Berlin", new CreditTerms(30, null, "EUR"),
            [new DebtorContact("ap", "Ada Clerk", ContactRole.ApClerk, "ap@acme.test", null, null)], "collector-1");
        foreach (var wrong in new[] { "de", "UK", "XX", "DEU", "" })
            OpenAccountDecision.Decide("ACME-1", command with { Country = wrong }, null, People.Staff, Now).ShouldBeRejected(RejectionKind.Invalid, "country");

        OpenAccountDecision.Decide("ACME-1", command with { Country = "GB" }, null, People.Staff, Now).Events
            .ShouldHaveSingleItem().ShouldBeOfType<AccountOpened>().Country.ShouldBe("GB");
        var opened = new DebtorAccount().With(OpenAccountDecision.Decide("ACME-1", command with { Country = "GB" }, null, People.Staff, Now));
        opened.Country.ShouldBe("GB");
        OpenAccountDecision.Decide("ACME-1", command with { Country = "FR" }, opened, People.Staff, Now).ShouldBeRejected(RejectionKind.Conflict, "accountNumber");
    }

    private static IReadOnlyList<string> Errors(string calendarJson) =>
        CreditPolicyParser.Parse(DefaultJson.Replace(DefaultCalendar(), calendarJson), "p.json").Errors;

    private static string DefaultCalendar()
    {
        var start = DefaultJson.IndexOf("\"calendar\": {", StringComparison.Ordinal);
        return DefaultJson[start..(DefaultJson.IndexOf("\n  },", start, StringComparison.Ordinal) + 5)]; // with its comma
    }

    [Fact]
    public void the_default_policy_keeps_working_days_in_germany()
    {
        Policy.Calendar.DefaultCountry.ShouldBe("DE");
        Policy.Calendar.WorkingWeek.ShouldBe(CalendarRules.MondayToFriday, ignoreOrder: true);
        Policy.Calendar.Closures.ShouldHaveSingleItem().From.ShouldBe(new PolicyDay(null, 12, 24));
        Errors(DefaultCalendar()).ShouldBeEmpty();
    }

    [Fact]
    public void every_calendar_error_names_its_path()
    {
        var errors = Errors("""
            "calendar": {
              "defaultCountry": "Germany",
              "workingWeek": [],
              "countries": {
                "XX": { "holidays": [ { "date": "2031-02-30", "name": "never" } ] },
                "MT": { },
                "FR": { "workingWeek": ["monday", "monday"], "holidays": [ { "date": "05-08", "name": "" } ] }
              },
              "closures": [
                { "from": "12-24", "to": "2031-12-31", "reason": "mixed" },
                { "from": "2031-12-31", "to": "2031-12-24", "reason": "backwards" },
                { "from": "06-01", "to": "09-30", "reason": "" }
              ]
            },
            """);

        errors.ShouldBe([
            "p.json $.calendar.defaultCountry: 'Germany' is not an ISO 3166-1 alpha-2 country code (e.g. \"DE\", \"GB\", \"US\").",
            "p.json $.calendar.countries.XX: 'XX' is not an ISO 3166-1 alpha-2 country code (e.g. \"DE\", \"GB\", \"US\").",
            "p.json $.calendar.countries.XX.holidays[0].date: '2031-02-30' is not a date like \"2031-12-24\" (once) or \"12-24\" (every year).",
            "p.json $.calendar.countries.FR.workingWeek: names monday more than once.",
            "p.json $.calendar.countries.FR.holidays[0].name: is required.",
            "p.json $.calendar.countries.MT: the holiday library does not know the public holidays of MT: list them in " +
            "$.calendar.countries.MT.holidays, or set $.calendar.countries.MT.publicHolidays to false.",
            "p.json $.calendar.closures[0].to: must be written like 'from': both with a year (once) or both without (every year).",
            "p.json $.calendar.closures[1].to: must not be before 'from'.",
            "p.json $.calendar.closures[2].reason: is required.",
            "p.json $.calendar.closures[2].to: a closure may last at most 92 days.",
            "p.json $.calendar.workingWeek: must name at least one day."
        ], ignoreOrder: true);
    }

    [Fact]
    public void a_country_the_library_does_not_know_takes_its_holidays_from_the_policy()
    {
        Errors("""
            "calendar": {
              "defaultCountry": "MT",
              "countries": { "MT": { "holidays": [ { "date": "03-19", "name": "St Joseph's Day" } ] } }
            },
            """).ShouldBeEmpty();

        var policy = CreditPolicyParser.Parse(DefaultJson.Replace(DefaultCalendar(), """
            "calendar": { "defaultCountry": "MT", "countries": { "MT": { "holidays": [ { "date": "03-19", "name": "St Joseph's Day" } ] } } },
            """), "p.json").Policy!;
        new WorkingCalendar(policy.Calendar, "MT").WhyNotWorking(new DateOnly(2031, 3, 19)).ShouldBe("a holiday in MT (St Joseph's Day)");
        new WorkingCalendar(policy.Calendar, "MT").IsWorkingDay(new DateOnly(2031, 12, 29)).ShouldBeTrue(); // no closures given
    }

    [Fact]
    public void working_day_durations_need_a_calendar()
    {
        var json = DefaultJson.Replace(DefaultCalendar(), "").Replace("\"responseWindow\": \"48h\"", "\"responseWindow\": \"2wd\"");
        CreditPolicyParser.Parse(json, "p.json").Errors.ShouldContain(
            "p.json $.ladders.firstTimeLatePayer.steps[5].responseWindow: '2wd' counts working days, which need a $.calendar (at least its defaultCountry).");

        var withCalendar = DefaultJson.Replace("\"responseWindow\": \"48h\"", "\"responseWindow\": \"2wd\"");
        CreditPolicyParser.Parse(withCalendar, "p.json").Policy!.Ladders[CollectionSegment.FirstTimeLatePayer].Steps[5]
            .ResponseWindow.ShouldBe(PolicyDuration.WorkingDays(2));
        CreditPolicyParser.Parse(DefaultJson.Replace("\"after\": \"3d\"", "\"after\": \"3 wd\""), "p.json").Errors
            .ShouldContain(e => e.Contains("steps[1].after") && e.Contains("\"2wd\""));
    }

    [Fact]
    public void a_final_notices_follow_up_and_delivery_time_may_count_working_days()
    {
        var json = DefaultJson.Replace("\"followUpGrace\": \"2d\"", "\"followUpGrace\": \"2wd\"")
            .Replace("\"letter\": \"2d\"", "\"letter\": \"2wd\"");
        var notices = CreditPolicyParser.Parse(json, "p.json").Policy!.Notices;
        notices.FollowUpGrace.ShouldBe(PolicyDuration.WorkingDays(2));
        notices.DeliveryFor(Channel.Letter).ShouldBe(PolicyDuration.WorkingDays(2));
        notices.DeliveryFor(Channel.CertifiedLetter).ShouldBe(PolicyDuration.Days(2));

        CreditPolicyParser.Parse(json.Replace(DefaultCalendar(), ""), "p.json").Errors.ShouldBe([
            "p.json $.finalNotices.followUpGrace: '2wd' counts working days, which need a $.calendar (at least its defaultCountry).",
            "p.json $.finalNotices.deliveryTime.letter: '2wd' counts working days, which need a $.calendar (at least its defaultCountry)."
        ], ignoreOrder: true);
    }

    [Fact]
    public void a_template_that_would_write_1_days_is_refused()
    {
        var json = DefaultJson.Replace("now {{oldestPastDue}} past due", "now {{ oldestDaysPastDue }} days past due");
        CreditPolicyParser.Parse(json, "p.json").Errors.ShouldHaveSingleItem().ShouldBe(
            "p.json $.templates.friendly-email: writes \"{{oldestDaysPastDue}} days\", which reads \"1 days\" for an invoice " +
            "one day past due: write {{oldestPastDue}} (\"1 day\", \"23 days\").");
    }

    [Theory]
    [InlineData(1, "1 day")]
    [InlineData(0, "0 days")]
    [InlineData(23, "23 days")]
    public void days_are_written_in_the_singular_for_one(int n, string text) => Wording.Days(n).ShouldBe(text);
}
