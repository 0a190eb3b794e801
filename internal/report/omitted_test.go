package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/report"
)

// Past MaxListedErrors, errors are counted, not kept: the report lists the first ones, then
// one saying how many more there were and which messages were most common; every rejected event
// is still counted, in every format.
func TestErrorsPastTheListAreCounted(t *testing.T) {
	extra := 7
	for _, format := range report.Names() {
		t.Run(format, func(t *testing.T) {
			rep := report.New(nil)
			r, err := report.Lookup(format, report.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			w := report.NewWriter(&buf, r, rep)
			for i := 0; i < report.MaxListedErrors+extra; i++ {
				msg := "missing required field \"date\""
				if i%3 == 0 {
					msg = "missing required field \"summary\""
				}
				if err := w.Verdict(evaluator.Verdict{Rejected: diag.List{{File: "in.ndjson", Line: i + 1, Message: msg}}}); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if got := len(rep.Errors); got != report.MaxListedErrors+1 {
				t.Errorf("%d errors kept, want %d and the note", got, report.MaxListedErrors)
			}
			if rep.Summary.Rejected != report.MaxListedErrors+extra || rep.Summary.ErrorsOmitted != extra || rep.ErrorCount() != report.MaxListedErrors+extra {
				t.Errorf("summary %+v, error count %d", rep.Summary, rep.ErrorCount())
			}
			note := rep.Errors[len(rep.Errors)-1].Message
			for _, want := range []string{"7 more errors are counted but not listed (a report lists the first 10000); the most common: ",
				"× missing required field \"date\"", "× missing required field \"summary\""} {
				if !strings.Contains(note, want) {
					t.Errorf("note %q lacks %q", note, want)
				}
			}
			if format == "json" {
				var doc struct {
					Summary struct {
						ErrorsOmitted int `json:"errors_omitted"`
					} `json:"summary"`
				}
				if err := json.Unmarshal(buf.Bytes(), &doc); err != nil || doc.Summary.ErrorsOmitted != extra {
					t.Errorf("JSON summary.errors_omitted = %d (%v), want %d", doc.Summary.ErrorsOmitted, err, extra)
				}
			}
			if !strings.Contains(buf.String(), "7 more errors are counted but not listed") {
				t.Errorf("the %s report does not say what it left out", format)
			}
		})
	}
}
