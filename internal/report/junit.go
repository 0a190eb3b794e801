package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/sanctions-dev/sanctions/internal/junit"
)

// JUnit renders a test suite per input file and a test case per event and rule: a finding is a
// failure carrying its reasoning; a finding an exemption turned off is skipped, with the
// exemption; a rejected event or a failing rule is an error.
type JUnit struct{}

// Render writes r as JUnit XML.
func (JUnit) Render(w io.Writer, r *Report) error {
	out := junit.Suites{Name: "sanctions"}
	suites := map[string]*junit.Suite{}
	var order []string
	suite := func(file string) *junit.Suite {
		if s, ok := suites[file]; ok {
			return s
		}
		suites[file] = &junit.Suite{Name: file}
		order = append(order, file)
		return suites[file]
	}
	failed := map[string]map[string]bool{} // event -> rule that failed at run time
	for _, e := range r.Errors {
		if e.RuleID != "" && e.EventID != "" {
			if failed[e.EventID] == nil {
				failed[e.EventID] = map[string]bool{}
			}
			failed[e.EventID][e.RuleID] = true
		}
	}
	for _, res := range r.Results {
		s := suite(res.Location.File)
		byRule, exempted := map[string]int{}, map[string]int{}
		for i, f := range res.Findings {
			byRule[f.RuleID] = i
		}
		for i, f := range res.Exempted {
			exempted[f.RuleID] = i
		}
		for _, rule := range r.Rules {
			c := junit.Case{Name: rule.ID, ClassName: res.EventID, File: res.Location.File, Line: res.Location.Line}
			if i, ok := byRule[rule.ID]; ok {
				f := res.Findings[i]
				c.Failure = &junit.Message{
					Message: fmt.Sprintf("%s: %s (%s, confidence %s)", f.RuleID, f.Title, verdictText(f.Verdict), f.Confidence),
					Type:    string(f.Severity),
					Text:    strings.Join(f.Reasoning, "\n"),
				}
			}
			if i, ok := exempted[rule.ID]; ok && c.Failure == nil {
				f := res.Exempted[i]
				c.Skipped = &junit.Message{
					Message: exemptionText(f),
					Text:    strings.Join(f.Reasoning, "\n"),
				}
			}
			if failed[res.EventID][rule.ID] {
				c.Error = &junit.Message{Message: "the rule failed on this event", Type: "rule_error"}
			}
			s.Cases = append(s.Cases, c)
		}
	}
	for _, e := range r.Errors {
		if e.RuleID != "" && e.EventID != "" {
			continue // shown on the event's test case
		}
		name := e.EventID
		if name == "" {
			name = "input"
		}
		s := suite(e.File)
		s.Cases = append(s.Cases, junit.Case{Name: name, ClassName: "rejected", File: e.File, Line: e.Line,
			Error: &junit.Message{Message: e.Error(), Type: "invalid_input"}})
	}
	for _, name := range order {
		out.Add(*suites[name])
	}
	return junit.Write(w, out)
}
