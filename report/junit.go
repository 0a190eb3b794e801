package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// JUnit renders a test suite per input file and a test case per event and rule: a finding is a
// failure carrying its reasoning; a rejected event or a failing rule is an error.
type JUnit struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitMessage `xml:"failure,omitempty"`
	Error     *junitMessage `xml:"error,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// Render writes r as JUnit XML.
func (JUnit) Render(w io.Writer, r *Report) error {
	out := junitSuites{Name: "sanctions"}
	suites := map[string]*junitSuite{}
	var order []string
	suite := func(file string) *junitSuite {
		if s, ok := suites[file]; ok {
			return s
		}
		suites[file] = &junitSuite{Name: file}
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
		byRule := map[string]int{}
		for i, f := range res.Findings {
			byRule[f.RuleID] = i
		}
		for _, rule := range r.Rules {
			c := junitCase{Name: rule.ID, ClassName: res.EventID, File: res.Location.File, Line: res.Location.Line}
			if i, ok := byRule[rule.ID]; ok {
				f := res.Findings[i]
				c.Failure = &junitMessage{
					Message: fmt.Sprintf("%s: %s (%s, confidence %s)", f.RuleID, f.Title, verdictText(f.Verdict), f.Confidence),
					Type:    string(f.Severity),
					Text:    strings.Join(f.Reasoning, "\n"),
				}
			}
			if failed[res.EventID][rule.ID] {
				c.Error = &junitMessage{Message: "the rule failed on this event", Type: "rule_error"}
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
		s.Cases = append(s.Cases, junitCase{Name: name, ClassName: "rejected", File: e.File, Line: e.Line,
			Error: &junitMessage{Message: e.Error(), Type: "invalid_input"}})
	}
	for _, name := range order {
		s := suites[name]
		for _, c := range s.Cases {
			s.Tests++
			if c.Failure != nil {
				s.Failures++
			}
			if c.Error != nil {
				s.Errors++
			}
		}
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
		out.Suites = append(out.Suites, *s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
