using System.Text.Json;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// The property names of a CI snapshot (<see cref="CiJson"/>), encoded once: a bulk import writes millions of them, and
/// every writer and reader of snapshots (<see cref="CreationDoc"/>, <see cref="CiFingerprint"/>) spells them alike.
/// </summary>
internal static class CiJsonNames
{
    public static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    public static readonly JsonEncodedText ClassName = JsonEncodedText.Encode("class");
    public static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");
    public static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    public static readonly JsonEncodedText EnvironmentName = JsonEncodedText.Encode("environment");
    public static readonly JsonEncodedText CriticalityName = JsonEncodedText.Encode("criticality");
    public static readonly JsonEncodedText OwnerName = JsonEncodedText.Encode("owner");
    public static readonly JsonEncodedText SupportGroupName = JsonEncodedText.Encode("supportGroup");
    public static readonly JsonEncodedText TagsName = JsonEncodedText.Encode("tags");
    public static readonly JsonEncodedText AttributesName = JsonEncodedText.Encode("attributes");
    public static readonly JsonEncodedText IdentifiersName = JsonEncodedText.Encode("identifiers");
    public static readonly JsonEncodedText MinHealthyName = JsonEncodedText.Encode("minHealthy");
    public static readonly JsonEncodedText ProvenanceName = JsonEncodedText.Encode("provenance");
    public static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source");
    public static readonly JsonEncodedText AtName = JsonEncodedText.Encode("at");
    public static readonly JsonEncodedText SourcesName = JsonEncodedText.Encode("sources");
    public static readonly JsonEncodedText FirstSeenName = JsonEncodedText.Encode("firstSeen");
    public static readonly JsonEncodedText LastSeenName = JsonEncodedText.Encode("lastSeen");
    public static readonly JsonEncodedText CreatedAtName = JsonEncodedText.Encode("createdAt");
    public static readonly JsonEncodedText UpdatedAtName = JsonEncodedText.Encode("updatedAt");
    public static readonly JsonEncodedText VersionName = JsonEncodedText.Encode("version");
}
