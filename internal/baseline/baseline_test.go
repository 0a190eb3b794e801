package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

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
	rec := NewRecorder(report.New(make([]evaluator.Rule, 2)), nil)
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
	f := b.Filter(rep, day("2024-06-01"))
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
			f := b.Filter(report.New(make([]evaluator.Rule, 2)), day("2024-06-01"))
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

// day is a date at noon, local time, as the command passes today's.
func day(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, time.Local)
	if err != nil {
		panic(err)
	}
	return t.Add(12 * time.Hour)
}

// load writes text to a file named base.json and loads it.
func load(t *testing.T, text string) (*File, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "base.json")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return Load(p)
}

func TestLoadValidates(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		err        string // "" for a file that loads
	}{
		{"old file", `{"version": 1, "findings": [{"event_id": "a", "rule_id": "R1"}]}`, ""},
		{"reason and expiry", `{"version": 1, "findings": [{"event_id": "a", "rule_id": "R1", "reason": "known", "expires": "2999-12-31"}]}`, ""},
		{"bad date", `{"version": 1, "findings": [{"event_id": "a", "rule_id": "R1"}, {"event_id": "b", "rule_id": "R1"}, {"event_id": "c", "rule_id": "R1"},
			{"event_id": "d", "rule_id": "R1", "expires": "2026-13-01"}]}`, `base.json: findings[3].expires: "2026-13-01" is not a date (want YYYY-MM-DD)`},
		{"no such day", `{"version": 1, "findings": [{"event_id": "a", "rule_id": "R1", "expires": "2026-02-30"}]}`, `base.json: findings[0].expires: "2026-02-30" is not a date`},
		{"not padded", `{"version": 1, "findings": [{"event_id": "a", "rule_id": "R1", "expires": "2026-2-1"}]}`, `findings[0].expires: "2026-2-1" is not a date`},
		{"a time too", `{"version": 1, "findings": [{"event_id": "a", "rule_id": "R1", "expires": "2026-02-01T00:00:00Z"}]}`, `findings[0].expires`},
		{"unknown key in an entry", `{"version": 1, "findings": [{"event_id": "a", "rule_id": "R1"}, {"event_id": "b", "rule_id": "R1", "expiry": "2026-01-01"}]}`,
			`base.json: findings[1]: json: unknown field "expiry"`},
		{"unknown key at the top", `{"version": 1, "findings": [], "comment": "x"}`, `base.json: not a baseline: json: unknown field "comment"`},
		{"trailing data", `{"version": 1, "findings": []} {}`, `base.json: not a baseline: more data`},
		{"no rule", `{"version": 1, "findings": [{"event_id": "a"}]}`, `base.json: findings[0] lacks event_id or rule_id`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load(t, tc.text)
			switch {
			case tc.err == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.err != "" && err == nil:
				t.Fatalf("loaded, want error %q", tc.err)
			case err != nil && !strings.Contains(err.Error(), tc.err):
				t.Fatalf("error %q, want %q", err, tc.err)
			}
		})
	}
}

// TestExpiry: an entry accepts its finding through its expiry day; from the next day the finding
// is reported as new and the entry is listed as expired.
func TestExpiry(t *testing.T) {
	for _, tc := range []struct {
		name, expires, today string
		accepted             bool
	}{
		{"no expiry", "", "2999-12-31", true},
		{"future", "2999-12-31", "2024-06-01", true},
		{"today", "2024-06-01", "2024-06-01", true},
		{"yesterday", "2024-05-31", "2024-06-01", false},
		{"long past", "2000-01-01", "2024-06-01", false},
		{"end of a year", "2023-12-31", "2024-01-01", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			entry := report.BaselineEntry{EventID: "a", RuleID: "R1", Reason: "known shipment", Expires: tc.expires}
			b := &File{Version: 1, Findings: []report.BaselineEntry{entry, {EventID: "a", RuleID: "R2"}}}
			rep := report.New(make([]evaluator.Rule, 2))
			f := b.Filter(rep, day(tc.today))
			if err := f.Verdict(evaluator.Verdict{EventID: "a", Findings: []evaluator.Finding{{RuleID: "R1", Severity: "high"}, {RuleID: "R2", Severity: "low"}}}); err != nil {
				t.Fatal(err)
			}
			info := f.Info("base.json")
			if len(info.Stale) != 0 {
				t.Errorf("stale %v", info.Stale)
			}
			if tc.accepted {
				if rep.Summary.Findings != 0 || info.Suppressed != 2 || len(info.Expired) != 0 {
					t.Errorf("findings %d, suppressed %d, expired %v; want R1 accepted", rep.Summary.Findings, info.Suppressed, info.Expired)
				}
				return
			}
			if rep.Summary.Findings != 1 || rep.Results[0].Findings[0].RuleID != "R1" || rep.Worst() != "high" || info.Suppressed != 1 {
				t.Errorf("findings %+v, suppressed %d; want R1 reported", rep.Results, info.Suppressed)
			}
			if !slices.Equal(info.Expired, []report.BaselineEntry{entry}) {
				t.Errorf("expired %v, want %v", info.Expired, entry)
			}
		})
	}
}

