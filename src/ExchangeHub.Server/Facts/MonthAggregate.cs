namespace ExchangeHub.Server.Facts;

/// <summary>
/// One unit-month of contribution lines, aggregated in the database: distinct insured persons (REGULAR and
/// BACK_PAYMENT lines) and the received amounts per line kind.
/// </summary>
public sealed record MonthAggregate(
    int Period,
    int InsuredHeadcount,
    long RegularEmployerFen,
    long RegularEmployeeFen,
    long BackPaymentEmployerFen,
    long BackPaymentEmployeeFen,
    long LateFeeEmployerFen,
    long LateFeeEmployeeFen);
