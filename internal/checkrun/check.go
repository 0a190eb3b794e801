package checkrun

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/report"
)

// Check is one run of `sanctions check` over files, directories and standard input.
type Check struct {
	Paths       []string      // files, directories (searched recursively by extension) or "-"
	Stdin       io.Reader     // read for "-"
	StdinName   string        // the name of "-" in positions and errors; "-" when empty
	InputFormat events.Format // the format of "-"
	Limits      events.Limits
	Workers     int // evaluations at once; 0 means one per CPU
}

// Run reads every input, judges every event and returns the whole report. Results keep input
// order whatever the number of workers. The error is for failures of the run itself (a cancelled
// context); problems with inputs and rules are in the report.
func (c *Check) Run(ctx context.Context, eng *Engine) (*report.Report, error) {
	rep := eng.NewReport()
	return rep, c.RunTo(ctx, eng, rep)
}

// NewReport starts a report for this engine's rules.
func (e *Engine) NewReport() *report.Report {
	rep := report.New(len(e.Evaluator.Rules()))
	rep.Rules = e.ReportRules()
	return rep
}

// RunTo is Run, passing each outcome to sink as it comes, in input order: a report.Writer
// renders a streaming format with flat memory. Rules the engine set aside (KeepGoing) come first,
// as errors.
func (c *Check) RunTo(ctx context.Context, eng *Engine, sink report.Sink) error {
	// Rules left out under --keep-going are errors of the run, reported first.
	for _, p := range eng.Evaluator.SetAside() {
		if err := sink.Error(p); err != nil {
			return err
		}
	}
	var sinkErr error
	err := c.Stream(ctx, eng, func(v Verdict) error {
		if v.Event == nil || len(v.Rejected) > 0 {
			if err := sink.Rejected(v.Rejected[0]); err != nil {
				return err
			}
			for _, p := range v.Rejected[1:] {
				if err := sink.Error(p); err != nil {
					return err
				}
			}
			return nil
		}
		if err := sink.Result(ResultOf(v)); err != nil {
			return err
		}
		for _, p := range v.Failed {
			if err := sink.Error(p); err != nil {
				return err
			}
		}
		return nil
	}, func(p *diag.Problem) {
		if err := sink.Error(p); err != nil && sinkErr == nil {
			sinkErr = err
		}
	})
	if err != nil {
		return err
	}
	return sinkErr
}

