using Collections.Domain.Common;
using Collections.Domain.Contacts;

namespace Collections.Domain.Dunning.PolicyFile;

/// <summary>
/// What a final notice promises the debtor, as the policy keeps it: "if I do not hear from you by then". A contact
/// that counts, made before the deadline, holds the consequence for <see cref="FollowUpGrace"/>; a notice a person
/// sends starts its window only once it is sent, plus the time the channel takes to arrive.
/// </summary>
public sealed record NoticeRules(ContactThatCounts ContactThatCounts, TimeSpan FollowUpGrace,
    IReadOnlyDictionary<Channel, TimeSpan> DeliveryTime)
{
    public static readonly NoticeRules Default = new(ContactThatCounts.Default, TimeSpan.FromDays(2),
        new Dictionary<Channel, TimeSpan>
        {
            [Channel.Letter] = TimeSpan.FromDays(2), [Channel.CertifiedLetter] = TimeSpan.FromDays(2),
            [Channel.Courier] = TimeSpan.FromDays(1)
        });

    /// <summary>Zero for a channel the policy does not list (a fax, a call, an email arrive at once).</summary>
    public TimeSpan DeliveryFor(Channel channel) => DeliveryTime.GetValueOrDefault(channel);
}

public sealed record ContactThatCounts(IReadOnlySet<ContactDirection> Directions, IReadOnlySet<Channel> Channels,
    IReadOnlySet<ContactOutcome> Outcomes)
{
    /// <summary>The debtor got in touch and spoke to us: a voicemail or an unanswered call is not hearing from them.</summary>
    public static readonly ContactThatCounts Default = new(
        new HashSet<ContactDirection> { ContactDirection.Inbound },
        new HashSet<Channel> { Channel.Phone, Channel.Email, Channel.Meeting },
        new HashSet<ContactOutcome> { ContactOutcome.Reached, ContactOutcome.PromisedToPay, ContactOutcome.Disputed, ContactOutcome.AskedForCopy });

    public bool Includes(Channel channel, ContactDirection direction, ContactOutcome outcome) =>
        Directions.Contains(direction) && Channels.Contains(channel) && Outcomes.Contains(outcome);
}