// TestExpiredAndGone: an expired entry whose finding no longer occurs is stale (to prune), not
// expired; one whose event was not evaluated is neither.
func TestExpiredAndGone(t *testing.T) {
	gone := report.BaselineEntry{EventID: "a", RuleID: "R1", Expires: "2000-01-01"}
	absent := report.BaselineEntry{EventID: "b", RuleID: "R1", Expires: "2000-01-01"}
	b := &File{Version: 1, Findings: []report.BaselineEntry{gone, absent}}
	f := b.Filter(report.New(nil), day("2024-06-01"))
	if err := f.Verdict(evaluator.Verdict{EventID: "a"}); err != nil {
		t.Fatal(err)
	}
	info := f.Info("base.json")
	if !slices.Equal(info.Stale, []report.BaselineEntry{gone}) || len(info.Expired) != 0 {
		t.Errorf("stale %v, expired %v", info.Stale, info.Expired)
	}
}

// TestWriteAgain: a baseline written over an existing one keeps the reason and expiry of the
// entries whose finding is recorded again, drops the entries whose finding was not recorded
// (whether or not their event was read), and adds the new findings bare.
func TestWriteAgain(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "base.json")
	os.WriteFile(path, []byte(`{"version": 1, "findings": [
		{"event_id": "a", "rule_id": "R1", "reason": "accepted by the board", "expires": "2999-12-31"},
		{"event_id": "a", "rule_id": "R2", "expires": "2000-01-01"},
		{"event_id": "a", "rule_id": "R9", "reason": "gone"},
		{"event_id": "z", "rule_id": "R1", "reason": "not read"}]}`), 0o644)
	previous, err := LoadIfExists(path)
	if err != nil {
		t.Fatal(err)
	}
	rec := NewRecorder(report.New(make([]evaluator.Rule, 2)), previous)
	for _, r := range results() {
		if err := rec.Verdict(r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := rec.File.Write(&buf); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, buf.Bytes(), 0o644)
	again, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []report.BaselineEntry{
		{EventID: "a", RuleID: "R1", Reason: "accepted by the board", Expires: "2999-12-31"},
		{EventID: "a", RuleID: "R2", Expires: "2000-01-01"},
		{EventID: "b", RuleID: "R1"},
	}
	if !slices.Equal(again.Findings, want) {
		t.Errorf("written again:\n%s", buf.String())
	}
	if strings.Contains(buf.String(), `"reason": ""`) || strings.Contains(buf.String(), `"expires": ""`) {
		t.Errorf("empty fields written:\n%s", buf.String())
	}
}

func TestLoadIfExists(t *testing.T) {
	dir := t.TempDir()
	b, err := LoadIfExists(filepath.Join(dir, "none.json"))
	if err != nil || b.Version != Version || len(b.Findings) != 0 {
		t.Errorf("missing file: %+v, %v", b, err)
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"version": 1, "findings": [{"event_id": "a", "rule_id": "R1", "expires": "soon"}]}`), 0o644)
	if _, err := LoadIfExists(bad); err == nil || !strings.Contains(err.Error(), "bad.json: findings[0].expires") {
		t.Errorf("invalid file: %v", err)
	}
}
