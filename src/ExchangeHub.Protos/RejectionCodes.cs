namespace ExchangeHub.V1;

/// <summary>
/// The stable reason codes of <see cref="IngestSummary"/> rejections (<see cref="RecordRejection.ReasonCode"/>),
/// listed in the README ("Rejection reason codes"). Part of the contract: agencies and the CLI program against them,
/// so never rename one.
/// </summary>
public static class RejectionCodes
{
    public const string Required = "REQUIRED";
    public const string TooLong = "TOO_LONG";
    public const string InvalidCharacters = "INVALID_CHARACTERS";
    public const string RevisionInvalid = "REVISION_INVALID";
    public const string StaleRevision = "STALE_REVISION";
    public const string RevisionConflict = "REVISION_CONFLICT";
    public const string UsccFormat = "USCC_FORMAT";
    public const string UsccCheckCharacter = "USCC_CHECK_CHARACTER";
    public const string ResidentIdFormat = "RESIDENT_ID_FORMAT";
    public const string ResidentIdBirthDate = "RESIDENT_ID_BIRTH_DATE";
    public const string ResidentIdCheckCharacter = "RESIDENT_ID_CHECK_CHARACTER";
    public const string PeriodFormat = "PERIOD_FORMAT";
    public const string PeriodOutOfRange = "PERIOD_OUT_OF_RANGE";
    public const string DateFormat = "DATE_FORMAT";
    public const string DateOutOfRange = "DATE_OUT_OF_RANGE";
    public const string AmountNegative = "AMOUNT_NEGATIVE";
    public const string AmountTooLarge = "AMOUNT_TOO_LARGE";
    public const string EnumUnspecified = "ENUM_UNSPECIFIED";
    public const string EnumUnknown = "ENUM_UNKNOWN";
    public const string StatusDateRequired = "STATUS_DATE_REQUIRED";
    public const string StatusDateNotAllowed = "STATUS_DATE_NOT_ALLOWED";
    public const string StatusDateBeforeRegistration = "STATUS_DATE_BEFORE_REGISTRATION";
    public const string IndustryCodeFormat = "INDUSTRY_CODE_FORMAT";
    public const string DivisionCodeUnknown = "DIVISION_CODE_UNKNOWN";
    public const string DivisionOutsideJurisdiction = "DIVISION_OUTSIDE_JURISDICTION";
    public const string ProvinceCodeUnknown = "PROVINCE_CODE_UNKNOWN";
    public const string ProvinceCodeSelf = "PROVINCE_CODE_SELF";
    public const string MonthRangeReversed = "MONTH_RANGE_REVERSED";
    public const string TooMany = "TOO_MANY";
    public const string OutOfRange = "OUT_OF_RANGE";
    public const string OccupationCodeFormat = "OCCUPATION_CODE_FORMAT";
    public const string SkillLevelUnknown = "SKILL_LEVEL_UNKNOWN";
    public const string SizeClassSourceWithoutClass = "SIZE_CLASS_SOURCE_WITHOUT_CLASS";
    public const string TextBlank = "TEXT_BLANK";
    public const string TextBidiControl = "TEXT_BIDI_CONTROL";
    public const string TextZeroWidth = "TEXT_ZERO_WIDTH";
    public const string TextNonCharacter = "TEXT_NON_CHARACTER";
    public const string TextUnpairedSurrogate = "TEXT_UNPAIRED_SURROGATE";
}
