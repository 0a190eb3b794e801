package report_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/sanctions-dev/sanctions/internal/testrules"
	"github.com/sanctions-dev/sanctions/report"
	"github.com/sanctions-dev/sanctions/runner"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenDir is absolute: seedReport changes the working directory to the repository root.
var goldenDir, _ = filepath.Abs("testdata")

// seedReport checks the seed fixture, as `sanctions check fixtures/seed` does.
func seedReport(t *testing.T) *report.Report {
	t.Helper()
	ctx := context.Background()
	eng := testrules.Engine(t)
	t.Chdir(filepath.Join(testrules.Dir(), ".."))
	rep, err := (&runner.Check{Paths: []string{"fixtures/seed"}}).Run(ctx, eng)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestGolden pins every format's output for the seed fixture, byte for byte. Review changes
// with `go test ./report -update` and git diff.
func TestGolden(t *testing.T) {
	rep := seedReport(t)
	for _, name := range report.Names() {
		t.Run(name, func(t *testing.T) {
			r, err := report.Lookup(name, report.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var a, b bytes.Buffer
			if err := r.Render(&a, rep); err != nil {
				t.Fatal(err)
			}
			if err := r.Render(&b, rep); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatal("two renderings of the same report differ")
			}
			golden := filepath.Join(goldenDir, "seed."+name)
			if *update {
				if err := os.WriteFile(golden, a.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./report -update to create it)", err)
			}
			if !bytes.Equal(a.Bytes(), want) {
				t.Errorf("%s output differs from %s; rerun with -update and review the diff\n%s", name, golden, a.String())
			}
		})
	}
}

func TestSummaryCounts(t *testing.T) {
	rep := seedReport(t)
	s := rep.Summary
	if s.Events != s.Evaluated+s.Rejected || s.Events != 7 || s.Findings != 4 || s.BySeverity["high"] != 4 || s.Rules != 16 {
		t.Errorf("summary %+v", s)
	}
	if got := report.SummaryLine(rep); got != "7 events: 7 evaluated, 0 rejected; 4 findings (4 high); 16 rules; 0 errors." {
		t.Errorf("summary line %q", got)
	}
	if rep.Worst() != "high" {
		t.Errorf("worst %q", rep.Worst())
	}
}
