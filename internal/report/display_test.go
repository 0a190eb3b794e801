package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/report"
)

// displayVerdicts are three events: one with a high and a medium finding, one with only an
// exempted low finding, one with none.
func displayVerdicts() []evaluator.Verdict {
	return []evaluator.Verdict{
		{EventID: "ev-high", Findings: []evaluator.Finding{
			{RuleID: "R-HIGH", Title: "high one", Severity: "high"},
			{RuleID: "R-MEDIUM", Title: "medium one", Severity: "medium"},
		}},
		{EventID: "ev-exempt", Exempted: []evaluator.Finding{{RuleID: "R-LOW", Title: "low one", Severity: "low"}}},
		{EventID: "ev-none"},
	}
}

// Every format for people honours the display, says what it left out, and keeps the summary
// whole; the other formats are never narrowed (check applies Display only where ForPeople).
func TestDisplayInEveryFormatForPeople(t *testing.T) {
	for _, tc := range []struct {
		name                string
		display             report.Display
		shown, hidden, note []string
	}{
		{
			name:    "only flagged",
			display: report.Display{OnlyFlagged: true},
			shown:   []string{"ev-high", "R-HIGH", "R-MEDIUM", "ev-exempt"},
			hidden:  []string{"ev-none"},
			note:    []string{"1 event without findings (--only-flagged). The summary counts them."},
		},
		{
			name:    "severity",
			display: report.Display{Severities: []evaluator.Severity{"high"}},
			shown:   []string{"ev-high", "R-HIGH", "ev-none", "ev-exempt"},
			hidden:  []string{"R-MEDIUM", "R-LOW"},
			note:    []string{"2 findings of other severities (--severity high)"},
		},
		{
			name:    "both",
			display: report.Display{OnlyFlagged: true, Severities: []evaluator.Severity{"critical", "high"}},
			shown:   []string{"ev-high", "R-HIGH"},
			hidden:  []string{"R-MEDIUM", "ev-none", "ev-exempt", "R-LOW"},
			note:    []string{"2 findings of other severities (--severity critical,high); 2 events without findings of those severities (--only-flagged)"},
		},
	} {
		for _, format := range report.Names() {
			if !report.ForPeople(format) {
				continue
			}
			t.Run(tc.name+"/"+format, func(t *testing.T) {
				rep := report.New(nil)
				rep.SetDisplay(tc.display)
				r, err := report.Lookup(format, report.Options{})
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				w := report.NewWriter(&buf, r, rep)
				for _, v := range displayVerdicts() {
					if err := w.Verdict(v); err != nil {
						t.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				if s := rep.Summary; s.Events != 3 || s.Evaluated != 3 || s.Findings != 2 || s.Exempted != 1 {
					t.Errorf("summary %+v: the display must not change the counts", s)
				}
				out := buf.String()
				for _, want := range append(tc.shown, tc.note...) {
					if !strings.Contains(out, want) {
						t.Errorf("%s report lacks %q", format, want)
					}
				}
				for _, not := range tc.hidden {
					if strings.Contains(out, not) {
						t.Errorf("%s report shows %q, which the display leaves out", format, not)
					}
				}
			})
		}
	}
}

// A display copies what it narrows: the same verdict fed to another report (check -o) keeps
// every finding.
func TestDisplayDoesNotChangeSharedVerdicts(t *testing.T) {
	narrow, whole := report.New(nil), report.New(nil)
	narrow.SetDisplay(report.Display{Severities: []evaluator.Severity{"high"}})
	tee := report.Tee{narrow, whole}
	for _, v := range displayVerdicts() {
		if err := tee.Verdict(v); err != nil {
			t.Fatal(err)
		}
	}
	if got := len(whole.Results[0].Findings); got != 2 {
		t.Errorf("the whole report's first event has %d findings, want 2", got)
	}
	if got := len(narrow.Results[0].Findings); got != 1 {
		t.Errorf("the narrowed report's first event has %d findings, want 1", got)
	}
}

func TestParseSeverities(t *testing.T) {
	got, err := report.ParseSeverities([]string{"high,CRITICAL", " low ", "high"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []evaluator.Severity{"critical", "high", "low"}; !equalSeverities(got, want) {
		t.Errorf("ParseSeverities = %v, want %v (most severe first, once each)", got, want)
	}
	if _, err := report.ParseSeverities([]string{"hgh"}); err == nil || !strings.Contains(err.Error(), `"hgh"`) {
		t.Errorf("ParseSeverities(hgh) error = %v, want one naming the value", err)
	}
}

func equalSeverities(a, b []evaluator.Severity) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
