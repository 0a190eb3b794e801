// The Go form of a finding: what a rule says about one event. Findings are built completely in
// Rego (rules/sanctions/lib/finding.rego); Go only adds where the event was read. The fields and
// their meaning are the output contract (docs/findings.md).

package evaluator

import (
	"fmt"
	"slices"
)

// Finding says that an event may break a prohibition, why, and how sure we are.
type Finding struct {
	RuleID          string            `json:"rule_id"`
	Title           string            `json:"title"`
	Regime          string            `json:"regime"`
	Category        string            `json:"category"`
	Severity        Severity          `json:"severity"`
	Verdict         string            `json:"verdict"`
	Confidence      string            `json:"confidence"`
	Citations       []Citation        `json:"citations"`
	Reasoning       []string          `json:"reasoning"`
	Evidence        []Evidence        `json:"evidence"`
	CounterEvidence []CounterEvidence `json:"counter_evidence"`
	EventID         string            `json:"event_id"`
	Location        Location          `json:"location"`
	Exemption       *Exemption        `json:"exemption,omitempty"` // set on exempted findings only
}

// Exemption is the entry of the exemptions table that turned a finding off.
type Exemption struct {
	ID        string `json:"id"`
	Kind      string `json:"kind"`                // committee or humanitarian
	Basis     string `json:"basis"`               // the paragraph that allows it: "2397 (2017) 25"
	Reference string `json:"reference,omitempty"` // the Committee's decision, a letter
	Note      string `json:"note,omitempty"`
	URL       string `json:"url,omitempty"`    // where the record of the exemption can be read
	Reason    string `json:"reason,omitempty"` // why the entry matched the event
}

// Citation is a resolution paragraph a finding rests on.
type Citation struct {
	Resolution string `json:"resolution"`
	Paragraph  string `json:"paragraph"`
	Summary    string `json:"summary"`
	URL        string `json:"url"`
	Note       string `json:"note,omitempty"`      // e.g. a paragraph number not yet confirmed
	InForce    string `json:"in_force,omitempty"`  // the date the paragraph took effect (rule metadata only)
	Until      string `json:"until,omitempty"`     // the last day it applied, when it was superseded (rule metadata only)
	Confirmed  string `json:"confirmed,omitempty"` // where the paragraph's text was seen with its number (rule metadata only)
	Contested  string `json:"contested,omitempty"` // who contests the law it rests on, and why (rule metadata only)
}

// Evidence is a verbatim quote from one of the event's sources.
type Evidence struct {
	Quote  string `json:"quote"`
	Source string `json:"source"`
}

// CounterEvidence is a denial or retraction of the event (status denied or retracted, with the
// event's source), or a challenge to the law a citation rests on (status contested: who contests
// it, why in Note, and where they said so in URL), which never drops the finding.
type CounterEvidence struct {
	By     string `json:"by"`
	Status string `json:"status"`
	Source string `json:"source,omitempty"`
	Note   string `json:"note,omitempty"`
	URL    string `json:"url,omitempty"`
}

// Location is where an event was read.
type Location struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

// Verdicts.
const (
	PossibleViolation = "possible_violation"
	NeedsReview       = "needs_review"
)

// Severity orders findings: critical > high > medium > low > info.
type Severity string

// Severities, from the most to the least severe.
var Severities = []Severity{"critical", "high", "medium", "low", "info"}

// Rank is 5 for critical down to 1 for info, 0 for anything else.
func (s Severity) Rank() int {
	if i := slices.Index(Severities, s); i >= 0 {
		return len(Severities) - i
	}
	return 0
}

// ParseSeverity checks a severity name.
func ParseSeverity(s string) (Severity, error) {
	if Severity(s).Rank() == 0 {
		return "", fmt.Errorf("unknown severity %q (want critical, high, medium, low or info)", s)
	}
	return Severity(s), nil
}

// Check reports what a finding lacks: a rule library whose lib builds incomplete findings must
// be caught, not rendered.
func (f *Finding) Check() error {
	switch {
	case f.RuleID == "":
		return fmt.Errorf("finding without rule_id")
	case f.Severity.Rank() == 0:
		return fmt.Errorf("finding of %s has severity %q", f.RuleID, f.Severity)
	case f.Verdict != PossibleViolation && f.Verdict != NeedsReview:
		return fmt.Errorf("finding of %s has verdict %q", f.RuleID, f.Verdict)
	case f.Confidence != "high" && f.Confidence != "medium" && f.Confidence != "low":
		return fmt.Errorf("finding of %s has confidence %q", f.RuleID, f.Confidence)
	case len(f.Citations) == 0:
		return fmt.Errorf("finding of %s has no citation", f.RuleID)
	case len(f.Reasoning) == 0:
		return fmt.Errorf("finding of %s has no reasoning", f.RuleID)
	}
	return nil
}
