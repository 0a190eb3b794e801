package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/sanctions-dev/sanctions/evaluator"
)

// SARIF renders SARIF 2.1.0 for code-scanning tools: one reporting descriptor per rule, with its
// description and help (text and Markdown, with the citations) from the metadata; one result per
// finding at the event's file and line, its message carrying the citations and reasoning; level
// from severity; a partial fingerprint of event and rule, so code scanning follows a finding
// across commits. Absent optional properties are left out (no empty arrays, no -1 indexes). An exempted finding is a result too, with an accepted external
// suppression that names the exemption (SARIF's way of saying "found, and turned off"). Rejected
// events and failing rules are tool notifications.
type SARIF struct{}

// sarifLevel maps severity to SARIF's levels.
func sarifLevel(s evaluator.Severity) string {
	switch s {
	case "critical", "high":
		return "error"
	case "medium":
		return "warning"
	}
	return "note"
}

// Render writes r as SARIF.
func (SARIF) Render(w io.Writer, r *Report) error {
	doc := sarif.NewReport()
	name := r.Tool.Name
	if name == "" {
		name = "sanctions"
	}
	run := sarif.NewRun()
	run.Tool = sarif.NewTool()
	run.Tool.Driver = sarif.NewToolComponent()
	run.Tool.Driver.Name = &name
	if r.Tool.URI != "" {
		run.Tool.Driver.InformationURI = &r.Tool.URI
	}
	if r.Tool.Version != "" {
		run.Tool.Driver.Version = &r.Tool.Version
	}
	for _, rule := range r.Rules {
		d := run.AddRule(rule.ID).
			WithName(ruleName(rule.ID)).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(rule.Title)).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(strings.TrimSpace(rule.Description))).
			WithHelp(sarif.NewMultiformatMessageString().WithText(helpText(rule)).WithMarkdown(helpMarkdown(rule))).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(rule.Severity)))
		if len(rule.Citations) > 0 {
			d.WithHelpURI(rule.Citations[0].URL)
		}
		props := sarif.NewPropertyBag().
			Add("regime", rule.Regime).
			Add("category", rule.Category).
			Add("severity", string(rule.Severity)).
			WithTags([]string{"sanctions", rule.Regime, rule.Category})
		d.WithProperties(props)
	}
	levels := map[string]string{} // rule -> its default level, which a result of that level leaves out
	for _, rule := range r.Rules {
		levels[rule.ID] = sarifLevel(rule.Severity)
	}
	for _, res := range r.Results {
		for _, f := range res.Findings {
			sarifResult(run, levels, res, f, resultMessage(res.EventID, f))
		}
		for _, f := range res.Exempted {
			result := sarifResult(run, levels, res, f, ExemptedLine(f)+". "+resultMessage(res.EventID, f))
			result.Properties.Add("exemption", f.Exemption)
			result.AddSuppression(sarif.NewSuppression().WithKind("external").WithStatus("accepted").
				WithJustification(exemptionText(f)))
		}
	}
	// Every evaluated event, with or without findings, is listed in the run's properties, and
	// every rejected event is a notification below: the run accounts for each event.
	evaluated := make([]sarifEvent, 0, len(r.Results))
	for _, res := range r.Results {
		evaluated = append(evaluated, sarifEvent{EventID: res.EventID, File: res.Location.File, Line: res.Location.Line,
			Findings: len(res.Findings), Exempted: len(res.Exempted)})
	}
	run.WithProperties(sarif.NewPropertyBag().Add("evaluated", evaluated))
	inv := sarif.NewInvocation().WithExecutionSuccessful(len(r.Errors) == 0)
	notes := []*sarif.Notification{}
	for _, e := range r.Errors {
		n := sarif.NewNotification().WithLevel("error").WithMessage(sarif.NewTextMessage(e.Error()))
		if e.File != "" {
			n.WithLocations([]*sarif.Location{location(e.File, e.Line)})
		}
		if e.RuleID != "" {
			n.WithAssociatedRule(sarif.NewReportingDescriptorReference().WithID(e.RuleID))
		}
		notes = append(notes, n)
	}
	inv.WithToolExecutionNotifications(notes)
	run.AddInvocation(inv)
	doc.AddRun(run)
	return writeCompactSARIF(w, doc)
}

