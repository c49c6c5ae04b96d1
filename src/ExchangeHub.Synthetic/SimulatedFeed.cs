namespace ExchangeHub.Synthetic;

/// <summary>The feed streams the simulation pushes, each through the gRPC method an agency uses.</summary>
public enum SimulatedFeed
{
    /// <summary>MarketRegulationFeedService.PushUnits.</summary>
    Units,

    /// <summary>TaxFeedService.PushContributions.</summary>
    Contributions,

    /// <summary>TaxFeedService.PushSettlements.</summary>
    Settlements,

    /// <summary>TransferFeedService.PushTransferRequests.</summary>
    TransferRequests,

    /// <summary>SkillCertificationFeedService.PushCertificates.</summary>
    Certificates,

    /// <summary>SkillCertificationFeedService.PushTrainingSubsidyPayments.</summary>
    TrainingSubsidyPayments,
}
