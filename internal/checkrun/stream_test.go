package checkrun_test

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sanctions-dev/sanctions/internal/checkrun"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/report"
)

var streamBytes = flag.Int64("stream-bytes", 64<<20, "size of the NDJSON stream of TestStreamMemoryIsFlat (.ci/run gives 1 GiB)")

// ndjsonStream generates n bytes (whole lines, at least) of NDJSON events, each about 64 KiB,
// without holding more than one line: a transfer that fires, then a meeting that does not. The
// bulk of each event is notes under x, which the rules ignore: the summary and item descriptions
// are scanned for phrases, at a cost that grows with their length.
type ndjsonStream struct {
	left  int64
	i     int
	line  []byte
	ready []byte
}

func (s *ndjsonStream) Read(p []byte) (int, error) {
	if len(s.ready) == 0 {
		if s.left <= 0 {
			return 0, io.EOF
		}
		s.line = s.line[:0]
		if s.i%2 == 0 {
			s.line = fmt.Appendf(s.line, `{"id": "big-%d", "type": "transfer", "date": "2024-03", "summary": "Shells shipped by rail.", "supplier": {"country": "KP"}, "recipient": {"country": "RU"}, "items": [{"description": "artillery shells"}], %s, "x": {"notes": "%s"}}`+"\n", s.i, claimsJSON, padding)
		} else {
			s.line = fmt.Appendf(s.line, `{"id": "big-%d", "type": "meeting", "date": "2024", "summary": "Ministers met.", %s, "x": {"notes": "%s"}}`+"\n", s.i, claimsJSON, padding)
		}
		s.i++
		s.left -= int64(len(s.line))
		s.ready = s.line
	}
	n := copy(p, s.ready)
	s.ready = s.ready[n:]
	return n, nil
}

var padding = strings.Repeat("Notes of an analyst on a report. ", 1950) // 64 KiB less a little

// peakHeap samples the heap in use until stop is called, and returns the highest sample.
func peakHeap() (stop func() uint64) {
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 { close(done); wg.Wait(); return peak }
}

// TestStreamMemoryIsFlat checks a large NDJSON stream (64 MiB here, 1 GiB in .ci/run with
// -stream-bytes) rendered as a streaming NDJSON report: the peak heap must not grow with the
// stream. A stream of an eighth of the size is the reference; the large one may not use more
// than it plus 16 MiB, and neither more than 96 MiB.
func TestStreamMemoryIsFlat(t *testing.T) {
	eng := engine(t)
	run := func(size int64) (peak uint64, evaluated int) {
		runtime.GC()
		stop := peakHeap()
		rep := checkrun.NewReport(eng)
		w := report.NewWriter(io.Discard, report.NDJSON{}, rep)
		c := &checkrun.Check{Inputs: []checkrun.Input{checkrun.Reader("-", events.NDJSON, &ndjsonStream{left: size})}}
		start := time.Now()
		if err := c.RunTo(context.Background(), eng, w); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		peak = stop()
		s := rep.Summary
		if s.Rejected != 0 || len(rep.Errors) != 0 || s.Evaluated != s.Events || s.Findings != (s.Events+1)/2 {
			t.Fatalf("summary %+v, errors %v: want every event evaluated and every transfer flagged", s, rep.Errors)
		}
		t.Logf("%d MiB of NDJSON: %d events in %s, peak heap in use %d MiB", size>>20, s.Events, time.Since(start).Round(time.Millisecond), peak>>20)
		return peak, s.Events
	}
	small, _ := run(*streamBytes / 8)
	large, n := run(*streamBytes)
	if n < 500 {
		t.Fatalf("only %d events: the stream is too small to show anything", n)
	}
	if large > small+16<<20 || large > 96<<20 {
		t.Errorf("peak heap %d MiB on the large stream, %d MiB on one an eighth of its size: memory grows with the input", large>>20, small>>20)
	}
}

// TestRejectedLinesKeepMemoryBounded: 250,000 lines of "{}" (each rejected with several
// problems: 1.75 million errors) keep the heap bounded, since a report lists the first
// report.MaxListedErrors errors and counts the rest; every line is still counted as rejected.
func TestRejectedLinesKeepMemoryBounded(t *testing.T) {
	eng := engine(t)
	const lines = 250000
	runtime.GC()
	stop := peakHeap()
	rep := checkrun.NewReport(eng)
	w := report.NewWriter(io.Discard, report.JSON{}, rep)
	body := strings.NewReader(strings.Repeat("{}\n", lines))
	c := &checkrun.Check{Inputs: []checkrun.Input{checkrun.Reader("-", events.NDJSON, body)}}
	if err := c.RunTo(context.Background(), eng, w); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	peak := stop()
	if s := rep.Summary; s.Events != lines || s.Rejected != lines || s.ErrorsOmitted == 0 {
		t.Fatalf("summary %+v: want every line counted as rejected, and errors past the list counted", s)
	}
	t.Logf("%d rejected lines: %d errors, peak heap in use %d MiB", lines, rep.ErrorCount(), peak>>20)
	if peak > 200<<20 {
		t.Errorf("peak heap %d MiB for %d rejected lines, want under 200 MiB", peak>>20, lines)
	}
}
