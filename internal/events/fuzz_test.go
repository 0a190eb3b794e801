package events_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/testkit/fuzzseed"
)

// The fuzz targets feed arbitrary bytes to the decoder of each format. Whatever the input, the
// decoder must return (no panic, no hang: the fuzzer times each input out), and every record it
// emits must be exactly one of an event or a problem, placed in the input; the file's count must
// equal the records emitted. `go test -fuzz FuzzDecodeYAML ./events` runs one; .ci/run runs each
// for a few seconds. Inputs that once failed are kept under testdata/fuzz as regression tests.

func FuzzDecodeYAML(f *testing.F) {
	for _, s := range fuzzseed.Seeds(f, events.YAML) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) { decodeInvariants(t, events.YAML, data) })
}

func FuzzDecodeJSON(f *testing.F) {
	for _, s := range fuzzseed.Seeds(f, events.JSON) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) { decodeInvariants(t, events.JSON, data) })
}

func FuzzDecodeNDJSON(f *testing.F) {
	for _, s := range fuzzseed.Seeds(f, events.NDJSON) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) { decodeInvariants(t, events.NDJSON, data) })
}

// fuzzLimits are the defaults made small, so that the fuzzer reaches every limit.
var fuzzLimits = events.Limits{MaxFileBytes: 64 << 10, MaxEventBytes: 16 << 10, MaxDepth: 8, MaxValues: 500, MaxEvents: 50, MaxString: 1 << 10}

// hangAfter bounds the decoding of one fuzz input. A watchdog panics past it, which ends the
// fuzzing process: the fuzzer then records the input as a failure, which a hang otherwise is not.
const hangAfter = 10 * time.Second

func decodeInvariants(t *testing.T, format events.Format, data []byte) {
	watchdog := time.AfterFunc(hangAfter, func() { panic(fmt.Sprintf("decoding %d bytes of %s took more than %s", len(data), format, hangAfter)) })
	defer watchdog.Stop()
	lines := lineCount(data)
	n := 0
	file, err := events.Decode(context.Background(), events.Input{Name: "fuzz", Reader: bytes.NewReader(data), Format: format}, fuzzLimits,
		func(r events.Record) error {
			n++
			switch {
			case (r.Event == nil) == (r.Problem == nil):
				t.Fatalf("record %d: want exactly one of an event and a problem: %+v", n, r)
			case r.Problem != nil:
				p := r.Problem
				if p.File != "fuzz" || p.Message == "" || p.Line < 0 || p.Line > lines+1 {
					t.Fatalf("record %d: problem without a place in the input, or a message: %+v", n, p)
				}
				if !utf8.ValidString(p.Error()) {
					t.Fatalf("record %d: problem message is not UTF-8: %q", n, p.Error())
				}
			default:
				ev := r.Event
				if ev.Pos.File != "fuzz" || ev.Pos.Line < 1 || ev.Pos.Line > lines+1 {
					t.Fatalf("record %d: event at %+v, outside the %d lines of the input", n, ev.Pos, lines)
				}
				if ev.Doc == nil {
					t.Fatalf("record %d: event without a document", n)
				}
				if _, err := json.Marshal(ev.Doc); err != nil {
					t.Fatalf("record %d: the event is not a JSON document: %v", n, err)
				}
			}
			return nil
		})
	if err != nil {
		t.Fatalf("Decode returned %v: only a cancelled context or a failing emit may stop it", err)
	}
	if file.Events != n {
		t.Fatalf("the file counts %d records, %d were emitted", file.Events, n)
	}
}

// lineCount bounds the lines of data as YAML counts them: a line ends at \n, \r\n, a lone \r,
// NEL, LS or PS.
func lineCount(data []byte) int {
	n := 1 + bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n"))
	for _, r := range []string{"\u0085", "\u2028", "\u2029"} {
		n += bytes.Count(data, []byte(r))
	}
	return n
}
