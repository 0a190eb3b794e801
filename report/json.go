package report

import (
	"encoding/json"
	"io"
)

// JSON renders the report as one indented JSON object (docs/findings.md).
type JSON struct{}

// Render writes r as JSON; map keys are sorted, so output is byte-for-byte deterministic.
func (JSON) Render(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
