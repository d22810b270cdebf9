using Collections.Domain.Common;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Tests.Domain;

/// <summary>The people on our side in the domain's examples: an actor with the same id and name.</summary>
public static class People
{
    public static Actor Person(string id) => new(id, id);

    /// <summary>The collections staff of the examples: the default policy's, and <c>collector-1</c>, who works the accounts.</summary>
    public static readonly StaffRegister Staff = new(DefaultPolicy.Policy.Staff.Members
        .Append(new("collector-1", new StaffMember("collector-1", "Sam Porter", SenderRole.Collector, "Collections Officer", null)))
        .ToDictionary());
}
