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
    public void Of_two_rounds_the_worse_is_reported()
    {
        Assert.Equal(1, SideBySideRounds.MedianIndex([SideBySideTiming.Measured(1, 12, "r"), SideBySideTiming.Measured(1, 9, "r")]));
        Assert.Equal(0, SideBySideRounds.MedianIndex([SideBySideTiming.Unmeasured(3, "r", "none"), SideBySideTiming.Unmeasured(2, "r", "none")]));
    }

    [Fact]
    public void A_round_of_bench_e2e_is_the_same_command_once_with_json_and_the_generated_folder()
    {
        string[] arguments = ["bench", "e2e", "--generate", "1000", "--seed=7", "--silos", "2", "--rounds", "3", "--json", "--verbose"];
        Assert.Equal(
            ["bench", "e2e", "--silos", "2", "--verbose", "--audio", "/tmp/clips", "--rounds", "1", "--json"],
            MusicClustering.Client.Commands.Bench.E2eRounds.ChildArguments(arguments, "/tmp/clips"));
        Assert.Equal(
            ["bench", "e2e", "--audio", "/a", "--rounds", "1", "--json"],
            MusicClustering.Client.Commands.Bench.E2eRounds.ChildArguments(["bench", "e2e", "--audio", "/a", "--rounds=2"], null));
    }

    [Fact]
    public void One_round_is_its_own_median() =>
        Assert.Equal(0, SideBySideRounds.MedianIndex([SideBySideTiming.Measured(1, 3, "r")]));
}
