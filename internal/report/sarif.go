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
// description, citations and help from the metadata; one result per finding at the event's file
// and line; level from severity. An exempted finding is a result too, with an accepted external
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
			Add("citations", rule.Citations).
			WithTags([]string{"sanctions", rule.Regime, rule.Category})
		d.WithProperties(props)
	}
	for _, res := range r.Results {
		for _, f := range res.Findings {
			sarifResult(run, res, f, resultMessage(res.EventID, f))
		}
		for _, f := range res.Exempted {
			result := sarifResult(run, res, f, ExemptedLine(f)+". "+resultMessage(res.EventID, f))
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
	return doc.PrettyWrite(w)
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

func resultMessage(eventID string, f evaluator.Finding) string {
	cites := make([]string, len(f.Citations))
	for i, c := range f.Citations {
		cites[i] = "UNSCR " + c.Resolution + " para. " + c.Paragraph
	}
	return fmt.Sprintf("%s: %s (%s, confidence %s; %s). %s", eventID, f.Title, verdictText(f.Verdict), f.Confidence,
		strings.Join(cites, "; "), strings.Join(f.Reasoning, " "))
}

func helpText(rule evaluator.Rule) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(rule.Description))
	for _, c := range rule.Citations {
		fmt.Fprintf(&b, "\nUNSCR %s, paragraph %s: %s %s", c.Resolution, c.Paragraph, c.Summary, c.URL)
	}
	return b.String()
}

func helpMarkdown(rule evaluator.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**\n\n%s\n\n", rule.Title, strings.TrimSpace(rule.Description))
	for _, c := range rule.Citations {
		fmt.Fprintf(&b, "- [UNSCR %s, paragraph %s](%s): %s\n", c.Resolution, c.Paragraph, c.URL, c.Summary)
	}
	return b.String()
}

// sarifResult adds one finding of res to the run as a result with its properties.
func sarifResult(run *sarif.Run, res evaluator.Verdict, f evaluator.Finding, message string) *sarif.Result {
	result := run.CreateResultForRule(f.RuleID).
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(message)).
		WithLocations([]*sarif.Location{location(res.Location.File, res.Location.Line)})
	result.WithProperties(sarif.NewPropertyBag().
		Add("event_id", res.EventID).
		Add("verdict", f.Verdict).
		Add("confidence", f.Confidence).
		Add("citations", f.Citations).
		Add("reasoning", f.Reasoning).
		Add("evidence", f.Evidence).
		Add("counter_evidence", f.CounterEvidence))
	result.WithPartialFingerprints(map[string]string{"eventRule/v1": res.EventID + "/" + f.RuleID})
	return result
}
