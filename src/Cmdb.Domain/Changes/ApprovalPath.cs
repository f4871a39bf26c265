namespace Cmdb.Domain.Changes;

/// <summary>Who should authorise a change, proportional to its risk (ITIL 4 change enablement).</summary>
public enum ApprovalPath
{
    /// <summary>A standard change with a template whose assessment stayed low: the template is the approval.</summary>
    PreApproved,

    /// <summary>Low or medium risk: a peer (or the change manager) approves.</summary>
    PeerReview,

    /// <summary>High or critical risk: the change advisory board decides.</summary>
    Cab,

    /// <summary>Emergency changes go to the emergency board whatever their score.</summary>
    EmergencyCab,
}
