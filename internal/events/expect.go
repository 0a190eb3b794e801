package events

import (
	"fmt"
	"strconv"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/sortedkeys"
	"github.com/sanctions-dev/sanctions/internal/yamlvalue"
)

// expect reads a fixture's expect block: {event-id: {rules: [RULE-ID, ...], exempted: [RULE-ID, ...]}}.
func (d *decoder) expect(v any, at func(path []string) Position) {
	bad := func(path []string, msg string) {
		p := at(path)
		d.file.Problems = append(d.file.Problems, &diag.Problem{File: p.File, Line: p.Line, Column: p.Column,
			Field: "expect." + yamlvalue.PathString(path), Message: msg})
	}
	m, ok := v.(map[string]any)
	if !ok {
		bad(nil, "want a mapping of event ids to {rules: [...]}")
		return
	}
	if d.file.Expect == nil {
		d.file.Expect = map[string]Expectation{}
	}
	for _, id := range sortedkeys.Of(m) { // in a fixed order: problems are reported in it
		x := m[id]
		e, ok := x.(map[string]any)
		if !ok {
			bad([]string{id}, "want {rules: [...]}")
			continue
		}
		exp := Expectation{Pos: at([]string{id}), Rules: []string{}}
		for _, k := range sortedkeys.Of(e) {
			val := e[k]
			if k == "verdicts" {
				exp.Verdicts = d.verdicts(val, []string{id, k}, bad)
				continue
			}
			if k != "rules" && k != "exempted" {
				bad([]string{id, k}, fmt.Sprintf("unknown key %q (want rules, exempted, verdicts)", k))
				continue
			}
			list, ok := val.([]any)
			if !ok {
				bad([]string{id, k}, "want a list of rule ids")
				continue
			}
			ids := []string{}
			for i, r := range list {
				s, ok := r.(string)
				if !ok || s == "" {
					bad([]string{id, k, strconv.Itoa(i)}, "want a rule id")
					continue
				}
				ids = append(ids, s)
			}
			if k == "rules" {
				exp.Rules = ids
			} else {
				exp.Exempted = ids
			}
		}
		if _, dup := d.file.Expect[id]; dup {
			bad([]string{id}, "expectation for this event is given twice")
		}
		d.file.Expect[id] = exp
	}
}

// verdicts reads an expectation's {RULE-ID: verdict} mapping.
func (d *decoder) verdicts(v any, path []string, bad func([]string, string)) map[string]string {
	m, ok := v.(map[string]any)
	if !ok {
		bad(path, "want a mapping of rule ids to verdicts (possible_violation, needs_review)")
		return nil
	}
	out := map[string]string{}
	for _, rule := range sortedkeys.Of(m) {
		x := m[rule]
		s, _ := x.(string)
		if s != "possible_violation" && s != "needs_review" {
			bad(append(append([]string{}, path...), rule), "want possible_violation or needs_review")
			continue
		}
		out[rule] = s
	}
	return out
}
