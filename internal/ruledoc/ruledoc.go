// Package ruledoc writes the rule reference (docs/rules.md) from the rules' METADATA, so the
// documentation cannot drift from the rules: a test fails when it does.
package ruledoc

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/library"
)

// Markdown renders the reference of the given rules.
func Markdown(rules []evaluator.Rule) []byte {
	var b bytes.Buffer
	b.WriteString("# Rule reference\n\n")
	b.WriteString("<!-- Generated from the rules' METADATA by `sanctions rules doc > docs/rules.md`; do not edit. -->\n\n")
	b.WriteString("Every rule of the shipped library, with what it prohibits and the resolution paragraphs it cites.\n")
	b.WriteString("How rules are written and tested: [writing-rules.md](writing-rules.md).\n\n")
	writeConfirmation(&b, rules)
	var regimes []string // in the order of the rules' ids
	byRegime := map[string][]evaluator.Rule{}
	for _, r := range rules {
		if _, seen := byRegime[r.Regime]; !seen {
			regimes = append(regimes, r.Regime)
		}
		byRegime[r.Regime] = append(byRegime[r.Regime], r)
	}
	b.WriteString("The rules by regime: ")
	for i, g := range regimes {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "[%s](#the-%s-regime) (%d)", g, strings.ToLower(g), len(byRegime[g]))
	}
	b.WriteString(". Each citation says when it applied (`in force`): the same event date selects\n")
	b.WriteString("a regime's earlier, later or restored measures, or none.\n")
	for _, g := range regimes {
		fmt.Fprintf(&b, "\n## The %s regime\n\n", g)
		writeRegime(&b, byRegime[g])
	}
	return b.Bytes()
}

// writeRegime writes the table of one regime's rules, then each rule with its citations.
func writeRegime(b *bytes.Buffer, rules []evaluator.Rule) {
	b.WriteString("| id | title | category | severity | cites | in force | confirmed |\n| --- | --- | --- | --- | --- | --- | --- |\n")
	for _, r := range rules {
		var cites []string
		confirmed := 0
		for _, c := range r.Citations {
			cites = append(cites, c.Resolution+" "+c.Paragraph)
			if c.Confirmed != "" {
				confirmed++
			}
		}
		fmt.Fprintf(b, "| [%s](#%s) | %s | %s | %s | %s | %s | %d of %d |\n", r.ID, anchor(r.ID), r.Title, r.Category, r.Severity,
			strings.Join(cites, "; "), spanInForce(r.Citations), confirmed, len(r.Citations))
	}
	for _, r := range rules {
		fmt.Fprintf(b, "\n### %s\n\n", r.ID)
		fmt.Fprintf(b, "**%s**. Regime %s, category `%s`, severity `%s`", r.Title, r.Regime, r.Category, r.Severity)
		if r.Deprecated {
			b.WriteString(", **deprecated**")
		}
		fmt.Fprintf(b, ". Package `%s`, in `%s`.\n\n", strings.TrimPrefix(r.Package, "data."), trimSource(r.File))
		b.WriteString(strings.TrimSpace(r.Description) + "\n\n")
		b.WriteString("| resolution | paragraph | in force | what it says | confirmed by |\n| --- | --- | --- | --- | --- |\n")
		for _, c := range r.Citations {
			summary := c.Summary
			if c.Note != "" && c.Note != evaluator.UnconfirmedNote {
				summary += " *(" + c.Note + ")*"
			}
			if c.Contested != "" {
				summary += " **Contested**: " + c.Contested
			}
			fmt.Fprintf(b, "| [%s](%s) | %s | %s | %s | %s |\n", c.Resolution, c.URL, c.Paragraph, inForce(c), summary, confirmedBy(c))
		}
	}
}

