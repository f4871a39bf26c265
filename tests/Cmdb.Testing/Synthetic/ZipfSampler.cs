namespace Cmdb.Testing.Synthetic;

/// <summary>
/// Picks ranks 0..n-1 with probability proportional to 1/(rank+1)^s: a few shared data stores are used by very many
/// applications and most by a handful, as in real estates.
/// </summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int count, double exponent)
    {
        _cumulative = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += 1.0 / Math.Pow(i + 1, exponent);
            _cumulative[i] = sum;
        }

        for (var i = 0; i < count; i++) _cumulative[i] /= sum;
    }

    public int Sample(SyntheticRandom random)
    {
        var u = random.NextDouble();
        var i = Array.BinarySearch(_cumulative, u);
        return Math.Min(i < 0 ? ~i : i, _cumulative.Length - 1);
    }
}
