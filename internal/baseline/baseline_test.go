package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/report"
)

func results() []evaluator.Verdict {
	return []evaluator.Verdict{
		{EventID: "a", Findings: []evaluator.Finding{{RuleID: "R1", Severity: "high"}, {RuleID: "R2", Severity: "low"}}},
		{EventID: "b", Findings: []evaluator.Finding{{RuleID: "R1", Severity: "high"}}},
	}
}

func TestRecordLoadFilter(t *testing.T) {
	rec := NewRecorder(report.New(make([]evaluator.Rule, 2)))
	for _, r := range results() {
		if err := rec.Verdict(r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := rec.File.Write(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "baseline.json")
	os.WriteFile(path, buf.Bytes(), 0o644)
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Findings) != 3 {
		t.Fatalf("%d entries", len(b.Findings))
	}
	// A later run: a's R2 is gone, b gets a new R3.
	rep := report.New(make([]evaluator.Rule, 3))
	f := b.Filter(rep)
	f.Verdict(evaluator.Verdict{EventID: "a", Findings: []evaluator.Finding{{RuleID: "R1", Severity: "high"}}})
	f.Verdict(evaluator.Verdict{EventID: "b", Findings: []evaluator.Finding{{RuleID: "R1", Severity: "high"}, {RuleID: "R3", Severity: "medium"}}})
	rep.Baseline = f.Info(path)
	if rep.Summary.Findings != 1 || rep.Summary.BySeverity["medium"] != 1 || rep.Summary.BySeverity["high"] != 0 || rep.Worst() != "medium" {
		t.Errorf("summary %+v", rep.Summary)
	}
	if rep.Baseline.Suppressed != 2 || len(rep.Baseline.Stale) != 1 || rep.Baseline.Stale[0] != (report.BaselineEntry{EventID: "a", RuleID: "R2"}) {
		t.Errorf("baseline %+v", rep.Baseline)
	}
	if len(rep.Results[1].Findings) != 1 || rep.Results[1].Findings[0].RuleID != "R3" {
		t.Errorf("results %+v", rep.Results)
	}
}

func TestLoadRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"notjson": "x", "version": `{"version": 7, "findings": []}`, "entry": `{"version": 1, "findings": [{"event_id": "a"}]}`} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(text), 0o644)
		if _, err := Load(p); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
}
