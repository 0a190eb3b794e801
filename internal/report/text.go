package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/sortedkeys"
)

// Text renders a report for a terminal: per event its findings, with verdict, confidence,
// citations, reasoning and evidence, then the errors and a closing summary.
type Text struct {
	Quiet bool
	Color bool // ANSI colours: for a terminal, when NO_COLOR is unset
}

// palette colours parts of the text report, or leaves them plain.
type palette struct{ on bool }

func (p palette) paint(s string, attrs ...color.Attribute) string {
	if !p.on {
		return s
	}
	c := color.New(attrs...)
	c.EnableColor()
	return c.Sprint(s)
}

func (p palette) severity(s evaluator.Severity) string {
	label := "[" + strings.ToUpper(string(s)) + "]"
	switch s {
	case "critical":
		return p.paint(label, color.FgHiRed, color.Bold)
	case "high":
		return p.paint(label, color.FgRed, color.Bold)
	case "medium":
		return p.paint(label, color.FgYellow, color.Bold)
	}
	return p.paint(label, color.FgCyan)
}

// Render writes r as text.
func (t Text) Render(w io.Writer, r *Report) error { return renderStream(t, w, r) }

// Begin writes nothing: the text report starts with its first event.
func (Text) Begin(io.Writer, *Report) error { return nil }

// WriteResult writes one event and its findings.
func (t Text) WriteResult(w io.Writer, _ *Report, res evaluator.Verdict, _ int) error {
	if t.Quiet {
		return nil
	}
	bw := bufio.NewWriter(w)
	writeResult(bw, res, palette{on: t.Color})
	return bw.Flush()
}

// End writes the baseline, the errors, the summary and the disclaimer.
func (t Text) End(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	p := palette{on: t.Color}
	if !t.Quiet {
		if b := r.Baseline; b != nil {
			fmt.Fprintf(bw, "Baseline %s: %d findings already accepted are not shown.\n", b.File, b.Suppressed)
			for _, e := range b.Stale {
				fmt.Fprintf(bw, "  no longer found: %s %s\n", e.EventID, e.RuleID)
			}
			for _, e := range b.Expired {
				fmt.Fprintf(bw, "  expired, reported again: %s %s (%s)\n", e.EventID, e.RuleID, e.Until())
			}
			fmt.Fprintln(bw)
		}
		if len(r.Errors) > 0 {
			fmt.Fprintln(bw, p.paint(fmt.Sprintf("Errors (%d):", r.ErrorCount()), color.FgRed, color.Bold))
			for _, e := range r.Errors {
				fmt.Fprintf(bw, "  %s\n", e.Error())
			}
			fmt.Fprintln(bw)
		}
	}
	fmt.Fprintln(bw, p.paint(SummaryLine(r), color.Bold))
	if line := RegimeLine(r); line != "" {
		fmt.Fprintln(bw, line)
	}
	if note := r.Hidden.Note(); note != "" {
		fmt.Fprintln(bw, "Not shown: "+note)
	}
	fmt.Fprintln(bw, r.Disclaimer)
	return bw.Flush()
}

func writeResult(w *bufio.Writer, res evaluator.Verdict, p palette) {
	when := res.Event.Date
	if res.Event.EndDate != "" {
		when += " to " + res.Event.EndDate
	}
	fmt.Fprintf(w, "%s  %s:%d  (%s, %s)\n", p.paint(res.EventID, color.Bold), res.Location.File, res.Location.Line, res.Event.Type, when)
	if res.Event.Summary != "" {
		fmt.Fprintf(w, "  %s\n", res.Event.Summary)
	}
	sources := map[string]evaluator.Source{}
	for _, s := range res.Event.Sources {
		sources[s.ID] = s
	}
	switch {
	case len(res.Findings) == 0 && len(res.Exempted) == 0:
		fmt.Fprintf(w, "  No findings.\n")
	case len(res.Findings) == 0:
		fmt.Fprintf(w, "  No findings remain: %s exempted, below.\n", plural(len(res.Exempted), "finding"))
	}
	for _, f := range res.Findings {
		fmt.Fprintf(w, "\n  %s %s  %s\n", p.severity(f.Severity), p.paint(f.RuleID, color.Bold), f.Title)
		fmt.Fprintf(w, "    Verdict: %s    Confidence: %s\n", verdictText(f.Verdict), f.Confidence)
		fmt.Fprintf(w, "    Citations:\n")
		for _, c := range f.Citations {
			fmt.Fprintf(w, "      UNSCR %s, paragraph %s  %s\n", c.Resolution, c.Paragraph, c.URL)
			if c.Note != "" {
				fmt.Fprintf(w, "        (%s)\n", c.Note)
			}
		}
		fmt.Fprintf(w, "    Reasoning:\n")
		for i, s := range f.Reasoning {
			fmt.Fprintf(w, "      %d. %s\n", i+1, s)
		}
		if len(f.Evidence) > 0 {
			fmt.Fprintf(w, "    Evidence:\n")
			for _, e := range f.Evidence {
				fmt.Fprintf(w, "      %q\n        — %s\n", e.Quote, sourceText(sources, e.Source))
			}
		}
		if len(f.CounterEvidence) > 0 {
			fmt.Fprintf(w, "    %s:\n", counterHeading(f.CounterEvidence))
			for _, c := range f.CounterEvidence {
				line := fmt.Sprintf("      %s by %s", c.Status, c.By)
				if c.Source != "" {
					line += " (" + sourceText(sources, c.Source) + ")"
				}
				if c.Note != "" {
					line += ": " + c.Note
				}
				if c.URL != "" {
					line += " (" + c.URL + ")"
				}
				fmt.Fprintln(w, line)
			}
		}
	}
	for _, f := range res.Exempted {
		writeExempted(w, f, p)
	}
	fmt.Fprintln(w)
}

