namespace ExchangeHub.Synthetic;

/// <summary>The kinds of contribution line the simulation sends.</summary>
internal enum LineSlotKind
{
    /// <summary>The month's REGULAR line, on time.</summary>
    Regular,

    /// <summary>A REGULAR line received months late, sent in the late pass.</summary>
    LateRegular,

    /// <summary>Revision 2 of an on-time line with a corrected wage base.</summary>
    Correction,

    /// <summary>A BACK_PAYMENT (补缴) for a month in arrears or deferred, once the unit paid up.</summary>
    BackPayment,

    /// <summary>A LATE_FEE (滞纳金) for a month in arrears.</summary>
    LateFee,
}
