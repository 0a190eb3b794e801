package report

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/sanctions-dev/sanctions/evaluator"
)

// Markdown renders an analyst's brief: a summary table, a table of findings, then per event its
// findings with citations linked to the resolutions, reasoning, quotes and denials.
type Markdown struct{}

// Render writes r as Markdown.
func (Markdown) Render(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	s := r.Summary
	fmt.Fprintf(bw, "# Sanctions check\n\n> %s\n\n", r.Disclaimer)
	cols := []string{"events", "evaluated", "rejected", "findings"}
	for _, sev := range evaluator.Severities {
		cols = append(cols, string(sev))
	}
	cols = append(cols, "rules", "errors")
	fmt.Fprintf(bw, "| %s |\n|%s\n", strings.Join(cols, " | "), strings.Repeat(" ---: |", len(cols)))
	fmt.Fprintf(bw, "| %d | %d | %d | %d |", s.Events, s.Evaluated, s.Rejected, s.Findings)
	for _, sev := range evaluator.Severities {
		fmt.Fprintf(bw, " %d |", s.BySeverity[string(sev)])
	}
	fmt.Fprintf(bw, " %d | %d |\n\n", s.Rules, r.ErrorCount())
	if line := RegimeLine(r); line != "" {
		fmt.Fprintf(bw, "%s\n\n", line)
	}
	if s.Exempted > 0 {
		fmt.Fprintf(bw, "%s turned off by exemptions, each listed under its event.\n\n", plural(s.Exempted, "finding"))
	}
	if b := r.Baseline; b != nil {
		fmt.Fprintf(bw, "%d findings already in the baseline `%s` are not shown; %d baseline entries no longer occur.\n\n", b.Suppressed, b.File, len(b.Stale))
		if len(b.Expired) > 0 {
			fmt.Fprintf(bw, "%d expired baseline entries no longer accept their findings, reported again:\n\n", len(b.Expired))
			for _, e := range b.Expired {
				fmt.Fprintf(bw, "- %s %s (%s)\n", mdText(e.EventID), mdText(e.RuleID), mdText(e.Until()))
			}
			fmt.Fprintln(bw)
		}
	}

	if note := r.Hidden.Note(); note != "" {
		fmt.Fprintf(bw, "Not shown: %s\n\n", mdText(note))
	}

	if s.Findings > 0 {
		fmt.Fprintf(bw, "## Findings\n\n| event | rule | severity | verdict | confidence | citations |\n| --- | --- | --- | --- | --- | --- |\n")
		for _, res := range r.Results {
			for _, f := range res.Findings {
				fmt.Fprintf(bw, "| [%s](#%s) | %s | %s | %s | %s | %s |\n", mdCell(res.EventID), anchorOf(res.EventID), f.RuleID,
					f.Severity, verdictText(f.Verdict), f.Confidence, mdCell(citationLinks(f.Citations)))
			}
		}
		fmt.Fprintln(bw)
		fmt.Fprintf(bw, "## Events with findings\n")
		for _, res := range r.Results {
			if len(res.Findings) > 0 {
				writeMarkdownResult(bw, res)
			}
		}
	}
	if s.Exempted > 0 {
		fmt.Fprintf(bw, "\n## Exempted findings\n\n| event | rule | exemption | basis |\n| --- | --- | --- | --- |\n")
		for _, res := range r.Results {
			for _, f := range res.Exempted {
				id, basis := "", ""
				if e := f.Exemption; e != nil {
					id, basis = e.ID, e.Kind+" exemption under UNSCR "+e.Basis
					if e.URL != "" {
						id = "[" + e.ID + "](" + e.URL + ")"
					}
				}
				fmt.Fprintf(bw, "| [%s](#%s) | %s | %s | %s |\n", mdCell(res.EventID), anchorOf(res.EventID), f.RuleID, mdCell(id), mdCell(basis))
			}
		}
		var all []evaluator.Verdict
		for _, res := range r.Results {
			if len(res.Findings) == 0 && len(res.Exempted) > 0 {
				all = append(all, res)
			}
		}
		if len(all) > 0 {
			fmt.Fprintf(bw, "\n## Events whose findings were all exempted\n")
			for _, res := range all {
				writeMarkdownResult(bw, res)
			}
		}
	}
	var quiet []string
	for _, res := range r.Results {
		if len(res.Findings) == 0 && len(res.Exempted) == 0 {
			quiet = append(quiet, fmt.Sprintf("`%s` (%s:%d)", res.EventID, res.Location.File, res.Location.Line))
		}
	}
	if len(quiet) > 0 {
		fmt.Fprintf(bw, "\n## Events without findings\n\n%s\n", strings.Join(quiet, ", "))
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(bw, "\n## Errors\n\n")
		for _, e := range r.Errors {
			fmt.Fprintf(bw, "- `%s`\n", strings.ReplaceAll(e.Error(), "`", "'"))
		}
	}
	return bw.Flush()
}

