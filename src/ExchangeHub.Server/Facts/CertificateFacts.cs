namespace ExchangeHub.Server.Facts;

/// <summary>
/// What the skill subsidy (1.(3), 2.(2)) decides from, as of D with the knowledge at T: the certificates issued on or
/// before D, the facts of each holder by resident id, and the training subsidies paid on or before D by certificate.
/// </summary>
public sealed record CertificateFacts(
    IReadOnlyList<StoredCertificate> Certificates,
    IReadOnlyDictionary<string, PersonFacts> Holders,
    IReadOnlyDictionary<string, StoredTrainingPayment> TrainingPayments)
{
    public PersonFacts HolderOf(StoredCertificate certificate) => Holders.GetValueOrDefault(certificate.ResidentId) ?? PersonFacts.None(certificate.ResidentId);
}
