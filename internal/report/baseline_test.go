package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/evaluator"
)

// TestBaselineRendered: the text and Markdown reports name the stale and the expired baseline
// entries; JSON carries both lists, empty or not.
func TestBaselineRendered(t *testing.T) {
	r := New(make([]evaluator.Rule, 1))
	r.Baseline = &BaselineInfo{File: "base.json", Suppressed: 2,
		Stale:   []BaselineEntry{{EventID: "gone", RuleID: "R1"}},
		Expired: []BaselineEntry{{EventID: "shells", RuleID: "R2", Reason: "seen by the panel", Expires: "2000-01-01"}}}
	for _, tc := range []struct {
		renderer Renderer
		want     []string
	}{
		{Text{}, []string{
			"Baseline base.json: 2 findings already accepted are not shown.\n",
			"  no longer found: gone R1\n",
			"  expired, reported again: shells R2 (accepted until 2000-01-01: seen by the panel)\n"}},
		{Markdown{}, []string{
			"1 baseline entries no longer occur.",
			"1 expired baseline entries no longer accept their findings, reported again:\n\n- shells R2 (accepted until 2000-01-01: seen by the panel)\n"}},
		{JSON{}, []string{`"stale": [`, `"expired": [`, `"reason": "seen by the panel"`, `"expires": "2000-01-01"`}},
	} {
		var buf bytes.Buffer
		if err := tc.renderer.Render(&buf, r); err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%T lacks %q:\n%s", tc.renderer, w, buf.String())
			}
		}
	}
	r.Baseline = &BaselineInfo{File: "base.json", Stale: []BaselineEntry{}, Expired: []BaselineEntry{}}
	var buf bytes.Buffer
	if err := (Text{}).Render(&buf, r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "expired") {
		t.Errorf("text names no expired entry, yet:\n%s", buf.String())
	}
	buf.Reset()
	if err := (JSON{}).Render(&buf, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"expired": []`) {
		t.Errorf("JSON lacks an empty expired list:\n%s", buf.String())
	}
}

func TestUntil(t *testing.T) {
	for e, want := range map[BaselineEntry]string{
		{}:                                   "accepted",
		{Reason: "r"}:                        "accepted: r",
		{Expires: "2999-12-31"}:              "accepted until 2999-12-31",
		{Reason: "r", Expires: "2999-12-31"}: "accepted until 2999-12-31: r",
	} {
		if got := e.Until(); got != want {
			t.Errorf("%+v: %q, want %q", e, got, want)
		}
	}
}
