package report

import (
	"encoding/json"
	"io"

	"github.com/sanctions-dev/sanctions/evaluator"
)

// JSON renders the report as one indented JSON object (docs/findings.md), streaming: the
// results are written as they come, then the errors, the summary and the disclaimer. Map keys
// are sorted, so the output is byte-for-byte deterministic.
type JSON struct{}

// Render writes r as JSON.
func (j JSON) Render(w io.Writer, r *Report) error { return renderStream(j, w, r) }

// Begin opens the object and the results array.
func (JSON) Begin(w io.Writer, _ *Report) error {
	_, err := io.WriteString(w, "{\n  \"version\": 1,\n  \"results\": [")
	return err
}

// WriteResult writes one result.
func (JSON) WriteResult(w io.Writer, _ *Report, res evaluator.Verdict, i int) error {
	b, err := marshalIndent(res, "    ")
	if err != nil {
		return err
	}
	sep := ",\n    "
	if i == 0 {
		sep = "\n    "
	}
	_, err = io.WriteString(w, sep+string(b))
	return err
}

// End closes the results and writes the rest.
func (JSON) End(w io.Writer, r *Report) error {
	close := "]"
	if r.Summary.Evaluated > 0 {
		close = "\n  ]"
	}
	if _, err := io.WriteString(w, close); err != nil {
		return err
	}
	fields := []struct {
		key   string
		value any
	}{{"errors", r.Errors}}
	if r.Baseline != nil {
		fields = append(fields, struct {
			key   string
			value any
		}{"baseline", r.Baseline})
	}
	fields = append(fields, []struct {
		key   string
		value any
	}{{"summary", r.Summary}, {"disclaimer", r.Disclaimer}}...)
	for _, f := range fields {
		b, err := marshalIndent(f.value, "  ")
		if err != nil {
			return err
		}
		if _, err := io.WriteString(w, ",\n  \""+f.key+"\": "+string(b)); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "\n}\n")
	return err
}

func marshalIndent(v any, prefix string) ([]byte, error) {
	var buf jsonBuffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b := buf.b
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	return b, nil
}

type jsonBuffer struct{ b []byte }

func (j *jsonBuffer) Write(p []byte) (int, error) { j.b = append(j.b, p...); return len(p), nil }
