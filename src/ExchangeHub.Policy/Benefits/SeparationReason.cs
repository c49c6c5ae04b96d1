namespace ExchangeHub.Policy.Benefits;

/// <summary>Why the job ended (1.(4) BENEFIT_INVOLUNTARY): every reason but resignation is not of the person's own will.</summary>
public enum SeparationReason
{
    ContractExpired,
    TerminatedByEmployer,
    DismissedByEmployer,

    /// <summary>The person ended the contract because of the employer's fault (e.g. wages unpaid): not of their own will.</summary>
    ResignedForEmployerFault,
    Resignation,
}
