// Package diag holds the one error type every stage reports: a problem at a place (file, line,
// column), about an event or a rule where known. Decoding, validation, rule loading and
// evaluation all return these, so a report lists them the same way whatever produced them.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Problem is one error with its place.
type Problem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	EventID string `json:"event_id,omitempty"`
	RuleID  string `json:"rule_id,omitempty"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

// Error renders file:line:col: event "id": rule ID: field f: message.
func (p *Problem) Error() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
			if p.Column > 0 {
				fmt.Fprintf(&b, ":%d", p.Column)
			}
		}
		b.WriteString(": ")
	}
	if p.EventID != "" {
		fmt.Fprintf(&b, "event %q: ", p.EventID)
	}
	if p.RuleID != "" {
		fmt.Fprintf(&b, "rule %s: ", p.RuleID)
	}
	if p.Field != "" {
		fmt.Fprintf(&b, "field %s: ", p.Field)
	}
	b.WriteString(p.Message)
	return b.String()
}

// List is several problems reported together; it is an error when not empty.
type List []*Problem

func (l List) Error() string {
	s := make([]string, len(l))
	for i, p := range l {
		s[i] = p.Error()
	}
	return strings.Join(s, "\n")
}

// Sort orders problems by file, line and column, for deterministic output.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// Problems extracts the problems of err: a List, a *Problem, or any other error as one
// problem without a place.
func Problems(err error) List {
	if err == nil {
		return nil
	}
	var l List
	if errors.As(err, &l) {
		return l
	}
	var p *Problem
	if errors.As(err, &p) {
		return List{p}
	}
	return List{{Message: err.Error()}}
}
