namespace Cmdb.Testing.Synthetic;

/// <summary>Accumulates the CIs and relationships of an estate while it is generated.</summary>
internal sealed partial class EstateBuilder
{
    private readonly SyntheticRandom _random;
    private readonly int[] _kindCounts = new int[Enum.GetValues<SyntheticKind>().Length];

    public EstateBuilder(int seed)
    {
        _random = new SyntheticRandom(unchecked((ulong)seed * 0x2545F4914F6CDD1DUL + 0x1234567UL));
    }

    public SyntheticKind[] Kinds = new SyntheticKind[1024];
    public int[] Ordinals = new int[1024];
    public byte[] Environments = new byte[1024];
    public byte[] Criticalities = new byte[1024];
    public short[] MinHealthy = new short[1024];
    public int CiCount;

    public int[] Sources = new int[4096];
    public int[] Targets = new int[4096];
    public SyntheticRelationshipType[] Types = new SyntheticRelationshipType[4096];
    public int RelationshipCount;

    public int AddCi(SyntheticKind kind, byte environment = 1, int criticality = 0, int minHealthy = 0)
    {
        if (CiCount == Kinds.Length)
        {
            var size = Kinds.Length * 2;
            Array.Resize(ref Kinds, size);
            Array.Resize(ref Ordinals, size);
            Array.Resize(ref Environments, size);
            Array.Resize(ref Criticalities, size);
            Array.Resize(ref MinHealthy, size);
        }

        var ci = CiCount++;
        Kinds[ci] = kind;
        Ordinals[ci] = ++_kindCounts[(int)kind];
        Environments[ci] = environment;
        Criticalities[ci] = (byte)criticality;
        MinHealthy[ci] = (short)minHealthy;
        return ci;
    }

    public void Link(SyntheticRelationshipType type, int source, int target)
    {
        if (RelationshipCount == Sources.Length)
        {
            var size = Sources.Length * 2;
            Array.Resize(ref Sources, size);
            Array.Resize(ref Targets, size);
            Array.Resize(ref Types, size);
        }

        Sources[RelationshipCount] = source;
        Targets[RelationshipCount] = target;
        Types[RelationshipCount] = type;
        RelationshipCount++;
    }

    /// <summary>Generates the whole estate for roughly <paramref name="ciCount"/> CIs.</summary>
    public void Build(int ciCount)
    {
        var hypervisors = Math.Max(4, (int)Math.Round(ciCount / EstateShape.CisPerHypervisor));
        var locations = Math.Clamp((int)Math.Round((double)hypervisors / EstateShape.HypervisorsPerLocation), 1, 16);
        var sites = new Site[locations];
        for (var l = 0; l < locations; l++)
        {
            var share = hypervisors / locations + (l < hypervisors % locations ? 1 : 0);
            sites[l] = BuildSite(share);
        }

        var applications = Math.Max(10, (int)Math.Round(hypervisors * EstateShape.ApplicationsPerHypervisor));
        var stores = BuildDataStores(sites, applications);
        BuildApplications(sites, stores, applications);
    }
}
