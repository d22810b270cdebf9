namespace Collections.Domain.Common;

/// <summary>
/// Who did something: a person or a service, as the service authenticated them (never as a client says).
/// </summary>
/// <param name="Id">A stable identifier: a person's user name, or an API key's id. Assignments (an account's collector) name it.</param>
/// <param name="Name">How people read it in a history.</param>
public sealed record Actor(string Id, string Name)
{
}
