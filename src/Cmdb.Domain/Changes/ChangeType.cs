namespace Cmdb.Domain.Changes;

/// <summary>The ITIL 4 change types; the type decides how much scrutiny the approval path starts from.</summary>
public enum ChangeType
{
    /// <summary>A low-risk, pre-authorised procedure that follows a template.</summary>
    Standard,

    /// <summary>Assessed and authorised case by case.</summary>
    Normal,

    /// <summary>Must be made as soon as possible (to end an incident); goes to the emergency board.</summary>
    Emergency,
}
