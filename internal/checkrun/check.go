// Package checkrun is one check run: it reads inputs in order, has a bounded pool of workers
// judge their events with an evaluator.Engine, and hands each verdict, in input order, to a
// report sink. `sanctions check`, `sanctions serve` and `sanctions test` all run events through
// it; command-line concerns (flags, exit codes) stay in cmd/sanctions.
package checkrun

import (
	"context"
	"errors"
	"runtime"
	"sync"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/report"
)

// Check is one run over its inputs.
type Check struct {
	Inputs  []Input
	Limits  events.Limits // zero: config.DefaultLimits()
	Workers int           // evaluations at once; 0 means one per CPU
}

// NewReport starts a report for the engine's rules.
func NewReport(eng *evaluator.Engine) *report.Report { return report.New(eng.Rules()) }

// Run reads every input, judges every event and returns the whole report. Results keep input
// order whatever the number of workers. The error is for failures of the run itself (a cancelled
// context); problems with inputs and rules are in the report.
func (c *Check) Run(ctx context.Context, eng *evaluator.Engine) (*report.Report, error) {
	rep := NewReport(eng)
	return rep, c.RunTo(ctx, eng, rep)
}

// RunTo is Run, passing each verdict to sink as it comes, in input order: a report.Writer
// renders a streaming format with flat memory. Rules the engine set aside (KeepGoing) come first,
// as errors; problems of files that are not about one event come last.
func (c *Check) RunTo(ctx context.Context, eng *evaluator.Engine, sink report.Sink) error {
	for _, p := range eng.SetAside() {
		if err := sink.Error(p); err != nil {
			return err
		}
	}
	var sinkErr error
	err := c.Stream(ctx, eng, func(_ int, _ events.Record, v evaluator.Verdict) error {
		return sink.Verdict(v)
	}, func(_ int, f *events.File) {
		for _, p := range f.Problems {
			if err := sink.Error(p); err != nil && sinkErr == nil {
				sinkErr = err
			}
		}
	})
	if err != nil {
		return err
	}
	return sinkErr
}

// InFlight is how many records a run with this many workers holds at most at once, read and
// not yet delivered: what bounds the memory of a streamed input (each record at most
// limits.max_event_bytes of NDJSON).
func InFlight(workers int) int {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	return workers * 8
}

// Stream judges every event and calls onVerdict for each record, in input order, with the index
// of its input in c.Inputs (a record that is not an event gives a verdict with one Rejected
// problem); then onFile for each input read, in order, with what it held besides events (a
// fixture's expect block, problems that are not about one event, an input's Listing). An error
// from onVerdict (a closed output) stops the run and is returned.
func (c *Check) Stream(ctx context.Context, eng *evaluator.Engine, onVerdict func(input int, rec events.Record, v evaluator.Verdict) error, onFile func(input int, f *events.File)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := c.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	type job struct {
		seq     int
		input   int
		rec     events.Record
		verdict evaluator.Verdict
	}
	type file struct {
		input int
		f     *events.File
	}
	jobs := make(chan *job, workers*4)
	done := make(chan *job, workers*4)
	// slots bound the records between the reader and the collector (queued, being judged, done
	// and waiting for an earlier one): a slow event holds back delivery, and then reading, so
	// memory stays bounded whatever the input.
	slots := make(chan struct{}, InFlight(workers))
	var files []file // delivered in order by the collector
	var mu sync.Mutex

	// Read: one goroutine, inputs in order.
	var readErr error
	readDone := make(chan struct{})
	go func() {
		defer close(readDone)
		defer close(jobs)
		seq := 0
		readErr = c.read(ctx, func(input int, r events.Record) error {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- &job{seq: seq, input: input, rec: r}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}, func(input int, f *events.File) {
			mu.Lock()
			files = append(files, file{input, f})
			mu.Unlock()
		})
	}()

	// Judge: a bounded pool.
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				var j *job
				select {
				case j = <-jobs:
				case <-ctx.Done(): // cancelled: stop at once, even while a read is blocked
					return
				}
				if j == nil {
					return
				}
				if j.rec.Event != nil {
					j.verdict = eng.Judge(ctx, j.rec.Event)
				} else {
					j.verdict = evaluator.Verdict{Rejected: diag.List{j.rec.Problem}}
				}
				done <- j
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()

	// Collect: back into input order; duplicate ids are found here, in order.
	ids := events.NewIDs()
	pending := map[int]*job{}
	next := 0
	var outErr error
	flush := func() {
		// Once cancelled, nothing more is delivered: what is in flight was judged under a
		// cancelled context, and the report says the run was cut short.
		for outErr == nil && ctx.Err() == nil {
			j, ok := pending[next]
			if !ok {
				return
			}
			delete(pending, next)
			next++
			<-slots
			v := j.verdict
			if ev := j.rec.Event; ev != nil && len(v.Rejected) == 0 {
				if p := ids.Add(ev); p != nil {
					v = evaluator.Verdict{EventID: v.EventID, Location: v.Location, Event: v.Event, Rejected: diag.List{p}}
				}
			}
			if err := onVerdict(j.input, j.rec, v); err != nil {
				outErr = err
				cancel() // stop reading and judging; drain what is in flight
			}
		}
	}
	for j := range done {
		pending[j.seq] = j
		flush()
	}
	flush()
	if outErr != nil {
		return outErr
	}
	// A read blocked on a FIFO with no writer, or on a terminal, is not waited for once the run
	// is cancelled: its goroutine ends with the process.
	select {
	case <-readDone:
	case <-ctx.Done():
		return ctx.Err()
	}
	mu.Lock()
	for _, f := range files {
		onFile(f.input, f.f)
	}
	mu.Unlock()
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return readErr
	}
	return ctx.Err()
}

// read decodes every input in order, passing what each file held besides events to file.
func (c *Check) read(ctx context.Context, emit func(int, events.Record) error, file func(int, *events.File)) error {
	lim := c.Limits
	if lim == (events.Limits{}) {
		lim = config.DefaultLimits()
	}
	for i, in := range c.Inputs {
		// A directory or file the walk could not read may hold events: each counts as a
		// rejected input, as an unreadable file does, not only as an error.
		for _, p := range in.Listing {
			if p.Message == noEventFiles {
				file(i, &events.File{Problems: diag.List{p}})
				continue
			}
			if err := emit(i, events.Record{Problem: p}); err != nil {
				return err
			}
		}
		if in.Open == nil {
			continue
		}
		r, err := in.Open()
		if err != nil {
			if err := emit(i, events.Record{Problem: &diag.Problem{File: in.Name, Message: err.Error()}}); err != nil {
				return err
			}
			continue
		}
		f, err := events.Decode(ctx, events.Input{Name: in.Name, Reader: r, Format: in.Format, Sections: in.Sections}, lim,
			func(r events.Record) error { return emit(i, r) })
		r.Close()
		if f != nil {
			file(i, f)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
