namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>Keeps echoed user input short in error messages.</summary>
internal static class CiRulesText
{
    public static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
