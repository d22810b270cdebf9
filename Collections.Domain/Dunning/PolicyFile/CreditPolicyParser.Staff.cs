using Collections.Domain.Common;
using System.Net.Mail;
using System.Text.Json;

namespace Collections.Domain.Dunning.PolicyFile;

/// <summary>The <c>staff</c> register and the <c>senders</c> drawn from it.</summary>
public static partial class CreditPolicyParser
{
    private static StaffRegister BuildStaff(Dictionary<string, StaffFile>? file, Action<string, string> error)
    {
        if (file is null || file.Count == 0)
        {
            error("$.staff", "is required: the collections staff, by the user name they sign in with.");
            return StaffRegister.Empty;
        }

        var members = new Dictionary<string, StaffMember>(StringComparer.Ordinal);
        foreach (var (id, person) in file)
        {
            var path = $"$.staff['{id}']";
            // The id is matched against the token's user name: one word, as identity providers issue them.
            if (id.Length == 0 || id.Length > InputLimits.Name || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                error(path, $"is not a user name: 1 to {InputLimits.Name} characters without spaces (e.g. \"jane.doe\").");
            if (person is null)
            {
                error(path, "is required.");
                continue;
            }

            Required(person.Name, $"{path}.name", error);
            Defined(person.Role, $"{path}.role", error);
            if (person.Email is { } email && !MailAddress.TryCreate(email, out _))
                error($"{path}.email", $"'{email}' is not an email address.");
            members[id] = new StaffMember(id, person.Name, person.Role,
                string.IsNullOrWhiteSpace(person.Title) ? StaffRegister.Describe(person.Role) : person.Title, person.Email);
        }

        return new StaffRegister(members);
    }

    private static Dictionary<SenderRole, Sender> BuildSenders(Dictionary<SenderRole, string>? file, StaffRegister staff,
        Action<string, string> error)
    {
        var senders = new Dictionary<SenderRole, Sender>();
        foreach (var role in Enum.GetValues<SenderRole>())
        {
            var path = $"$.senders.{JsonNamingPolicy.CamelCase.ConvertName(role.ToString())}";
            if (file is null || !file.TryGetValue(role, out var id) || string.IsNullOrWhiteSpace(id)) error(path, "is required: a user name in $.staff.");
            else if (staff.Find(id) is not { } member)
            {
                if (staff.Members.Count > 0) error(path, $"names no one in $.staff: '{id}'.");
            }
            else if (!member.MayActAs(role))
                error(path, $"'{id}' is {Article(member.Role)} {StaffRegister.Describe(member.Role).ToLowerInvariant()}; this sender must be " +
                            $"{Article(role)} {StaffRegister.Describe(role).ToLowerInvariant()} or more senior.");
            else senders[role] = member.AsSender();
        }

        return senders;
    }

    private static string Article(SenderRole role) => role == SenderRole.AccountsManager ? "an" : "a";

    private sealed record StaffFile(string Name, SenderRole Role, string? Title, string? Email);
}
