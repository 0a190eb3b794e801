package extract

import (
	"encoding/json"
	"fmt"
	"io"

	"gopkg.in/yaml.v3"
)

// Formats are the formats drafts are written in.
var Formats = []string{"yaml", "json"}

// Encode writes drafts as an events file: {"events": [...]}, in JSON, or in YAML under a comment
// that says they are drafts to review.
func Encode(w io.Writer, format string, drafts []Draft) error {
	if drafts == nil {
		drafts = []Draft{}
	}
	doc := map[string]any{"events": drafts}
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(doc)
	case "yaml":
		if _, err := io.WriteString(w, "# Events drafted by `sanctions extract`: candidates for review, not findings. Check each\n"+
			"# field against the article (x.extraction says how it was read), then run sanctions check.\n"); err != nil {
			return err
		}
		enc := yaml.NewEncoder(w)
		enc.SetIndent(2)
		if err := enc.Encode(doc); err != nil {
			return err
		}
		return enc.Close()
	}
	return fmt.Errorf("format %q: want yaml or json", format)
}
