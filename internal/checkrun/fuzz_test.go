package checkrun_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sanctions-dev/sanctions/internal/checkrun"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/report"
	"github.com/sanctions-dev/sanctions/internal/testkit/fuzzseed"
)

var fuzzFormats = []events.Format{events.YAML, events.JSON, events.NDJSON}

// FuzzCheck runs the whole path, decode, validate, evaluate and render, on arbitrary input in
// each format. Whatever the input: no panic, no hang (a watchdog), every event counted once as
// evaluated or rejected, every finding from a loaded rule about its own event, and the same
// JSON report with one worker as with four.
func FuzzCheck(f *testing.F) {
	for i, format := range fuzzFormats {
		for _, s := range fuzzseed.Seeds(f, format) {
			f.Add(uint8(i), s)
		}
	}
	eng := engine(f)
	rules := map[string]bool{}
	for _, r := range eng.Rules() {
		rules[r.ID] = true
	}
	lim := events.Limits{MaxFileBytes: 256 << 10, MaxEventBytes: 64 << 10, MaxDepth: 12, MaxValues: 2000, MaxEvents: 100, MaxString: 4 << 10}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		format := fuzzFormats[int(which)%len(fuzzFormats)]
		watchdog := time.AfterFunc(30*time.Second, func() { panic(fmt.Sprintf("checking %d bytes of %s took more than 30s", len(data), format)) })
		defer watchdog.Stop()
		var outputs [][]byte
		for _, workers := range []int{1, 4} {
			c := &checkrun.Check{Inputs: []checkrun.Input{checkrun.Reader("-", format, bytes.NewReader(data))}, Limits: lim, Workers: workers}
			rep, err := c.Run(context.Background(), eng)
			if err != nil {
				t.Fatalf("run: %v", err)
			}
			s := rep.Summary
			if s.Events != s.Evaluated+s.Rejected || len(rep.Results) != s.Evaluated || s.Events+len(rep.Errors) == 0 {
				t.Fatalf("summary %+v with %d results: events not accounted for", s, len(rep.Results))
			}
			for _, r := range rep.Results {
				for _, fd := range r.Findings {
					if !rules[fd.RuleID] || fd.EventID != r.EventID || len(fd.Citations) == 0 {
						t.Fatalf("finding %s on %q in the result of %q, with %d citations", fd.RuleID, fd.EventID, r.EventID, len(fd.Citations))
					}
				}
			}
			var buf bytes.Buffer
			if err := (report.JSON{}).Render(&buf, rep); err != nil {
				t.Fatal(err)
			}
			outputs = append(outputs, buf.Bytes())
		}
		if !bytes.Equal(outputs[0], outputs[1]) {
			t.Fatalf("the report differs between 1 and 4 workers:\n%s\n----\n%s", outputs[0], outputs[1])
		}
	})
}
