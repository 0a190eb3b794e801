// Package ruletest runs a rule library's own checks: the Rego unit tests (*_test.rego), the
// examples beside each rule (examples.yaml: events that must and must not fire it), and fixture
// files whose expect blocks say which rules must fire on each event. Examples and fixtures go
// through the same check run as `sanctions check` (internal/checkrun).
package ruletest

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/sortedkeys"
)

// Case is the outcome of one check.
type Case struct {
	Kind    string `json:"kind"` // rego, example or fixture
	Name    string `json:"name"` // the test rule, or the event id
	Rule    string `json:"rule,omitempty"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Pass    bool   `json:"pass"`
	Message string `json:"message,omitempty"`

	pkg     string // a Rego test's package: sanctions.dprk.arms_export_test
	test    string // a Rego test's rule: test_fires_on_arms
	event   string // the event the case is about, when it is one
	section string // an example's section: fire or quiet
	fault   string // why the case could not be judged: invalid_input (no event), rule_error, test_error
}

// Fault kinds: a case that could not be judged, an error rather than a failure in JUnit.
const (
	faultInput = "invalid_input" // the input is no event: it did not decode, or the schema rejects it
	faultRule  = "rule_error"    // a rule failed on the event
	faultTest  = "test_error"    // a Rego test failed with an error, not on an expression
)

// FullName is the name --run matches: rego/PACKAGE.TEST for a Rego test,
// example/RULE-ID/SECTION/EVENT-ID for an example (RULE-ID/examples.yaml, RULE-ID/fire or
// RULE-ID/quiet when the examples are missing), fixture/FILE/EVENT-ID for a fixture's event.
func (c Case) FullName() string {
	parts := []string{c.Kind}
	switch c.Kind {
	case "rego":
		parts = append(parts, c.Name)
	case "example":
		parts = append(parts, c.Rule, c.section, c.event)
		if c.event == "" && c.section == "" {
			parts = append(parts, c.Name)
		}
	default:
		parts = append(parts, c.File, c.Name)
	}
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), "/")
}

// Select keeps the cases whose FullName run matches (all of them when run is nil).
func Select(cases []Case, run *regexp.Regexp) []Case {
	if run == nil {
		return cases
	}
	var out []Case
	for _, c := range cases {
		if run.MatchString(c.FullName()) {
			out = append(out, c)
		}
	}
	return out
}

func (c Case) String() string {
	status := "PASS"
	if !c.Pass {
		status = "FAIL"
	}
	s := fmt.Sprintf("%s %s %s:%d %s", status, c.Kind, c.File, c.Line, c.Name)
	if c.Rule != "" {
		s += " (" + c.Rule + ")"
	}
	if c.Message != "" {
		s += ": " + c.Message
	}
	return s
}

// Failed counts the cases that did not pass.
func Failed(cases []Case) int {
	n := 0
	for _, c := range cases {
		if !c.Pass {
			n++
		}
	}
	return n
}

// CompareVerdicts says how the verdicts of the findings differ from those expected, or "".
func CompareVerdicts(want map[string]string, got []evaluator.Finding) string {
	var diffs []string
	for _, r := range sortedkeys.Of(want) {
		for _, f := range got {
			if f.RuleID == r && f.Verdict != want[r] {
				diffs = append(diffs, fmt.Sprintf("%s is %s, want %s: %s", r, f.Verdict, want[r], strings.Join(f.Reasoning, " ")))
			}
		}
	}
	return strings.Join(diffs, "; ")
}

// Compare says how the rules that fired differ from the rules expected, or "" when they match.
func Compare(want []string, got []evaluator.Finding) string {
	return compareRules(want, got, func(r string) string { return "missing " + r }, func(f *evaluator.Finding) string {
		return fmt.Sprintf("unexpected %s (%s): %s", f.RuleID, f.Verdict, strings.Join(f.Reasoning, " "))
	})
}

// CompareExempted says how the rules whose findings an exemption turned off differ from those
// expected, or "" when they match.
func CompareExempted(want []string, got []evaluator.Finding) string {
	return compareRules(want, got, func(r string) string { return "no exemption of " + r }, func(f *evaluator.Finding) string {
		return fmt.Sprintf("unexpected exemption of %s by %s", f.RuleID, f.Exemption.ID)
	})
}

// compareRules compares the rule ids of got with want, saying each one missing and each one
// unexpected.
func compareRules(want []string, got []evaluator.Finding, missing func(string) string, unexpected func(*evaluator.Finding) string) string {
	wantSet := map[string]bool{}
	for _, r := range want {
		wantSet[r] = true
	}
	gotSet := map[string]*evaluator.Finding{}
	for i := range got {
		gotSet[got[i].RuleID] = &got[i]
	}
	var diffs []string
	for _, r := range sortedkeys.Of(wantSet) {
		if gotSet[r] == nil {
			diffs = append(diffs, missing(r))
		}
	}
	for _, r := range sortedkeys.Of(gotSet) {
		if !wantSet[r] {
			diffs = append(diffs, unexpected(gotSet[r]))
		}
	}
	return strings.Join(diffs, "; ")
}

// problemCase is an input that could not be read as an event.
func problemCase(kind, rule string, p *diag.Problem) Case {
	return Case{Kind: kind, Name: p.EventID, Rule: rule, File: p.File, Line: p.Line, Message: p.Error(), event: p.EventID, fault: faultInput}
}

func sortCases(cases []Case) {
	sort.SliceStable(cases, func(i, j int) bool {
		if cases[i].File != cases[j].File {
			return cases[i].File < cases[j].File
		}
		return cases[i].Line < cases[j].Line
	})
}