// spanInForce is when a rule's citations applied, from the earliest: "from 2006-10-14", or with
// the gaps between its periods: "2007-03-24 to 2020-10-17; from 2025-09-28".
func spanInForce(cites []evaluator.Citation) string {
	type span struct{ from, until string }
	var spans []span
	for _, c := range cites {
		spans = append(spans, span{c.InForce, c.Until})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	var merged []span
	for _, s := range spans {
		if n := len(merged); n > 0 {
			last := &merged[n-1]
			if last.until == "" || s.from <= dayAfter(last.until) {
				if last.until != "" && (s.until == "" || s.until > last.until) {
					last.until = s.until
				}
				continue
			}
		}
		merged = append(merged, s)
	}
	var parts []string
	for _, s := range merged {
		if s.until == "" {
			parts = append(parts, "from "+s.from)
		} else {
			parts = append(parts, s.from+" to "+s.until)
		}
	}
	return strings.Join(parts, "; ")
}

// dayAfter is the day after a date written YYYY-MM-DD.
func dayAfter(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.AddDate(0, 0, 1).Format(time.DateOnly)
}

// paragraph is one resolution paragraph, however many rules cite it.
type paragraph struct {
	resolution, number string
}

// writeConfirmation writes the summary count and the list of the cited paragraphs: which were
// seen with their text in the resolution (or a faithful copy), where, and which were not.
func writeConfirmation(b *bytes.Buffer, rules []evaluator.Rule) {
	var order []paragraph
	sources := map[paragraph][]string{}
	citedBy := map[paragraph][]string{}
	cites, unconfirmed := map[paragraph]int{}, map[paragraph]int{}
	total, confirmed := 0, 0
	for _, r := range rules {
		for _, c := range r.Citations {
			total++
			p := paragraph{c.Resolution, c.Paragraph}
			if _, seen := citedBy[p]; !seen {
				order = append(order, p)
			}
			if !slices.Contains(citedBy[p], r.ID) {
				citedBy[p] = append(citedBy[p], r.ID)
			}
			cites[p]++
			if c.Confirmed != "" {
				confirmed++
				if !slices.Contains(sources[p], c.Confirmed) {
					sources[p] = append(sources[p], c.Confirmed)
				}
			} else {
				unconfirmed[p]++
			}
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].resolution != order[j].resolution {
			return numberedLess(order[i].resolution, order[j].resolution)
		}
		return numberedLess(order[i].number, order[j].number)
	})
	confirmedParas := 0
	for _, p := range order {
		if len(sources[p]) > 0 {
			confirmedParas++
		}
	}
	b.WriteString("## Citations confirmed against the resolution texts\n\n")
	fmt.Fprintf(b, "%s of %s. Confirmed: %s (%s). Not yet confirmed: %s (%s).\n",
		plural(total, "citation"), plural(len(order), "paragraph"), plural(confirmed, "citation"), plural(confirmedParas, "paragraph"),
		plural(total-confirmed, "citation"), plural(len(order)-confirmedParas, "paragraph"))
	b.WriteString("A paragraph is confirmed when its text was seen with its number in the resolution or in a faithful copy that\n")
	b.WriteString("quotes it, named here; every other citation carries the note \"" + evaluator.UnconfirmedNote + "\".\n\n")
	b.WriteString("| resolution | paragraph | confirmed by | cited by |\n| --- | --- | --- | --- |\n")
	for _, p := range order {
		by := "not yet confirmed"
		if len(sources[p]) > 0 {
			var links []string
			for _, s := range sources[p] {
				links = append(links, sourceLink(s))
			}
			by = strings.Join(links, "; ")
			if n := unconfirmed[p]; n > 0 {
				by += fmt.Sprintf(" (not yet for %d of its %d citations)", n, cites[p])
			}
		}
		var ids []string
		for _, id := range citedBy[p] {
			ids = append(ids, fmt.Sprintf("[%s](#%s)", id, anchor(id)))
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", p.resolution, p.number, by, strings.Join(ids, ", "))
	}
	b.WriteString("\n## Rules\n\n")
}

// confirmedBy is a citation's confirmation cell: its source, or that it has none yet.
func confirmedBy(c evaluator.Citation) string {
	if c.Confirmed == "" {
		return "not yet confirmed"
	}
	return sourceLink(c.Confirmed)
}

// sourceLink shows a confirmation source: a web page as a link named by its host, a file of a
// repository (owner/repo:path) as code.
func sourceLink(s string) string {
	if u, err := url.Parse(s); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return fmt.Sprintf("[%s](%s)", strings.TrimPrefix(u.Host, "www."), s)
	}
	return "`" + s + "`"
}

// numberedLess orders by the leading number, then as text: "1718 (2006)" before "2270 (2016)",
// and paragraphs as they are numbered, "8(a)(i)" < "8(b)" < "9" < "10".
func numberedLess(a, b string) bool {
	na, nb := leadingNumber(a), leadingNumber(b)
	if na != nb {
		return na < nb
	}
	return a < b
}

func leadingNumber(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func inForce(c evaluator.Citation) string {
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
func Show(r evaluator.Rule, lib *library.Library) []byte {
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
		if c.Confirmed != "" {
			fmt.Fprintf(&b, "      (confirmed: %s)\n", c.Confirmed)
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
