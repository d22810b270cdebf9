using Collections.Domain.Common;

namespace Collections.Tests.Domain;

/// <summary>The people on our side in the domain's examples: an actor with the same id and name.</summary>
public static class People
{
    public static Actor Person(string id) => new(id, id);
}
