namespace ExchangeHub.Server.Common.Validation;

/// <summary>Why a record was refused: the field at fault, a stable reason code and a sentence for people.</summary>
public sealed record RecordFault(string Field, string ReasonCode, string Message);
