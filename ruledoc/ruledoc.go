// Package ruledoc writes the rule reference (docs/rules.md) from the rules' METADATA, so the
// documentation cannot drift from the rules: a test fails when it does.
package ruledoc

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/finding"
	"github.com/sanctions-dev/sanctions/ruleset"
)

// Markdown renders the reference of the given rules.
func Markdown(rules []evaluator.Rule) []byte {
	var b bytes.Buffer
	b.WriteString("# Rule reference\n\n")
	b.WriteString("<!-- Generated from the rules' METADATA by `sanctions rules doc > docs/rules.md`; do not edit. -->\n\n")
	b.WriteString("Every rule of the shipped library, with what it prohibits and the resolution paragraphs it cites.\n")
	b.WriteString("How rules are written and tested: [writing-rules.md](writing-rules.md).\n\n")
	b.WriteString("| id | title | category | severity | cites |\n| --- | --- | --- | --- | --- |\n")
	for _, r := range rules {
		var cites []string
		for _, c := range r.Citations {
			cites = append(cites, c.Resolution+" "+c.Paragraph)
		}
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s | %s |\n", r.ID, anchor(r.ID), r.Title, r.Category, r.Severity, strings.Join(cites, "; "))
	}
	for _, r := range rules {
		fmt.Fprintf(&b, "\n## %s\n\n", r.ID)
		fmt.Fprintf(&b, "**%s**. Regime %s, category `%s`, severity `%s`", r.Title, r.Regime, r.Category, r.Severity)
		if r.Deprecated {
			b.WriteString(", **deprecated**")
		}
		fmt.Fprintf(&b, ". Package `%s`, in `%s`.\n\n", strings.TrimPrefix(r.Package, "data."), trimSource(r.File))
		b.WriteString(strings.TrimSpace(r.Description) + "\n\n")
		b.WriteString("| resolution | paragraph | in force | what it says |\n| --- | --- | --- | --- |\n")
		for _, c := range r.Citations {
			summary := c.Summary
			if c.Note != "" {
				summary += " *(" + c.Note + ")*"
			}
			fmt.Fprintf(&b, "| [%s](%s) | %s | %s | %s |\n", c.Resolution, c.URL, c.Paragraph, inForce(c), summary)
		}
	}
	return b.Bytes()
}

func inForce(c finding.Citation) string {
	if c.Until != "" {
		return c.InForce + " to " + c.Until
	}
	return "from " + c.InForce
}

func anchor(id string) string { return strings.ToLower(id) }

// trimSource shows a rule file relative to the library: rules/sanctions/... whatever directory
// the rules were loaded from.
func trimSource(file string) string {
	if i := strings.Index(file, "sanctions/"); i >= 0 {
		return "rules/" + file[i:]
	}
	return file
}

// Show renders one rule for a terminal: its metadata, citations, file, and the ids of its
// examples.
func Show(r evaluator.Rule, lib *ruleset.Library) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s  %s\n", r.ID, r.Title)
	fmt.Fprintf(&b, "  regime %s, category %s, severity %s", r.Regime, r.Category, r.Severity)
	if r.Deprecated {
		b.WriteString(", deprecated")
	}
	fmt.Fprintf(&b, "\n  package %s\n  file %s:%d\n\n", strings.TrimPrefix(r.Package, "data."), r.File, r.Line)
	for _, line := range wrap(strings.TrimSpace(r.Description), 92) {
		fmt.Fprintf(&b, "  %s\n", line)
	}
	b.WriteString("\nCitations (most specific first):\n")
	for _, c := range r.Citations {
		fmt.Fprintf(&b, "  UNSCR %s, paragraph %s, in force %s  %s\n", c.Resolution, c.Paragraph, inForce(c), c.URL)
		for _, line := range wrap(c.Summary, 88) {
			fmt.Fprintf(&b, "      %s\n", line)
		}
		if c.Note != "" {
			fmt.Fprintf(&b, "      (%s)\n", c.Note)
		}
	}
	dir := path.Dir(r.File)
	for _, f := range lib.Examples {
		if path.Dir(f.Name) == dir {
			fmt.Fprintf(&b, "\nExamples: %s\n", f.Name)
		}
	}
	return b.Bytes()
}

func wrap(s string, width int) []string {
	var lines []string
	var cur string
	for _, w := range strings.Fields(s) {
		if cur != "" && len(cur)+1+len(w) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
