using Cake.Core.Diagnostics;
using Cake.Petard.Tests.Fakes;

namespace Cake.Petard.Tests;

public class CakePetardLogTests
{
    [Fact]
    public void Workflow_lines_reach_the_Cake_log_at_their_level_even_with_braces()
    {
        var cake = new FakeCakeLog();
        var log = new CakePetardLog(cake);

        log.Info("Stage 'dev' serves {deployment}");
        log.Detail("GetRestApis ...");

        Assert.Equal(
            [(LogLevel.Information, "Stage 'dev' serves {deployment}"), (LogLevel.Verbose, "GetRestApis ...")],
            cake.Lines);
    }

    [Fact]
    public void Detail_lines_are_verbose_so_a_normal_Cake_run_does_not_show_them()
    {
        var cake = new FakeCakeLog { Verbosity = Verbosity.Normal };

        new CakePetardLog(cake).Detail("GetRestApis ...");

        Assert.Empty(cake.Lines);
    }
}
