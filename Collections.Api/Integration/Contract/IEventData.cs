namespace Collections.Api.Integration.Contract;

/// <summary>
/// The <c>data</c> of one CloudEvent type. The type's name is the contract's: <c>PaymentReceivedV1</c> is
/// <c>collections.payment_received.v1</c> (see <see cref="ContractMapping.TypeOf(Type)"/>).
/// </summary>
public interface IEventData;
