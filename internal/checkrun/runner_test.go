package checkrun_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/checkrun"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/report"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

func engine(t testing.TB) *evaluator.Engine { return testrules.Engine(t) }

// mixed is NDJSON with n lines: transfers that fire, meetings that do not, and every seventh
// line broken in some way.
func mixed(n int) string {
	var b strings.Builder
	for i := range n {
		switch {
		case i%7 == 3:
			fmt.Fprintf(&b, "{\"id\": \"e%d\", \"type\": \"transfer\"\n", i) // truncated
		case i%7 == 5:
			fmt.Fprintf(&b, `{"id": "e%d", "type": "meeting", "date": "2024-13", "summary": "s", "claims": [{"status": "reported", "by": {"country": "US"}}], "sources": [{"id": "s", "publisher": "p"}], "evidence": [{"quote": "q", "source": "s"}]}`+"\n", i)
		case i%2 == 0:
			fmt.Fprintf(&b, `{"id": "e%d", "type": "transfer", "date": "2024-0%d", "summary": "s", "supplier": {"country": "KP"}, "recipient": {"country": "RU"}, "items": [{"description": "artillery shells"}], "claims": [{"status": "reported", "by": {"country": "US"}}], "sources": [{"id": "s", "publisher": "p"}], "evidence": [{"quote": "q", "source": "s"}]}`+"\n", i, 1+i%9)
		default:
			fmt.Fprintf(&b, `{"id": "e%d", "type": "meeting", "date": "2024", "summary": "s", "claims": [{"status": "reported", "by": {"country": "US"}}], "sources": [{"id": "s", "publisher": "p"}], "evidence": [{"quote": "q", "source": "s"}]}`+"\n", i)
		}
	}
	return b.String()
}

func TestOrderAndAccountingAcrossWorkers(t *testing.T) {
	eng := engine(t)
	input := mixed(300)
	var outputs [][]byte
	for _, workers := range []int{1, 2, 8, 32} {
		c := &checkrun.Check{Inputs: []checkrun.Input{checkrun.Reader("-", events.NDJSON, strings.NewReader(input))}, Workers: workers}
		rep, err := c.Run(context.Background(), eng)
		if err != nil {
			t.Fatal(err)
		}
		s := rep.Summary
		if s.Events != 300 || s.Events != s.Evaluated+s.Rejected {
			t.Fatalf("workers %d: summary %+v", workers, s)
		}
		if s.Rejected != 86 || len(rep.Errors) != 86 {
			t.Errorf("workers %d: %d rejected, %d errors, want 86", workers, s.Rejected, len(rep.Errors))
		}
		prev := 0
		for _, r := range rep.Results {
			if r.Location.Line <= prev {
				t.Fatalf("workers %d: results out of input order at line %d", workers, r.Location.Line)
			}
			prev = r.Location.Line
		}
		var buf bytes.Buffer
		if err := (report.JSON{}).Render(&buf, rep); err != nil {
			t.Fatal(err)
		}
		outputs = append(outputs, buf.Bytes())
	}
	for i := 1; i < len(outputs); i++ {
		if !bytes.Equal(outputs[0], outputs[i]) {
			t.Errorf("output with run %d differs from the first", i)
		}
	}
}

func TestCancelledRunStops(t *testing.T) {
	eng := engine(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c := &checkrun.Check{Inputs: []checkrun.Input{checkrun.Reader("-", events.NDJSON, strings.NewReader(mixed(50)))}}
	if _, err := c.Run(ctx, eng); err == nil {
		t.Error("a cancelled run reports no error")
	}
}

func TestUnreadablePaths(t *testing.T) {
	eng := engine(t)
	dir := t.TempDir()
	os.WriteFile(dir+"/notes.txt", []byte("not events"), 0o644)
	c := onPaths(checkrun.Check{}, dir+"/missing.yaml", dir+"/notes.txt", dir)
	rep, err := c.Run(context.Background(), eng)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, e := range rep.Errors {
		msgs = append(msgs, e.Error())
	}
	got := strings.Join(msgs, "\n")
	if rep.Summary.Rejected != 2 || rep.Summary.Events != 2 {
		t.Errorf("summary %+v: the missing and the unknown file each count as one rejected input", rep.Summary)
	}
	for _, want := range []string{"missing.yaml: cannot read: no such file or directory", "notes.txt: unknown input type", "no event files (.yaml, .yml, .json, .ndjson, .jsonl) in this directory"} {
		if !strings.Contains(got, want) {
			t.Errorf("errors %q lack %q", got, want)
		}
	}
}

// TestSameBytesInEveryFormat: every format gives byte-identical output from run to run and
// whatever the number of workers, over the shipped fixtures and a mix of good and bad events.
func TestSameBytesInEveryFormat(t *testing.T) {
	eng := engine(t)
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/mixed.ndjson", []byte(mixed(200)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range report.Names() {
		renderer, err := report.Lookup(format, report.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var first []byte
		for _, workers := range []int{1, 3, 8, 8} {
			var buf bytes.Buffer
			w := report.NewWriter(&buf, renderer, checkrun.NewReport(eng))
			c := onPaths(checkrun.Check{Workers: workers}, "../../fixtures", dir)
			if err := c.RunTo(context.Background(), eng, w); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = buf.Bytes()
			} else if !bytes.Equal(first, buf.Bytes()) {
				t.Errorf("%s: the output with %d workers differs from the first run's", format, workers)
			}
		}
	}
}

// onPaths is c over the inputs of a command line's paths.
func onPaths(c checkrun.Check, paths ...string) *checkrun.Check {
	c.Inputs = checkrun.Paths(paths, checkrun.Input{})
	return &c
}