func writeMarkdownResult(w *bufio.Writer, res evaluator.Verdict) {
	when := res.Event.Date
	if res.Event.EndDate != "" {
		when += " to " + res.Event.EndDate
	}
	fmt.Fprintf(w, "\n### %s\n\n*%s, %s, `%s:%d`*\n\n", res.EventID, res.Event.Type, when, res.Location.File, res.Location.Line)
	if res.Event.Summary != "" {
		fmt.Fprintf(w, "%s\n", mdText(res.Event.Summary))
	}
	sources := map[string]evaluator.Source{}
	for _, s := range res.Event.Sources {
		sources[s.ID] = s
	}
	for _, f := range res.Findings {
		fmt.Fprintf(w, "\n#### %s: %s\n\n", f.RuleID, f.Title)
		fmt.Fprintf(w, "**Verdict:** %s · **Confidence:** %s · **Severity:** %s\n\n", verdictText(f.Verdict), f.Confidence, f.Severity)
		fmt.Fprintf(w, "Citations:\n\n")
		for _, c := range f.Citations {
			fmt.Fprintf(w, "- [UNSCR %s, paragraph %s](%s): %s", c.Resolution, c.Paragraph, c.URL, c.Summary)
			if c.Note != "" {
				fmt.Fprintf(w, " *(%s)*", c.Note)
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "\nReasoning:\n\n")
		for i, s := range f.Reasoning {
			fmt.Fprintf(w, "%d. %s\n", i+1, mdText(s))
		}
		if len(f.Evidence) > 0 {
			fmt.Fprintf(w, "\nEvidence:\n\n")
			for _, e := range f.Evidence {
				fmt.Fprintf(w, "> \"%s\"\n> — %s\n\n", mdText(strings.ReplaceAll(e.Quote, "\n", " ")), sourceMarkdown(sources, e.Source))
			}
		}
		if len(f.CounterEvidence) > 0 {
			var d []string
			for _, c := range f.CounterEvidence {
				s := c.Status + " by " + c.By
				if c.Note != "" {
					s += ": " + c.Note
				}
				if c.URL != "" {
					s += " (<" + c.URL + ">)"
				}
				d = append(d, s)
			}
			fmt.Fprintf(w, "%s: %s.\n", counterHeading(f.CounterEvidence), strings.Join(d, "; "))
		}
	}
	for _, f := range res.Exempted {
		fmt.Fprintf(w, "\n#### %s\n\n", mdText(ExemptedLine(f)))
		fmt.Fprintf(w, "**Finding turned off:** %s · **Confidence:** %s · **Severity:** %s\n", verdictText(f.Verdict), f.Confidence, f.Severity)
		if e := f.Exemption; e != nil {
			if e.Reference != "" {
				fmt.Fprintf(w, "\nExemption: %s\n", mdText(e.Reference))
			}
			if e.Reason != "" {
				fmt.Fprintf(w, "\nWhy: %s\n", mdText(e.Reason))
			}
			if e.URL != "" {
				fmt.Fprintf(w, "\nSource: <%s>\n", e.URL)
			}
		}
	}
}

func sourceMarkdown(sources map[string]evaluator.Source, id string) string {
	s, ok := sources[id]
	if !ok {
		return "source " + id
	}
	text := mdText(sourceText(sources, id))
	if s.URL != "" {
		text = strings.Replace(text, mdText(s.URL), "<"+s.URL+">", 1)
	}
	return text
}

func citationLinks(cs []evaluator.Citation) string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("[%s %s](%s)", c.Resolution, c.Paragraph, c.URL))
	}
	return strings.Join(out, "; ")
}

// mdText escapes text from an event (a summary, a quote, a publisher) so that Markdown shows it
// as written: no emphasis, links, raw HTML, headings or lists of its own.
func mdText(s string) string {
	var b strings.Builder
	for i, r := range s {
		if strings.ContainsRune("\\`*_[]<>|", r) || (i == 0 && strings.ContainsRune("#-+=>", r)) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if m := orderedListStart.FindStringIndex(out); m != nil { // "1. " would start a list
		out = out[:m[1]-1] + "\\" + out[m[1]-1:]
	}
	return out
}

var orderedListStart = regexp.MustCompile(`^\d+[.)]`)

func mdCell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

// anchorOf is the GitHub-style anchor of a heading made of an event id.
func anchorOf(id string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(id) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteRune('-')
		}
	}
	return b.String()
}
