namespace ExchangeHub.Policy.Skills;

/// <summary>Who received a subsidy: the person, or the unit that trained them (1.(3) 按照后享受的单位或个人退回资金).</summary>
public enum RecipientKind
{
    Person,
    Unit,
}
