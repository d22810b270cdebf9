using System.Diagnostics;
using JasperFx.CommandLine;
using Collections.Api.Tenancy;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Collections.Api.Simulation;

public sealed class SeedInput : NetCoreInput
{
    [Description("How many simulated accounts to add (default 2000)")]
    public int AccountsFlag { get; set; } = 2000;

    [Description("Random seed: the same seed gives the same accounts (default 42)")]
    public int SeedFlag { get; set; } = 42;

    [Description("Account number prefix (default SIM)")]
    public string PrefixFlag { get; set; } = "SIM";

    [Description("The tenant the accounts belong to (default: default, the one tenant of a single-tenant installation)")]
    public string TenantFlag { get; set; } = Tenants.Default;
}

[Description("Adds simulated debtor accounts (invoices, payments, promises, disputes, holds) for demos and load", Name = "seed")]
public sealed class SeedCommand : JasperFxAsyncCommand<SeedInput>
{
    public override async Task<bool> Execute(SeedInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        if (!host.Services.GetRequiredService<Tenants>().IsKnown(input.TenantFlag))
        {
            AnsiConsole.MarkupLine($"[red]--tenant: '{Markup.Escape(input.TenantFlag)}' is not a configured tenant.[/]");
            return false;
        }

        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var watch = Stopwatch.StartNew();
        var events = await SimulatedData.AppendAsync(store, input.TenantFlag, new AccountSimulator(input.SeedFlag, host.Services.GetRequiredService<Tenants>()[input.TenantFlag].Policy.Staff)
            .Accounts(input.AccountsFlag, now, input.PrefixFlag));
        AnsiConsole.MarkupLine($"[green]Appended {events} events for {input.AccountsFlag} accounts in {watch.Elapsed.TotalSeconds:F1} s.[/] " +
                               "The read side catches up in the background when the service runs.");
        return true;
    }
}