// writeExempted writes a finding that an exemption turned off: the exemption, why it matched,
// where it can be read, and what the finding said.
func writeExempted(w *bufio.Writer, f evaluator.Finding, p palette) {
	fmt.Fprintf(w, "\n  %s\n", p.paint(ExemptedLine(f), color.FgGreen, color.Bold))
	fmt.Fprintf(w, "    Finding turned off: %s, confidence %s, severity %s\n", verdictText(f.Verdict), f.Confidence, f.Severity)
	e := f.Exemption
	if e == nil {
		return
	}
	if e.Reference != "" {
		fmt.Fprintf(w, "    Exemption: %s\n", e.Reference)
	}
	if e.Reason != "" {
		fmt.Fprintf(w, "    Why: %s\n", e.Reason)
	}
	if e.URL != "" {
		fmt.Fprintf(w, "    Source: %s\n", e.URL)
	}
}

func verdictText(v string) string {
	switch v {
	case evaluator.PossibleViolation:
		return "possible violation"
	case evaluator.NeedsReview:
		return "needs review"
	}
	return v
}

// sourceText names a source: "EFE, 2024-01-15, https://...".
func sourceText(sources map[string]evaluator.Source, id string) string {
	s, ok := sources[id]
	if !ok {
		return "source " + id
	}
	parts := []string{s.Publisher}
	if s.Published != "" {
		parts = append(parts, s.Published)
	}
	if s.URL != "" {
		parts = append(parts, s.URL)
	}
	return strings.Join(parts, ", ")
}

// SummaryLine is the one-line account of a run.
func SummaryLine(r *Report) string {
	s := r.Summary
	var sev []string
	for _, v := range evaluator.Severities {
		if n := s.BySeverity[string(v)]; n > 0 {
			sev = append(sev, fmt.Sprintf("%d %s", n, v))
		}
	}
	line := fmt.Sprintf("%s: %d evaluated, %d rejected; %s", plural(s.Events, "event"), s.Evaluated, s.Rejected, plural(s.Findings, "finding"))
	if len(sev) > 0 {
		line += " (" + strings.Join(sev, ", ") + ")"
	}
	if s.Exempted > 0 {
		line += fmt.Sprintf("; %d exempted", s.Exempted)
	}
	line += fmt.Sprintf("; %s; %s.", plural(s.Rules, "rule"), plural(r.ErrorCount(), "error"))
	return line
}

// RegimeLine counts the findings by regime, when they come from more than one ("" otherwise):
// "Findings by regime: DPRK 3, IRAN 1, YEMEN 1."
func RegimeLine(r *Report) string {
	if len(r.Summary.ByRegime) < 2 {
		return ""
	}
	var parts []string
	for _, k := range sortedkeys.Of(r.Summary.ByRegime) {
		parts = append(parts, fmt.Sprintf("%s %d", k, r.Summary.ByRegime[k]))
	}
	return "Findings by regime: " + strings.Join(parts, ", ") + "."
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// counterHeading names a finding's counter-evidence: denials of the event, and, when a cited
// paragraph's law is contested (the restored Iran measures), that challenge.
func counterHeading(cs []evaluator.CounterEvidence) string {
	denials, contested := false, false
	for _, c := range cs {
		if c.Status == "contested" {
			contested = true
		} else {
			denials = true
		}
	}
	switch {
	case contested && denials:
		return "Denials, and the law contested"
	case contested:
		return "The law contested"
	}
	return "Denials"
}
