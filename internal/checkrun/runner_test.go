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
	"github.com/sanctions-dev/sanctions/internal/diag"
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
	c := onPaths(t, checkrun.Check{}, dir+"/notes.txt", dir)
	rep, err := c.Run(context.Background(), eng)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, e := range rep.Errors {
		msgs = append(msgs, e.Error())
	}
	got := strings.Join(msgs, "\n")
	if rep.Summary.Rejected != 1 || rep.Summary.Events != 1 {
		t.Errorf("summary %+v: the unknown file counts as one rejected input", rep.Summary)
	}
	for _, want := range []string{"notes.txt: unknown input type", "no event files (.yaml, .yml, .json, .ndjson, .jsonl) in this directory"} {
		if !strings.Contains(got, want) {
			t.Errorf("errors %q lack %q", got, want)
		}
	}
}

// TestPaths: a missing path is an error naming it; a path given twice, or reached twice, is read
// once, where it first comes.
func TestPaths(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(dir+"/a/b", 0o755)
	os.WriteFile(dir+"/a/one.yaml", []byte("[]"), 0o644)
	os.WriteFile(dir+"/a/b/two.yaml", []byte("[]"), 0o644)
	for _, tc := range []struct {
		name    string
		paths   []string
		want    []string
		wantErr string
	}{
		{"missing", []string{dir + "/a", dir + "/nope.yaml"}, nil, dir + "/nope.yaml: no such file or directory"},
		{"same file twice", []string{dir + "/a/one.yaml", dir + "/./a/one.yaml"}, []string{dir + "/a/one.yaml"}, ""},
		{"same directory twice", []string{dir + "/a", dir + "/a/"}, []string{dir + "/a/b/two.yaml", dir + "/a/one.yaml"}, ""},
		{"directory then below it", []string{dir + "/a", dir + "/a/b"}, []string{dir + "/a/b/two.yaml", dir + "/a/one.yaml"}, ""},
		{"below it then directory", []string{dir + "/a/b", dir + "/a"}, []string{dir + "/a/b/two.yaml", dir + "/a/one.yaml"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inputs, err := checkrun.Paths(tc.paths, checkrun.Input{})
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, in := range inputs {
				got = append(got, in.Name)
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("inputs %q, want %q", got, tc.want)
			}
		})
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
			c := onPaths(t, checkrun.Check{Workers: workers}, "../../fixtures", dir)
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
func onPaths(t testing.TB, c checkrun.Check, paths ...string) *checkrun.Check {
	t.Helper()
	inputs, err := checkrun.Paths(paths, checkrun.Input{})
	if err != nil {
		t.Fatal(err)
	}
	c.Inputs = inputs
	return &c
}

// TestUnreadableListingCountsAsRejected: a directory the walk could not read may hold events,
// so each problem of listing it counts as a rejected input (exit 2 and a count), as an
// unreadable file does; a directory with no event file is an error but no input left unread.
// (The walk's own errors cannot be made as root, which CI runs as; the Listing is what Paths
// builds from them.)
func TestUnreadableListingCountsAsRejected(t *testing.T) {
	eng := engine(t)
	c := &checkrun.Check{Inputs: []checkrun.Input{
		{Name: "events/secret", Listing: diag.List{{File: "events/secret", Message: "cannot read: permission denied"}}},
		{Name: "events/empty", Listing: diag.List{{File: "events/empty", Message: "no event files (.yaml, .yml, .json, .ndjson, .jsonl) in this directory"}}},
	}}
	rep, err := c.Run(context.Background(), eng)
	if err != nil {
		t.Fatal(err)
	}
	if s := rep.Summary; s.Events != 1 || s.Rejected != 1 || len(rep.Errors) != 2 {
		t.Errorf("summary %+v, %d errors: want the unreadable directory one rejected input, and two errors", s, len(rep.Errors))
	}
}
