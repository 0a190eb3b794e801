package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// FingerprintKey names the partial fingerprint of a SARIF result: version 1 of a finding's
// identity, its event and rule.
const FingerprintKey = "sanctionsFinding/v1"

// Fingerprint is the hash of an event id and a rule id that identifies a finding across runs and
// commits, whatever line the event moves to.
func Fingerprint(eventID, ruleID string) string {
	sum := sha256.Sum256([]byte(eventID + "\x00" + ruleID))
	return hex.EncodeToString(sum[:16])
}

// writeCompactSARIF writes doc without the properties the SARIF library fills in with defaults
// for absent ones: empty arrays and objects, and -1 for an absent index, offset or rank (SARIF
// Multitool's SARIF2004 warns on each). The run's results stay even when empty: an empty list
// says the tool found nothing, an absent one that it could not tell.
func writeCompactSARIF(w io.Writer, doc *sarif.Report) error {
	var raw bytes.Buffer
	if err := doc.Write(&raw); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	dec := json.NewDecoder(&raw)
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	v, _ = prune(v, "")
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	// A value a line, unindented: as easy to grep and diff as indented JSON, at a third of its size.
	var lines bytes.Buffer
	if err := json.Indent(&lines, compact.Bytes(), "", ""); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	_, err := w.Write(lines.Bytes())
	return err
}

// prune drops the absent-property placeholders from a decoded JSON value; it reports whether the
// value itself is one (and is to be dropped from its parent).
func prune(v any, key string) (any, bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if d, ok := sarifDefaultLists[k]; ok && fmt.Sprint(e) == d {
				delete(x, k) // SARIF's default
				continue
			}
			if pv, drop := prune(e, k); drop {
				delete(x, k)
			} else {
				x[k] = pv
			}
		}
		return x, len(x) == 0 && key != "" && key != "results"
	case []any:
		out := x[:0]
		for _, e := range x {
			if pv, drop := prune(e, ""); !drop {
				out = append(out, pv)
			}
		}
		return out, len(out) == 0 && key != "results"
	case bool:
		return x, key == "enabled" && x || key == "isComprehensive" && !x // SARIF's defaults
	case json.Number:
		return x, x.String() == "-1"
	case string:
		return x, x == "" || sarifDefaults[key] == x
	}
	return v, false
}

// sarifDefaults are properties the library sets to the value SARIF assumes when they are absent.
var sarifDefaults = map[string]string{"language": "en-US"}

// sarifDefaultLists are the lists the library sets to SARIF's defaults, as fmt prints them.
var sarifDefaultLists = map[string]string{
	"newlineSequences": "[\r\n \n]",
	"contents":         "[localizedData nonLocalizedData]",
}
