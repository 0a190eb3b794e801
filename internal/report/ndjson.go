package report

import (
	"encoding/json"
	"io"

	"github.com/sanctions-dev/sanctions/evaluator"
)

// NDJSON renders one JSON object per line, streaming: each result as it comes, then each error
// as {"error": ...}, then a last line {"summary": ..., "disclaimer": ...} (docs/findings.md).
type NDJSON struct{}

// Render writes r as NDJSON.
func (n NDJSON) Render(w io.Writer, r *Report) error { return renderStream(n, w, r) }

// Begin writes nothing: NDJSON has no header.
func (NDJSON) Begin(io.Writer, *Report) error { return nil }

// WriteResult writes one result line.
func (NDJSON) WriteResult(w io.Writer, _ *Report, res evaluator.Verdict, _ int) error {
	return line(w, res)
}

// End writes the errors and the summary.
func (NDJSON) End(w io.Writer, r *Report) error {
	for _, e := range r.Errors {
		if err := line(w, map[string]any{"error": e}); err != nil {
			return err
		}
	}
	last := map[string]any{"summary": r.Summary, "disclaimer": r.Disclaimer}
	if r.Baseline != nil {
		last["baseline"] = r.Baseline
	}
	return line(w, last)
}

func line(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
