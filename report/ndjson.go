package report

import (
	"bufio"
	"encoding/json"
	"io"
)

// NDJSON renders one JSON object per line: each result, then each error as {"error": ...},
// then a last line {"summary": ..., "disclaimer": ...} (docs/findings.md).
type NDJSON struct{}

// Render writes r as NDJSON.
func (NDJSON) Render(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, res := range r.Results {
		if err := enc.Encode(res); err != nil {
			return err
		}
	}
	for _, e := range r.Errors {
		if err := enc.Encode(map[string]any{"error": e}); err != nil {
			return err
		}
	}
	last := map[string]any{"summary": r.Summary, "disclaimer": r.Disclaimer}
	if r.Baseline != nil {
		last["baseline"] = r.Baseline
	}
	if err := enc.Encode(last); err != nil {
		return err
	}
	return bw.Flush()
}
