package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/sanctions-dev/sanctions/evaluator"
)

// GitHub renders GitHub Actions workflow commands: an annotation per finding at its event's file
// and line (::error for critical and high, ::warning for medium, ::notice for low and info, as
// SARIF's levels), titled with the rule, its message the SARIF result's; an annotation per error
// (a rejected event, a rule that failed). Exempted findings are not annotated: they are turned
// off. Values are escaped as the workflow-command syntax requires.
type GitHub struct{}

// githubCommand maps severity to a workflow command.
func githubCommand(s evaluator.Severity) string {
	if l := sarifLevel(s); l != "note" {
		return l
	}
	return "notice"
}

// Render writes r as workflow commands, one a line.
func (GitHub) Render(w io.Writer, r *Report) error {
	var b strings.Builder
	for _, res := range r.Results {
		for _, f := range res.Findings {
			githubLine(&b, githubCommand(f.Severity), res.Location.File, res.Location.Line,
				f.RuleID+": "+f.Title, resultMessage(res.EventID, f))
		}
		for _, f := range res.Exempted {
			githubLine(&b, "notice", res.Location.File, res.Location.Line,
				f.RuleID+": "+f.Title+" (exempted)", ExemptedLine(f)+". "+resultMessage(res.EventID, f))
		}
	}
	for _, e := range r.Errors {
		title := "sanctions: error"
		switch {
		case e.RuleID != "":
			title = e.RuleID + ": rule failed"
		case e.File != "":
			title = "sanctions: input rejected"
		}
		githubLine(&b, "error", e.File, e.Line, title, e.Error())
	}
	// Every evaluated event is a line of a collapsed group of the log, so the run accounts for
	// each event without an annotation for those that need none.
	fmt.Fprintf(&b, "::group::sanctions: %s\n", githubData(SummaryLine(r)))
	for _, res := range r.Results {
		fmt.Fprintf(&b, "%s:%d %s: %s\n", res.Location.File, res.Location.Line, res.EventID, githubCount(len(res.Findings), len(res.Exempted)))
	}
	b.WriteString("::endgroup::\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// githubCount says how many findings an event has.
func githubCount(findings, exempted int) string {
	s := "no findings"
	switch {
	case findings == 1:
		s = "1 finding"
	case findings > 1:
		s = strconv.Itoa(findings) + " findings"
	}
	if exempted > 0 {
		s += ", " + strconv.Itoa(exempted) + " exempted"
	}
	return s
}

// githubLine writes one command with its file, line and title properties (each left out when
// empty) and its message.
func githubLine(b *strings.Builder, command, file string, line int, title, message string) {
	var props []string
	if file != "" {
		props = append(props, "file="+githubProperty(file))
		if line > 0 {
			props = append(props, "line="+strconv.Itoa(line))
		}
	}
	if title != "" {
		props = append(props, "title="+githubProperty(title))
	}
	fmt.Fprintf(b, "::%s %s::%s\n", command, strings.Join(props, ","), githubData(message))
}

// githubData escapes a command's message: %, carriage return and line feed.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// githubProperty escapes a property's value: as a message, and : and , besides.
var githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace
