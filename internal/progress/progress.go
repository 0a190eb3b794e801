// Package progress draws a one-line account of a long check run on a terminal: events judged,
// rejected, findings and the rate, redrawn in place and cleared at the end. It wraps the run's
// report.Sink and writes only to the writer it is given (standard error, when a terminal).
package progress

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/report"
)

// Meter is a report.Sink that counts what passes through it on its way to the next sink and
// draws the count on every tick.
type Meter struct {
	w     io.Writer
	next  report.Sink
	start time.Time
	now   func() time.Time

	mu                         sync.Mutex
	events, rejected, findings int
	drawn                      bool

	stop chan struct{}
	done chan struct{}
}

// Start counts what goes to next and draws the line on w at each tick until Stop. now gives
// the time (time.Now in the program; a fake clock in tests).
func Start(w io.Writer, next report.Sink, ticks <-chan time.Time, now func() time.Time) *Meter {
	m := &Meter{w: w, next: next, start: now(), now: now, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(m.done)
		for {
			select {
			case <-ticks:
				m.draw()
			case <-m.stop:
				return
			}
		}
	}()
	return m
}

// Verdict counts v and passes it on.
func (m *Meter) Verdict(v evaluator.Verdict) error {
	m.mu.Lock()
	m.events++
	if len(v.Rejected) > 0 {
		m.rejected++
	}
	m.findings += len(v.Findings)
	m.mu.Unlock()
	return m.next.Verdict(v)
}

// Error passes p on.
func (m *Meter) Error(p *diag.Problem) error { return m.next.Error(p) }

// Stop stops drawing and clears the line, so that what follows starts on a clean line.
func (m *Meter) Stop() {
	close(m.stop)
	<-m.done
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.drawn {
		fmt.Fprint(m.w, "\r\x1b[K")
	}
}

func (m *Meter) draw() {
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprint(m.w, "\r\x1b[K"+Line(m.events, m.rejected, m.findings, m.now().Sub(m.start)))
	m.drawn = true
}

// Line is the progress line: "12,345 events (3 rejected) · 812 findings · 2,310 events/s · 5.3s".
func Line(events, rejected, findings int, elapsed time.Duration) string {
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(events) / s
	}
	return fmt.Sprintf("%s events (%s rejected) · %s findings · %s events/s · %.1fs",
		thousands(events), thousands(rejected), thousands(findings), thousands(int(rate+0.5)), elapsed.Seconds())
}

// thousands writes n with commas: 12345 -> "12,345".
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
