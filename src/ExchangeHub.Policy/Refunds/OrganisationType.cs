namespace ExchangeHub.Policy.Refunds;

/// <summary>Organisation type from the market-regulation feed; the policy file lists which are covered (1.(2) REFUND_ORG_TYPE).</summary>
public enum OrganisationType
{
    Enterprise,
    SocialOrganisation,
    Foundation,
    SocialServiceOrganisation,
    LawFirm,
    AccountingFirm,
    IndividualBusiness,
    GovernmentBody,
    PublicInstitution,
}
