// Package ruledoc writes the rule reference (docs/rules.md) from the rules' METADATA, so the
// documentation cannot drift from the rules: a test fails when it does.
package ruledoc

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/sanctions-dev/sanctions/evaluator"
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
		b.WriteString("| resolution | paragraph | in force from | what it says |\n| --- | --- | --- | --- |\n")
		for _, c := range r.Citations {
			summary := c.Summary
			if c.Note != "" {
				summary += " *(" + c.Note + ")*"
			}
			fmt.Fprintf(&b, "| [%s](%s) | %s | %s | %s |\n", c.Resolution, c.URL, c.Paragraph, c.InForce, summary)
		}
	}
	return b.Bytes()
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
