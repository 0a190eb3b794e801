package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/sanctions-dev/sanctions/finding"
	"github.com/sanctions-dev/sanctions/report"
)

func sample() *report.Report {
	r := report.New(2)
	r.AddResult(report.Result{EventID: "a", Findings: []finding.Finding{{RuleID: "R1", Severity: "high"}, {RuleID: "R2", Severity: "low"}}})
	r.AddResult(report.Result{EventID: "b", Findings: []finding.Finding{{RuleID: "R1", Severity: "high"}}})
	return r
}

func TestRoundTripAndApply(t *testing.T) {
	var buf bytes.Buffer
	if err := FromReport(sample()).Write(&buf); err != nil {
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
	r := report.New(3)
	r.AddResult(report.Result{EventID: "a", Findings: []finding.Finding{{RuleID: "R1", Severity: "high"}}})
	r.AddResult(report.Result{EventID: "b", Findings: []finding.Finding{{RuleID: "R1", Severity: "high"}, {RuleID: "R3", Severity: "medium"}}})
	b.Apply(r, path)
	if r.Summary.Findings != 1 || r.Summary.BySeverity["medium"] != 1 || r.Summary.BySeverity["high"] != 0 {
		t.Errorf("summary %+v", r.Summary)
	}
	if r.Baseline.Suppressed != 2 || len(r.Baseline.Stale) != 1 || r.Baseline.Stale[0] != (report.BaselineEntry{EventID: "a", RuleID: "R2"}) {
		t.Errorf("baseline %+v", r.Baseline)
	}
	if len(r.Results[1].Findings) != 1 || r.Results[1].Findings[0].RuleID != "R3" {
		t.Errorf("results %+v", r.Results)
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
