namespace Cmdb.Benchmarks;

internal sealed partial class DiagnosisOracle
{
    /// <summary>
    /// log P(these changes are the decoys | the faults, the symptoms). The generator draws, in order: one on a CI the
    /// first fault depends on within two hops (when there is one), one on a CI upstream of a uniformly chosen reported
    /// symptom (when it has one), two on uniformly chosen live CIs — never on a faulty CI; each of any kind, 5–1440
    /// minutes before. The changes come unordered, so every assignment of changes to those roles is summed over; with two
    /// faults either may have been drawn first.
    /// </summary>
    /// <param name="uniform">Ignore the placement (see <see cref="DiagnosisOracleMode.ExactUniformDecoys"/>).</param>
    private double DecoyLog(List<Change> items, int[] faults, int[] symptoms, bool uniform)
    {
        var m = items.Count;
        foreach (var c in items)
        {
            if (faults.Contains(c.Node)) return double.NegativeInfinity;
        }

        // Blind to the placement: m decoys, each uniform over the live CIs that did not fail.
        if (uniform) return m * (LogDecoyDraw - Math.Log(_live - faults.Length));

        // The upstream role: a mixture over the symptom chosen; absent when that symptom needs nothing but faulty CIs.
        var up = new double[m];
        var absent = 0.0;
        foreach (var s in symptoms)
        {
            var set = Up(s);
            var size = set.Count;
            foreach (var f in faults)
            {
                if (set.Contains(f)) size--;
            }

            if (size == 0)
            {
                absent += 1.0 / symptoms.Length;
                continue;
            }

            for (var i = 0; i < m; i++)
            {
                if (set.Contains(items[i].Node)) up[i] += 1.0 / size / symptoms.Length;
            }
        }

        var random = new double[m];
        Array.Fill(random, 1.0 / (_live - faults.Length));
        var total = 0.0;
        foreach (var first in faults)
        {
            var near = Near(first).Where(x => !faults.Contains(x)).ToArray();
            double[]? nearP = null;
            if (near.Length > 0)
            {
                nearP = new double[m];
                for (var i = 0; i < m; i++) nearP[i] = near.Contains(items[i].Node) ? 1.0 / near.Length : 0;
            }

            var roles = new List<double[]>(4);
            if (nearP is not null) roles.Add(nearP);
            roles.Add(random);
            roles.Add(random);
            var withoutUp = absent > 0 ? absent * Permanent(roles, m) : 0;
            roles.Add(up);
            total += (withoutUp + Permanent(roles, m)) / faults.Length;
        }

        return total <= 0 ? double.NegativeInfinity : Math.Log(total) + (m * LogDecoyDraw);
    }

    /// <summary>Σ over the assignments of the m changes to the roles (one each) of Π P(role draws that change's CI).</summary>
    private static double Permanent(List<double[]> roles, int m)
    {
        if (roles.Count != m) return 0;
        return Assign(0, 0);

        double Assign(int role, int used)
        {
            if (role == roles.Count) return 1;
            var sum = 0.0;
            for (var i = 0; i < m; i++)
            {
                if ((used & (1 << i)) != 0 || roles[role][i] == 0) continue;
                sum += roles[role][i] * Assign(role + 1, used | (1 << i));
            }

            return sum;
        }
    }
}
