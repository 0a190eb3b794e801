package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/sanctions-dev/sanctions/finding"
)

// Text renders a report for a terminal: per event its findings, with verdict, confidence,
// citations, reasoning and evidence, then the errors and a closing summary.
type Text struct {
	Quiet bool
}

// Render writes r as text.
func (t Text) Render(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	if !t.Quiet {
		for _, res := range r.Results {
			writeResult(bw, res)
		}
		if len(r.Errors) > 0 {
			fmt.Fprintf(bw, "Errors (%d):\n", len(r.Errors))
			for _, e := range r.Errors {
				fmt.Fprintf(bw, "  %s\n", e.Error())
			}
			fmt.Fprintln(bw)
		}
	}
	fmt.Fprintln(bw, SummaryLine(r))
	fmt.Fprintln(bw, r.Disclaimer)
	return bw.Flush()
}

func writeResult(w *bufio.Writer, res Result) {
	when := res.Event.Date
	if res.Event.EndDate != "" {
		when += " to " + res.Event.EndDate
	}
	fmt.Fprintf(w, "%s  %s:%d  (%s, %s)\n", res.EventID, res.Location.File, res.Location.Line, res.Event.Type, when)
	if res.Event.Summary != "" {
		fmt.Fprintf(w, "  %s\n", res.Event.Summary)
	}
	sources := map[string]Source{}
	for _, s := range res.Event.Sources {
		sources[s.ID] = s
	}
	if len(res.Findings) == 0 {
		fmt.Fprintf(w, "  No findings.\n")
	}
	for _, f := range res.Exempted {
		e := f.Exemption
		fmt.Fprintf(w, "\n  [EXEMPTED] %s  %s\n    by %s (%s exemption under UNSCR %s)", f.RuleID, f.Title, e.ID, e.Kind, e.Basis)
		if e.Reference != "" {
			fmt.Fprintf(w, ": %s", e.Reference)
		}
		fmt.Fprintln(w)
	}
	for _, f := range res.Findings {
		fmt.Fprintf(w, "\n  [%s] %s  %s\n", strings.ToUpper(string(f.Severity)), f.RuleID, f.Title)
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
			fmt.Fprintf(w, "    Denials:\n")
			for _, c := range f.CounterEvidence {
				line := fmt.Sprintf("      %s by %s", c.Status, c.By)
				if c.Source != "" {
					line += " (" + sourceText(sources, c.Source) + ")"
				}
				fmt.Fprintln(w, line)
			}
		}
	}
	fmt.Fprintln(w)
}

func verdictText(v string) string {
	switch v {
	case finding.PossibleViolation:
		return "possible violation"
	case finding.NeedsReview:
		return "needs review"
	}
	return v
}

// sourceText names a source: "EFE, 2024-01-15, https://...".
func sourceText(sources map[string]Source, id string) string {
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
	for _, v := range finding.Severities {
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
	line += fmt.Sprintf("; %s; %s.", plural(s.Rules, "rule"), plural(len(r.Errors), "error"))
	return line
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
