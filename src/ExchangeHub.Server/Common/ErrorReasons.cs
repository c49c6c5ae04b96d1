using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Server.Common;

/// <summary>
/// Every <c>google.rpc.ErrorInfo.reason</c> the hub answers (domain <c>exchangehub.v1</c>), in one place: a client
/// acts on these, never on the message text, so they are stable (renaming one is a breaking change of the contract).
/// Each rpc's comment in the .proto lists the reasons it can answer. The refund-programme window reasons are the
/// policy's own reason codes (the same text the decision explanation gives).
/// </summary>
public static class ErrorReasons
{
    // INVALID_ARGUMENT: always with a google.rpc.BadRequest naming the field as well.
    /// <summary>A request field is missing, malformed or out of range; metadata field.</summary>
    public const string FieldInvalid = "FIELD_INVALID";
    /// <summary>A request message (or the i-th message of a stream) is not valid protobuf; metadata field, message_index.</summary>
    public const string MalformedMessage = "MALFORMED_MESSAGE";

    // NOT_FOUND: metadata resource, field and the key asked for.
    /// <summary>No reconciliation run has the id asked for.</summary>
    public const string RunNotFound = "RUN_NOT_FOUND";
    /// <summary>No decision (refund, skill subsidy, benefit) has the key asked for.</summary>
    public const string DecisionNotFound = "DECISION_NOT_FOUND";
    /// <summary>No benefit claim has the key asked for.</summary>
    public const string ClaimNotFound = "CLAIM_NOT_FOUND";
    /// <summary>No transfer (or no transfer request of the direction needed) has the id asked for.</summary>
    public const string TransferNotFound = "TRANSFER_NOT_FOUND";
    /// <summary>No audit checkpoint has the tree size asked for, or none is signed yet.</summary>
    public const string CheckpointNotFound = "CHECKPOINT_NOT_FOUND";

    // ALREADY_EXISTS / ABORTED (Common/Retries)
    /// <summary>The request_id was used for another request of the method.</summary>
    public const string RequestIdReused = "REQUEST_ID_REUSED";
    /// <summary>The first call with this request_id is still running (ABORTED, with RetryInfo).</summary>
    public const string RequestIdInProgress = "REQUEST_ID_IN_PROGRESS";

    // FAILED_PRECONDITION: metadata names the state (state) or resource concerned.
    /// <summary>A reconciliation run is in progress on this hub or another replica.</summary>
    public const string RunInProgress = "RUN_IN_PROGRESS";
    /// <summary>Skill subsidies are being decided by another call on this hub or another replica.</summary>
    public const string DecisionsInProgress = "DECISIONS_IN_PROGRESS";
    /// <summary>A what-if is running on this hub (one at a time, so it cannot starve runs of readers and CPU).</summary>
    public const string WhatIfInProgress = "WHAT_IF_IN_PROGRESS";
    /// <summary>The hub runs with Hub:Audit:Receipts off: it signs no checkpoints and serves no proofs.</summary>
    public const string AuditReceiptsOff = "AUDIT_RECEIPTS_OFF";
    /// <summary>No refund programme of the policy is open (or ended) on the date, or the policy has none for the year.</summary>
    public const string RefundWindowClosed = RefundReasonCodes.WindowClosed;
    /// <summary>The date is after the year's refund programme ended (1.(2)); metadata field, ended_on.</summary>
    public const string RefundProgrammeEnded = RefundReasonCodes.ProgrammeEnded;
    /// <summary>The date is before the year's refund programme opened; metadata field, opened_on.</summary>
    public const string RefundProgrammeNotStarted = RefundReasonCodes.ProgrammeNotStarted;
    /// <summary>The unit has no refund decision for the year yet (run a reconciliation or apply first).</summary>
    public const string RefundNotDecided = "REFUND_NOT_DECIDED";
    /// <summary>The refund is not OFFERED (metadata state: its state), so it cannot be confirmed or waived.</summary>
    public const string RefundNotOffered = "REFUND_NOT_OFFERED";
    /// <summary>No feed has reported the unit as of the decision date.</summary>
    public const string UnitNotReported = "UNIT_NOT_REPORTED";
    /// <summary>No transfer fund parameter is in force on the request date.</summary>
    public const string TransferFundParameterMissing = "TRANSFER_FUND_PARAMETER_MISSING";
    /// <summary>The transfer was already requested (metadata state).</summary>
    public const string TransferAlreadyRequested = "TRANSFER_ALREADY_REQUESTED";
    /// <summary>The incoming transfer was already accepted or refused (metadata state).</summary>
    public const string TransferAlreadyDecided = "TRANSFER_ALREADY_DECIDED";
    /// <summary>The transfer's state does not allow the status sent (metadata state, requested_state).</summary>
    public const string TransferTransitionNotAllowed = "TRANSFER_TRANSITION_NOT_ALLOWED";
}
