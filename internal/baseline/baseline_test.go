package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/diag"
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

// TestStaleOnlyForEventsInTheInput: an entry is "no longer found" only when its event was
// evaluated and its finding did not come back.
func TestStaleOnlyForEventsInTheInput(t *testing.T) {
	b := &File{Version: 1, Findings: []report.BaselineEntry{
		{EventID: "a", RuleID: "R1"}, {EventID: "a", RuleID: "R2"}, {EventID: "b", RuleID: "R1"}, {EventID: "c", RuleID: "R1"},
	}}
	for _, tc := range []struct {
		name     string
		verdicts []evaluator.Verdict
		stale    []report.BaselineEntry
	}{
		{"no events", nil, []report.BaselineEntry{}},
		{"a evaluated", []evaluator.Verdict{{EventID: "a", Findings: []evaluator.Finding{{RuleID: "R1"}}}},
			[]report.BaselineEntry{{EventID: "a", RuleID: "R2"}}},
		{"b rejected", []evaluator.Verdict{{EventID: "b", Rejected: diag.List{{Message: "bad"}}}}, []report.BaselineEntry{}},
		{"c quiet", []evaluator.Verdict{{EventID: "c"}}, []report.BaselineEntry{{EventID: "c", RuleID: "R1"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := b.Filter(report.New(make([]evaluator.Rule, 2)))
			for _, v := range tc.verdicts {
				if err := f.Verdict(v); err != nil {
					t.Fatal(err)
				}
			}
			if got := f.Info("b.json").Stale; !slices.Equal(got, tc.stale) {
				t.Errorf("stale %v, want %v", got, tc.stale)
			}
		})
	}
}
