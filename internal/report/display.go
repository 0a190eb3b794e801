package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sanctions-dev/sanctions/evaluator"
)

// Display narrows what the formats for people (text, Markdown, HTML) show of the results:
// check --only-flagged and --severity. The summary still counts every event and finding, the
// exit status does not change, and the report says what it left out (Hidden), so nothing is
// hidden silently. Machine formats always hold everything.
type Display struct {
	OnlyFlagged bool                 // leave out events with no finding (nor exempted finding) shown
	Severities  []evaluator.Severity // show only findings of these severities; empty: all
}

// Hidden counts what a Display left out of a report.
type Hidden struct {
	Events   int     // events evaluated but not shown (--only-flagged)
	Findings int     // findings and exempted findings not shown (--severity)
	Display  Display // the filter, to say why
}

// SetDisplay makes r show only what d lets through; the summary still counts everything.
func (r *Report) SetDisplay(d Display) {
	if d.Active() {
		r.Hidden = &Hidden{Display: d}
	}
}

// shown is v as r shows it, and whether r shows it at all.
func (r *Report) shown(v evaluator.Verdict) (evaluator.Verdict, bool) {
	if r.Hidden == nil {
		return v, true
	}
	return r.Hidden.Display.show(v, r.Hidden)
}

// Active says whether d leaves anything out.
func (d Display) Active() bool { return d.OnlyFlagged || len(d.Severities) > 0 }

// ForPeople says whether a format is one Display applies to.
func ForPeople(format string) bool {
	switch strings.ToLower(format) {
	case "text", "markdown", "html":
		return true
	}
	return false
}

// ParseSeverities reads --severity: a comma-separated list, in any case ("high,CRITICAL").
func ParseSeverities(values []string) ([]evaluator.Severity, error) {
	var out []evaluator.Severity
	for _, v := range values {
		for _, s := range strings.Split(v, ",") {
			s = strings.ToLower(strings.TrimSpace(s))
			if s == "" {
				continue
			}
			sev, err := evaluator.ParseSeverity(s)
			if err != nil {
				return nil, fmt.Errorf("unknown severity %q (want critical, high, medium, low or info)", s)
			}
			if !slices.Contains(out, sev) {
				out = append(out, sev)
			}
		}
	}
	slices.SortFunc(out, func(a, b evaluator.Severity) int { return b.Rank() - a.Rank() })
	return out, nil
}

// show applies d to a counted verdict: the verdict as shown (its finding lists copied, never
// changed in place, since other reports share them) and whether the event is shown at all. It
// counts what it leaves out in h.
func (d Display) show(v evaluator.Verdict, h *Hidden) (evaluator.Verdict, bool) {
	if len(d.Severities) > 0 {
		keep := func(fs []evaluator.Finding) []evaluator.Finding {
			out := make([]evaluator.Finding, 0, len(fs))
			for _, f := range fs {
				if slices.Contains(d.Severities, f.Severity) {
					out = append(out, f)
				} else {
					h.Findings++
				}
			}
			return out
		}
		v.Findings = keep(v.Findings)
		if v.Exempted != nil {
			v.Exempted = keep(v.Exempted)
		}
	}
	if d.OnlyFlagged && len(v.Findings) == 0 && len(v.Exempted) == 0 {
		h.Events++
		return v, false
	}
	return v, true
}

// Note says what the display left out, or "" when nothing was; formats print it after "Not
// shown: ": "14 findings of other severities (--severity critical,high); 72 events without
// findings of those severities (--only-flagged). The summary counts them."
func (h *Hidden) Note() string {
	if h == nil || (h.Events == 0 && h.Findings == 0) {
		return ""
	}
	var parts []string
	if h.Findings > 0 {
		sevs := make([]string, len(h.Display.Severities))
		for i, s := range h.Display.Severities {
			sevs[i] = string(s)
		}
		parts = append(parts, fmt.Sprintf("%s of other severities (--severity %s)",
			plural(h.Findings, "finding"), strings.Join(sevs, ",")))
	}
	if h.Events > 0 {
		what := "without findings"
		if len(h.Display.Severities) > 0 {
			what = "without findings of those severities"
		}
		parts = append(parts, fmt.Sprintf("%s %s (--only-flagged)", plural(h.Events, "event"), what))
	}
	return strings.Join(parts, "; ") + ". The summary counts them."
}
