package progress

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/report"
	"github.com/sanctions-dev/sanctions/internal/testkit/syncbuf"
)

func TestLine(t *testing.T) {
	for _, tc := range []struct {
		events, rejected, findings int
		elapsed                    time.Duration
		want                       string
	}{
		{0, 0, 0, 0, "0 events (0 rejected) · 0 findings · 0 events/s · 0.0s"},
		{12345, 3, 812, 5 * time.Second, "12,345 events (3 rejected) · 812 findings · 2,469 events/s · 5.0s"},
		{1000000, 0, 1, 250 * time.Millisecond, "1,000,000 events (0 rejected) · 1 findings · 4,000,000 events/s · 0.2s"},
	} {
		if got := Line(tc.events, tc.rejected, tc.findings, tc.elapsed); got != tc.want {
			t.Errorf("Line(%d, %d, %d, %v) = %q, want %q", tc.events, tc.rejected, tc.findings, tc.elapsed, got, tc.want)
		}
	}
}

// The meter passes every verdict and problem on unchanged, draws the counts on each tick, and
// clears its line when stopped.
func TestMeterCountsDrawsAndClears(t *testing.T) {
	var out syncbuf.Buffer
	rep := report.New(nil)
	ticks := make(chan time.Time)
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	m := Start(&out, rep, ticks, now)

	if err := m.Verdict(evaluator.Verdict{EventID: "a", Findings: []evaluator.Finding{{RuleID: "R1"}, {RuleID: "R2"}}}); err != nil {
		t.Fatal(err)
	}
	if err := m.Verdict(evaluator.Verdict{EventID: "b", Rejected: []*diag.Problem{{Message: "bad"}}}); err != nil {
		t.Fatal(err)
	}
	if err := m.Error(&diag.Problem{Message: "elsewhere"}); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	clock = clock.Add(2 * time.Second)
	mu.Unlock()
	ticks <- clock // the meter draws before it takes the next tick
	ticks <- clock
	m.Stop()

	if rep.Summary.Events != 2 || rep.Summary.Findings != 2 || len(rep.Errors) != 2 {
		t.Errorf("the next sink got %+v and %d errors, want 2 events, 2 findings, 2 errors", rep.Summary, len(rep.Errors))
	}
	got := out.String()
	want := "\r\x1b[K2 events (1 rejected) · 2 findings · 1 events/s · 2.0s"
	if !strings.Contains(got, want) {
		t.Errorf("progress output %q lacks %q", got, want)
	}
	if !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("progress output %q does not end by clearing its line", got)
	}
}

// A run shorter than one tick draws nothing, and stopping it writes nothing.
func TestMeterSilentBeforeFirstTick(t *testing.T) {
	var out syncbuf.Buffer
	m := Start(&out, report.New(nil), make(chan time.Time), time.Now)
	_ = m.Verdict(evaluator.Verdict{EventID: "a"})
	m.Stop()
	if got := out.String(); got != "" {
		t.Errorf("progress wrote %q before any tick", got)
	}
}