// Stream judges every event and calls onVerdict for each, in input order, and onProblem for
// problems that are not about one event. A rejected event without an Event has one problem.
// An error from onVerdict (a closed output) stops the run and is returned.
func (c *Check) Stream(ctx context.Context, eng *Engine, onVerdict func(Verdict) error, onProblem func(*diag.Problem)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := c.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	type job struct {
		seq     int
		rec     events.Record
		verdict Verdict
	}
	jobs := make(chan *job, workers*4)
	done := make(chan *job, workers*4)
	var problems []*diag.Problem // file-level, delivered in order by the collector
	var mu sync.Mutex
	fileProblem := func(p *diag.Problem) {
		mu.Lock()
		problems = append(problems, p)
		mu.Unlock()
	}

	// Read: one goroutine, inputs in order.
	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		readErr = c.read(ctx, func(r events.Record) error {
			select {
			case jobs <- &job{seq: seq, rec: r}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}, fileProblem)
	}()

	// Judge: a bounded pool.
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.rec.Event != nil {
					j.verdict = eng.Judge(ctx, j.rec.Event)
				} else {
					j.verdict = Verdict{Rejected: diag.List{j.rec.Problem}}
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
		for outErr == nil {
			j, ok := pending[next]
			if !ok {
				return
			}
			delete(pending, next)
			next++
			v := j.verdict
			if v.Event != nil && len(v.Rejected) == 0 {
				if p := ids.Add(v.Event); p != nil {
					v = Verdict{Event: v.Event, Rejected: diag.List{p}}
				}
			}
			if err := onVerdict(v); err != nil {
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
	mu.Lock()
	for _, p := range problems {
		onProblem(p)
	}
	mu.Unlock()
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return readErr
	}
	return ctx.Err()
}

// read decodes every input in order.
func (c *Check) read(ctx context.Context, emit func(events.Record) error, problem func(*diag.Problem)) error {
	lim := c.Limits
	if lim == (events.Limits{}) {
		lim = events.DefaultLimits
	}
	for _, p := range c.Paths {
		if p == "-" {
			name := c.StdinName
			if name == "" {
				name = "-"
			}
			if err := c.decode(ctx, events.Input{Name: name, Reader: c.stdin(), Format: c.inputFormat()}, lim, emit, problem); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			// A named input that cannot be read may have held events: one rejected.
			if err := emit(events.Record{Problem: &diag.Problem{File: p, Message: "cannot read: " + unwrapPath(err)}}); err != nil {
				return err
			}
			continue
		}
		files, probs := Files(p)
		for _, pr := range probs {
			problem(pr)
		}
		for _, f := range files {
			// A file named on the command line may be a pipe (<(extract ...)); one found in a
			// directory must be a regular file: a named pipe would block, a device never end.
			if info.IsDir() {
				if fi, err := os.Stat(f); err == nil && !fi.Mode().IsRegular() {
					if err := emit(events.Record{Problem: &diag.Problem{File: f, Message: "not a regular file (" + kindOf(fi.Mode()) + "): not read"}}); err != nil {
						return err
					}
					continue
				}
			}
			if err := c.readFile(ctx, f, lim, emit, problem); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *Check) stdin() io.Reader {
	if c.Stdin != nil {
		return c.Stdin
	}
	return os.Stdin
}

func (c *Check) inputFormat() events.Format {
	if c.InputFormat != "" {
		return c.InputFormat
	}
	return events.YAML
}

func (c *Check) readFile(ctx context.Context, name string, lim events.Limits, emit func(events.Record) error, problem func(*diag.Problem)) error {
	format, ok := events.FormatOf(name)
	if !ok {
		return emit(events.Record{Problem: &diag.Problem{File: name, Message: "unknown input type: want .yaml, .yml, .json, .ndjson or .jsonl"}})
	}
	f, err := os.Open(name)
	if err != nil {
		return emit(events.Record{Problem: &diag.Problem{File: name, Message: "cannot read: " + unwrapPath(err)}})
	}
	defer f.Close()
	return c.decode(ctx, events.Input{Name: name, Reader: f, Format: format}, lim, emit, problem)
}

func (c *Check) decode(ctx context.Context, in events.Input, lim events.Limits, emit func(events.Record) error, problem func(*diag.Problem)) error {
	file, err := events.Decode(ctx, in, lim, emit)
	if file != nil {
		for _, p := range file.Problems {
			problem(p)
		}
	}
	return err
}

// Files lists the event files under a path: the path itself when it is a file, else every
// .yaml, .yml, .json, .ndjson and .jsonl file below it, in lexical order, skipping hidden
// entries. Symbolic links to directories are not followed, so link loops cannot trap the walk.
func Files(root string) ([]string, diag.List) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, diag.List{{File: root, Message: "cannot read: " + unwrapPath(err)}}
	}
	if !info.IsDir() {
		return []string{root}, nil
	}
	var files []string
	var probs diag.List
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			probs = append(probs, &diag.Problem{File: p, Message: "cannot read: " + unwrapPath(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if _, ok := events.FormatOf(p); ok {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		probs = append(probs, &diag.Problem{File: root, Message: err.Error()})
	}
	if len(files) == 0 && len(probs) == 0 {
		probs = append(probs, &diag.Problem{File: root, Message: "no event files (.yaml, .yml, .json, .ndjson, .jsonl) in this directory"})
	}
	sort.Strings(files)
	return files, probs
}

// kindOf names a file mode that is not a regular file.
func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "mode " + m.String()
}

func unwrapPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Sprint(pe.Err)
	}
	return err.Error()
}
