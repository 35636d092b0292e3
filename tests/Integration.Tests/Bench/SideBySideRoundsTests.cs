using MusicClustering.Client.Commands.Bench.SideBySide;

namespace MusicClustering.Integration.Tests.Bench;

public sealed class SideBySideRoundsTests
{
    [Fact]
    public void The_reported_round_is_the_one_with_the_median_ratio_not_the_best()
    {
        SideBySideTiming[] rounds =
        [
            SideBySideTiming.Measured(2, 20, "r"), // ×10
            SideBySideTiming.Measured(3, 21, "r"), // ×7
            SideBySideTiming.Measured(1.5, 24, "r"), // ×16
        ];

        Assert.Equal(0, SideBySideRounds.MedianIndex(rounds));
    }

    [Fact]
    public void Without_a_reference_the_median_of_our_times_is_reported()
    {
        SideBySideTiming[] rounds = [SideBySideTiming.Unmeasured(2, "r", "no harness"), SideBySideTiming.Unmeasured(5, "r", "no harness"), SideBySideTiming.Unmeasured(1, "r", "no harness")];
        Assert.Equal(0, SideBySideRounds.MedianIndex(rounds));
    }

    [Fact]
    public void One_round_is_its_own_median() =>
        Assert.Equal(0, SideBySideRounds.MedianIndex([SideBySideTiming.Measured(1, 3, "r")]));
}
