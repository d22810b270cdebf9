namespace Collections.Api.Security;

/// <summary>The roles a token or API key carries (claim <see cref="AuthSettings.RoleClaim"/>), as docs/security.md tables them.</summary>
public static class Roles
{
    public const string Collector = "collector";
    public const string CreditManager = "credit-manager";
    public const string Auditor = "auditor";
    public const string Integration = "integration";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Collector, CreditManager, Auditor, Integration, Admin];
}

/// <summary>
/// What an endpoint needs, named for the work rather than the role: each is a policy granted to some roles.
/// Admin holds every one.
/// </summary>
public static class Capability
{
    /// <summary>Contacts, promises, disputes and dunning blocks, tasks; a collector only on the accounts assigned to them.</summary>
    public const string Collect = nameof(Collect);

    /// <summary>Credit holds and their release, agency referral, write-off and reopening.</summary>
    public const string ManageCredit = nameof(ManageCredit);

    /// <summary>Accounts, histories, reports, work queues, obligations.</summary>
    public const string Read = nameof(Read);

    /// <summary>Opening and updating accounts from the creditor's ERP.</summary>
    public const string OpenAccounts = nameof(OpenAccounts);

    /// <summary>Invoices and payments from billing.</summary>
    public const string Bill = nameof(Bill);

    /// <summary>The event feed.</summary>
    public const string Feed = nameof(Feed);

    /// <summary>May the debtor's order ship?</summary>
    public const string CheckOrders = nameof(CheckOrders);

    /// <summary>API keys, dead letters, metrics.</summary>
    public const string Administer = nameof(Administer);

    public static readonly IReadOnlyDictionary<string, string[]> Grants = new Dictionary<string, string[]>
    {
        [Collect] = [Roles.Collector, Roles.CreditManager, Roles.Admin],
        [ManageCredit] = [Roles.CreditManager, Roles.Admin],
        [Read] = [Roles.Collector, Roles.CreditManager, Roles.Auditor, Roles.Admin],
        [OpenAccounts] = [Roles.CreditManager, Roles.Integration, Roles.Admin],
        [Bill] = [Roles.Integration, Roles.Admin],
        [Feed] = [Roles.Auditor, Roles.Integration, Roles.Admin],
        [CheckOrders] = [Roles.Collector, Roles.CreditManager, Roles.Auditor, Roles.Integration, Roles.Admin],
        [Administer] = [Roles.Admin]
    };
}