// sarifEvent is an evaluated event, in the run's properties.
type sarifEvent struct {
	EventID  string `json:"event_id"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Findings int    `json:"findings"`
	Exempted int    `json:"exempted,omitempty"`
}

func location(file string, line int) *sarif.Location {
	pl := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewArtifactLocation().WithURI(filepath.ToSlash(file)))
	if line > 0 {
		pl.WithRegion(sarif.NewRegion().WithStartLine(line))
	}
	return sarif.NewLocation().WithPhysicalLocation(pl)
}

// ruleName is a rule id in the PascalCase SARIF viewers expect: DprkArmsExport.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(strings.ToLower(id), "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// resultMessage is a result's message: the event, the rule's title, the verdict and confidence,
// and the reasoning, without the paragraphs' texts it quotes (the rule's help has them); a cited
// paragraph the reasoning does not name is named after the confidence.
func resultMessage(eventID string, f evaluator.Finding) string {
	reasoning := strings.Join(unquoted(f), " ")
	head := fmt.Sprintf("%s: %s (%s, confidence %s", eventID, f.Title, verdictText(f.Verdict), f.Confidence)
	for _, c := range f.Citations {
		if !strings.Contains(reasoning, "UNSCR "+c.Resolution+", paragraph "+c.Paragraph) {
			head += "; UNSCR " + c.Resolution + " para. " + c.Paragraph
		}
	}
	return head + "). " + reasoning
}

// unquoted is f's reasoning without the paragraphs' texts it quotes after a colon: the rule's
// help quotes them once for every result.
func unquoted(f evaluator.Finding) []string {
	out := make([]string, len(f.Reasoning))
	for i, r := range f.Reasoning {
		for _, c := range f.Citations {
			if q := strings.TrimSuffix(c.Summary, "."); q != "" {
				r = strings.ReplaceAll(r, ": "+q, "")
			}
		}
		out[i] = r
	}
	return out
}

// helpText is the plain help: the paragraphs the rule applies, each with its text's address (the
// rule's description is its fullDescription).
func helpText(rule evaluator.Rule) string {
	if len(rule.Citations) == 0 {
		return strings.TrimSpace(rule.Description)
	}
	lines := make([]string, len(rule.Citations))
	for i, c := range rule.Citations {
		lines[i] = fmt.Sprintf("UNSCR %s, paragraph %s: %s", c.Resolution, c.Paragraph, c.URL)
	}
	return strings.Join(lines, "\n")
}

// helpMarkdown is the help code scanning shows: the description and each paragraph the rule
// applies, linked to its text and summarised.
func helpMarkdown(rule evaluator.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", strings.TrimSpace(rule.Description))
	for _, c := range rule.Citations {
		fmt.Fprintf(&b, "- [UNSCR %s, paragraph %s](%s): %s\n", c.Resolution, c.Paragraph, c.URL, c.Summary)
	}
	return b.String()
}

// sarifResult adds one finding of res to the run as a result with its properties; its level only
// when it is not its rule's default.
func sarifResult(run *sarif.Run, levels map[string]string, res evaluator.Verdict, f evaluator.Finding, message string) *sarif.Result {
	level := sarifLevel(f.Severity)
	if levels[f.RuleID] == level {
		level = ""
	}
	result := run.CreateResultForRule(f.RuleID).
		WithKind("").
		WithLevel(level).
		WithMessage(sarif.NewTextMessage(message)).
		WithLocations([]*sarif.Location{location(res.Location.File, res.Location.Line)})
	result.WithProperties(sarif.NewPropertyBag().
		Add("event_id", res.EventID).
		Add("verdict", f.Verdict).
		Add("confidence", f.Confidence).
		Add("evidence", f.Evidence).
		Add("counter_evidence", f.CounterEvidence))
	result.WithPartialFingerprints(map[string]string{FingerprintKey: Fingerprint(res.EventID, f.RuleID)})
	return result
}
